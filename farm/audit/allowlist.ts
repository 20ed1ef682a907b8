import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { FarmError } from '../errors/index.js';
import { globToRegExp } from '../release/compare.js';
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
  const data = parse(text) as unknown;
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new FarmError('CONFIG_INVALID', `${file}: expected a list of allowlist entries`);
  return data.map((raw: unknown, i) => {
    const where = `${file}: [${i + 1}]`;
    if (typeof raw !== 'object' || raw === null) throw new FarmError('CONFIG_INVALID', `${where}: expected a mapping`);
    const r = raw as Record<string, unknown>;
    for (const k of Object.keys(r)) if (!['rule', 'path', 'package', 'reason'].includes(k)) throw new FarmError('CONFIG_INVALID', `${where}.${k}: unknown field (rule, path, package, reason)`);
    if (typeof r['rule'] !== 'string' || !(RULES as readonly string[]).includes(r['rule']))
      throw new FarmError('CONFIG_INVALID', `${where}.rule: expected one of ${RULES.join(', ')}`);
    if (typeof r['path'] !== 'string' || r['path'] === '') throw new FarmError('CONFIG_INVALID', `${where}.path: a path or glob is required`);
    if (typeof r['reason'] !== 'string' || r['reason'].trim().length < 3) throw new FarmError('CONFIG_INVALID', `${where}.reason: every allowlist entry needs a reason`);
    const path = r['path'].replace(/^\/+/, '');
    return { rule: r['rule'] as Rule, path, package: typeof r['package'] === 'string' ? r['package'] : undefined, reason: r['reason'].trim(), pattern: globToRegExp(path) };
  });
}

export async function loadAllowlist(file: string | undefined): Promise<AllowEntry[]> {
  if (file === undefined) return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new FarmError('CONFIG_INVALID', `${file}: cannot read the allowlist`);
  }
  return parseAllowlist(text, file);
}

export function allowedBy(finding: Finding, allow: readonly AllowEntry[]): AllowEntry | undefined {
  return allow.find((a) => a.rule === finding.rule && a.pattern.test(finding.path) && (a.package === undefined || a.package === finding.package));
}
