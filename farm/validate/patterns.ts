/** Patterns shared by the validators of recipes and of files that name sources. */

/** 64 lower-case hex digits. */
export const SHA256 = /^[0-9a-f]{64}$/;
/** One plain file name: no slash, not `.` or `..`, no spaces or shell characters. */
export const PLAIN_FILE = /^(?!\.\.?$)[A-Za-z0-9._+-]+$/;
/** An image reference (`name[:tag][@sha256:<hex>]`), lower-case as the engines take it. */
export const IMAGE_REF = /^[a-z0-9][a-z0-9._/-]*(:[\w.-]+)?(@sha256:[0-9a-f]{64})?$/;
