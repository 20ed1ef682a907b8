/** One NO_PROXY entry: a host (or suffix) and, when given, the only port it applies to. */
export interface NoProxyRule {
  /** Lower case, no leading `.` or `*.`; `*` matches every host. */
  readonly host: string;
  readonly port: number | undefined;
}

/**
 * NO_PROXY as curl and most tools read it: comma (or space) separated entries, each a host
 * name that also covers its subdomains (`example.org`, `.example.org` and `*.example.org` are
 * the same rule), an IP address, or `*` for everything; `host:port` and `[v6]:port` limit an
 * entry to one port. CIDR ranges are not understood (an entry that is one matches nothing).
 */
export function parseNoProxy(value: string | undefined): NoProxyRule[] {
  const rules: NoProxyRule[] = [];
  for (const raw of (value ?? '').split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const rule = parseEntry(entry);
    if (rule.host !== '') rules.push(rule);
  }
  return rules;
}

function parseEntry(entry: string): NoProxyRule {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed !== null) return { host: bracketed[1] as string, port: bracketed[2] === undefined ? undefined : Number(bracketed[2]) };
  // More than one colon: a bare IPv6 address, which cannot carry a port.
  const withPort = /^([^:]+):(\d+)$/.exec(entry);
  const host = withPort === null ? entry : (withPort[1] as string);
  return { host: host.replace(/^\*\./, '').replace(/^\./, ''), port: withPort === null ? undefined : Number(withPort[2]) };
}

/** True when `url` must be fetched directly, not through the environment's proxy. */
export function bypassesProxy(url: URL, rules: readonly NoProxyRule[]): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return rules.some((r) => (r.port === undefined || r.port === port) && (r.host === '*' || host === r.host || host.endsWith(`.${r.host}`)));
}
