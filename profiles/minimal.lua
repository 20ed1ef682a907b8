-- minimal: what boots to a shell under s6 and can rebuild itself.
--   boot:      rootfs-layout, grub, linux, s6-linux-init + s6-boot, mdevd
--   services:  s6, s6-rc, execline (skalibs)
--   userland:  busybox (sh, the POSIX tools, mount, getty, login), kbd
--   rebuild:   musl-cross-make (gcc/g++ for x86_64-linux-musl, the `cc` of the
--              stage builds), make, and what the recipes of this very set need
--              at build time: m4, bison, flex, bc, elfutils, zlib, xz, bzip2,
--              patch, certs (TLS trust for fetching on a connected machine).
return {
  description = "Boots to a shell with s6 and can rebuild itself",
  extends = nil,
  packages = {
    "rootfs-layout", "grub", "linux", "s6-linux-init", "s6-boot", "mdevd",
    "skalibs", "execline", "s6", "s6-rc",
    "busybox", "kbd", "libc-tools",
    "musl-cross-make", "make", "m4", "bison", "flex", "bc", "elfutils",
    "zlib", "xz", "bzip2", "patch", "certs",
  },
}
