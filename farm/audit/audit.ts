import { posix } from 'node:path';
import { allowedBy, type AllowEntry } from './allowlist.js';
import { checkContents, type AddFinding, type ContentRules, type FileToRead } from './contents.js';
import { hardlinkProblem, unsafeName } from './entry-safety.js';
import { severityOf, WELL_KNOWN_MODES, type Finding } from './rules.js';
import { DEFAULT_BUILD_PATHS, purityPatterns } from './scan.js';
import type { AuditTree, TreeEntry } from './tree.js';

/**
 * s6-linux-init's run-image: the template of /run it copies at boot, which holds
 * the supervision tree's fifos (the catch-all logger's, shutdownd's). The one
 * place outside /dev where a Stasis rootfs ships fifos.
 */
const S6_RUN_IMAGE = /^etc\/s6-linux-init\/[^/]+\/run-image\//;

export interface AuditOptions {
  readonly allowlist?: readonly AllowEntry[];
  readonly hostname?: string | undefined;
  readonly username?: string | undefined;
  readonly buildPaths?: readonly string[];
  /** Packages allowed to be dynamic under /sucks (the seed's non-static class). */
  readonly sucksPackages?: readonly string[];
  /** setuid/setgid paths accepted without an allowlist entry. */
  readonly setuidAllowed?: readonly string[];
}

export interface AuditReport {
  readonly target: string;
  readonly files: number;
  readonly elfFiles: number;
  /** Failures: any of them fails `tests` and the release audit. */
  readonly findings: readonly Finding[];
  /** Reported, failing nothing (e.g. an ELF file that still has its symbol table). */
  readonly warnings: readonly Finding[];
  readonly allowed: readonly (Finding & { readonly reason: string })[];
}

/**
 * Audit a tree: linkage (every ELF static x86_64, no TEXTREL, no exec stack),
 * permissions (setuid, world-writable, owners, device nodes and fifos outside
 * /dev, well-known modes), entries that leave the tree (names with `..` or
 * absolute, hardlinks to paths outside or not in the archive), and purity
 * (build/builder paths, glibc versions, host and user names,
 * symlinks leaving the tree or pointing nowhere).
 */
export async function auditTree(tree: AuditTree, options: AuditOptions = {}): Promise<AuditReport> {
  const findings: Finding[] = [];
  const add: AddFinding = (rule, entry, detail) => {
    findings.push({ rule, severity: severityOf(rule), path: entry.path, package: entry.package, detail });
  };
  const walk = await walkEntries(tree, new Set(options.setuidAllowed ?? []), add);
  const elfFiles = await checkContents(walk.contents, contentRules(options), add);
  findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.rule < b.rule ? -1 : 1));
  // Symlink findings follow the sorted ones, in the order of the tree.
  checkSymlinks(walk.symlinks, walk.paths, add);
  return { target: tree.label, files: walk.files, elfFiles, ...sortOut(findings, options.allowlist ?? []) };
}

function contentRules(options: AuditOptions): ContentRules {
  return {
    patterns: purityPatterns({ buildPaths: options.buildPaths ?? DEFAULT_BUILD_PATHS, hostname: options.hostname, username: options.username }),
    sucks: new Set(options.sucksPackages ?? ['jre-bin', 'i2p-bin', 'yt-dlp-bin']),
  };
}

/** What one pass over the entries leaves for the checks that need the whole tree. */
interface Walk {
  readonly paths: Map<string, TreeEntry>;
  readonly symlinks: TreeEntry[];
  readonly contents: FileToRead[];
  files: number;
}

/** One pass over the entries in archive order: names, owners, modes and links, checked as they come. */
async function walkEntries(tree: AuditTree, setuidOk: ReadonlySet<string>, add: AddFinding): Promise<Walk> {
  const walk: Walk = { paths: new Map(), symlinks: [], contents: [], files: 0 };
  for await (const { entry, content } of tree.entries()) {
    const unsafe = unsafeName(entry.path);
    if (unsafe !== undefined) {
      add('unsafe-path', entry, `${unsafe}: extracting this ${entry.type} writes outside the rootfs`);
      continue;
    }
    // A hardlink must name an entry before it (not itself, not one after it).
    const badLink = entry.type === 'hardlink' ? hardlinkProblem(entry, walk.paths) : undefined;
    walk.paths.set(entry.path, entry);
    checkEntry(entry, badLink, add);
    if (entry.type === 'symlink') walk.symlinks.push(entry);
    if (entry.type !== 'file') continue;
    walk.files++;
    checkFileMode(entry, setuidOk, add);
    if (content !== undefined && entry.size > 0) walk.contents.push({ entry, content });
  }
  return walk;
}

