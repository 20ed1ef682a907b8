import { readFile } from 'node:fs/promises';
import { FarmError } from '../errors/index.js';
import { globToRegExp } from '../fs/glob.js';
import { readYamlList } from '../validate/yaml-list.js';
import { RULES, type Finding, type Rule } from './rules.js';

export interface AllowEntry {
  readonly rule: Rule;
  readonly path: string;
  readonly package: string | undefined;
  readonly reason: string;
  readonly pattern: RegExp;
}

/** `- { rule: setuid, path: usr/bin/su, reason: "su must be setuid" }`; every entry needs a reason. */
export function parseAllowlist(text: string, file: string): AllowEntry[] {
  return readYamlList(text, file, 'allowlist entries', ['rule', 'path', 'package', 'reason'], (r, o, at) => {
    const rule = r.string(o, 'rule', at);
    if (rule !== undefined && !(RULES as readonly string[]).includes(rule)) r.fail(`${at}.rule`, `expected one of ${RULES.join(', ')}`);
    const glob = r.string(o, 'path', at, { pattern: /./, what: 'a path or glob' });
    const pkg = r.string(o, 'package', at, { optional: true });
    const reason = typeof o['reason'] === 'string' ? o['reason'].trim() : undefined;
    if (reason === undefined || reason.length < 3) r.fail(`${at}.reason`, 'every allowlist entry needs a reason (a few words)');
    if (rule === undefined || !(RULES as readonly string[]).includes(rule) || glob === undefined || reason === undefined || reason.length < 3) return undefined;
    const path = glob.replace(/^\/+/, '');
    return { rule: rule as Rule, path, package: pkg, reason, pattern: globToRegExp(path) };
  });
}

export async function loadAllowlist(file: string | undefined): Promise<AllowEntry[]> {
  if (file === undefined) return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FarmError('CONFIG_INVALID', `${file}: cannot read the allowlist`, { cause: error });
  }
  return parseAllowlist(text, file);
}

export function allowedBy(finding: Finding, allow: readonly AllowEntry[]): AllowEntry | undefined {
  return allow.find((a) => a.rule === finding.rule && a.pattern.test(finding.path) && (a.package === undefined || a.package === finding.package));
}
