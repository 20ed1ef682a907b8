/** One line of a SHA256SUMS file as `sha256sum` writes it (`<sha256>  <file>`, `*` before a binary-mode name); undefined when it is not one. */
export function parseSumsLine(line: string): { readonly sha256: string; readonly name: string } | undefined {
  const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
  return m === null ? undefined : { sha256: m[1] as string, name: m[2] as string };
}