/** Owner, mode and kind of any entry. */
function checkEntry(entry: TreeEntry, badLink: string | undefined, add: AddFinding): void {
  const mode = entry.mode;
  if (entry.uid !== 0 || entry.gid !== 0) add('non-root-owner', entry, `owned by ${entry.uid}:${entry.gid}`);
  const known = WELL_KNOWN_MODES[entry.path];
  if (known !== undefined && !known.includes(mode & 0o7777))
    add('well-known-mode', entry, `mode ${(mode & 0o7777).toString(8).padStart(4, '0')}, expected ${known.map((m) => m.toString(8).padStart(4, '0')).join(' or ')}`);
  if ((entry.type === 'char' || entry.type === 'block') && !entry.path.startsWith('dev/')) add('device-outside-dev', entry, `${entry.type} device outside /dev`);
  if (entry.type === 'fifo' && !entry.path.startsWith('dev/') && !S6_RUN_IMAGE.test(entry.path)) add('fifo-outside-dev', entry, 'fifo outside /dev');
  if (badLink !== undefined) add('hardlink-outside', entry, badLink);
  if (entry.type === 'dir' && (mode & 0o002) !== 0 && (mode & 0o1000) === 0) add('world-writable-dir', entry, 'world-writable without the sticky bit');
}

/** The mode bits of a regular file. */
function checkFileMode(entry: TreeEntry, setuidOk: ReadonlySet<string>, add: AddFinding): void {
  const mode = entry.mode;
  if ((mode & 0o4000) !== 0 && !setuidOk.has(entry.path)) add('setuid', entry, 'setuid file');
  if ((mode & 0o2000) !== 0 && !setuidOk.has(entry.path)) add('setgid', entry, 'setgid file');
  if ((mode & 0o002) !== 0) add('world-writable-file', entry, 'world-writable file');
}

/** Symlinks that leave the tree, or whose target is not in it (once every entry is known). */
function checkSymlinks(symlinks: readonly TreeEntry[], paths: ReadonlyMap<string, TreeEntry>, add: AddFinding): void {
  for (const link of symlinks) {
    const target = link.target ?? '';
    const resolved = target.startsWith('/') ? posix.normalize(target).replace(/^\/+/, '') : posix.normalize(posix.join(posix.dirname(link.path), target));
    if (!target.startsWith('/') && (resolved === '..' || resolved.startsWith('../'))) {
      add('symlink-outside', link, `points outside the rootfs (${target})`);
      continue;
    }
    if (resolveInTree(resolved, paths) === undefined) add('dangling-symlink', link, `points to ${target}, which is not in the rootfs`);
  }
}

/** Findings the allowlist accepts, warnings, and the failures that are left. */
function sortOut(findings: readonly Finding[], allow: readonly AllowEntry[]): Pick<AuditReport, 'findings' | 'warnings' | 'allowed'> {
  const kept: Finding[] = [];
  const warnings: Finding[] = [];
  const allowed: (Finding & { reason: string })[] = [];
  for (const f of findings) {
    const a = allowedBy(f, allow);
    if (a !== undefined) allowed.push({ ...f, reason: a.reason });
    else if (f.severity === 'warning') warnings.push(f);
    else kept.push(f);
  }
  return { findings: kept, warnings, allowed };
}

/** Follow symlinks inside the tree (at most 32 hops); undefined when the chain leaves it or ends nowhere. */
function resolveInTree(path: string, paths: ReadonlyMap<string, TreeEntry>, depth = 0): TreeEntry | undefined {
  if (path === '' || path === '.') return { path: '', type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 };
  if (depth > 32) return undefined;
  const parts = path.split('/');
  let current = '';
  for (let i = 0; i < parts.length; i++) {
    current = current === '' ? (parts[i] as string) : `${current}/${parts[i]}`;
    const e = paths.get(current);
    if (e === undefined) return undefined;
    if (e.type === 'symlink') {
      const t = e.target ?? '';
      const next = t.startsWith('/') ? posix.normalize(t).replace(/^\/+/, '') : posix.normalize(posix.join(posix.dirname(current), t));
      if (next.startsWith('..')) return undefined;
      const rest = parts.slice(i + 1).join('/');
      return resolveInTree(rest === '' ? next : `${next}/${rest}`, paths, depth + 1);
    }
  }
  return paths.get(current);
}
