export { auditTree } from './audit.js';
export type { AuditOptions, AuditReport } from './audit.js';
export { openTreeFromDirectory, openTreeFromTarball } from './tree.js';
export type { AuditTree, TreeEntry } from './tree.js';
export { loadAllowlist, parseAllowlist } from './allowlist.js';
export { formatAuditReport, auditReportToYaml } from './report.js';
export { RULES } from './rules.js';
export type { Finding, Rule } from './rules.js';
export { parseElf, isElf } from './elf.js';
