/**
 * Whether `text` is a well-formed XML document, in the subset a farm writes (declaration,
 * elements, attributes in double quotes, text; no comments, CDATA or DTD): the problem, or
 * undefined. Enough to catch what escaping bugs make: a raw `<` or `&`, an unclosed or
 * mismatched tag, a character XML cannot hold.
 */
export function xmlProblem(text: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(text)) return 'a character XML cannot hold';
  const body = text.replace(/^<\?xml [^?]*\?>\s*/, '');
  const open: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  for (let m = token.exec(body); m !== null; m = token.exec(body)) {
    const [, close, name, attrs, selfClosing, chars, stray] = m;
    if (stray !== undefined) return `a raw "<" at ${m.index}`;
    const content = chars ?? attrs ?? '';
    const amp = content.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, '');
    if (amp.includes('&')) return `a raw "&" near ${JSON.stringify(content.slice(0, 60))}`;
    if (chars !== undefined) {
      if (open.length === 0 && chars.trim() !== '') return 'text outside the root element';
      continue;
    }
    if (close === '/') {
      if (open.pop() !== name) return `</${name}> closes nothing open`;
    } else if (selfClosing !== '/') {
      if (open.length === 0) roots++;
      open.push(name as string);
    } else if (open.length === 0) roots++;
  }
  if (token.lastIndex !== 0 && token.lastIndex < body.length) return `unreadable at ${token.lastIndex}`;
  if (open.length > 0) return `<${open.join('>, <')}> never closed`;
  return roots === 1 ? undefined : `${roots} root elements`;
}
