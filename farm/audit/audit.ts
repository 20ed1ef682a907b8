import { posix } from 'node:path';
import { EM_386, EM_X86_64, isElf, parseElf, type ReadAt } from './elf.js';
import { allowedBy, type AllowEntry } from './allowlist.js';
import { hardlinkProblem, unsafeName } from './entry-safety.js';
import { severityOf, WELL_KNOWN_MODES, type Finding, type Rule } from './rules.js';
import { compilePatterns, DEFAULT_BUILD_PATHS, purityPatterns, scanBuffer, scanChunks } from './scan.js';
import type { AuditTree, FileContent, TreeEntry } from './tree.js';

/**
 * s6-linux-init's run-image: the template of /run it copies at boot, which holds
 * the supervision tree's fifos (the catch-all logger's, shutdownd's). The one
 * place outside /dev where a Stasis rootfs ships fifos.
 */
const S6_RUN_IMAGE = /^etc\/s6-linux-init\/[^/]+\/run-image\//;
/** Files up to this size are read in one piece; larger ones are streamed in chunks. */
const WHOLE_FILE_LIMIT = 16 * 1024 * 1024;

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

const SUCKS = /^sucks(\/|$)/;
/**
 * GRUB's BIOS platform: its kernel and modules are 32-bit x86 code that the firmware's boot
 * path runs before any Stasis kernel, so ELF32 i386 is their right machine (only there).
 */
const BIOS_BOOT_CODE = /^usr\/lib\/grub\/i386-pc\//;

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
  const patterns = purityPatterns({ buildPaths: options.buildPaths ?? DEFAULT_BUILD_PATHS, hostname: options.hostname, username: options.username });
  const sucks = new Set(options.sucksPackages ?? ['jre-bin', 'i2p-bin', 'yt-dlp-bin']);
  const setuidOk = new Set(options.setuidAllowed ?? []);
  const paths = new Map<string, TreeEntry>();
  const symlinks: TreeEntry[] = [];
  let files = 0;
  let elfFiles = 0;
  const add = (rule: Rule, entry: TreeEntry, detail: string): void => {
    findings.push({ rule, severity: severityOf(rule), path: entry.path, package: entry.package, detail });
  };

  const contents: { entry: TreeEntry; content: FileContent }[] = [];
  for await (const { entry, content } of tree.entries()) {
    const unsafe = unsafeName(entry.path);
    if (unsafe !== undefined) {
      add('unsafe-path', entry, `${unsafe}: extracting this ${entry.type} writes outside the rootfs`);
      continue;
    }
    // A hardlink must name an entry before it (not itself, not one after it).
    const badLink = entry.type === 'hardlink' ? hardlinkProblem(entry, paths) : undefined;
    paths.set(entry.path, entry);
    const mode = entry.mode;
    if (entry.uid !== 0 || entry.gid !== 0) add('non-root-owner', entry, `owned by ${entry.uid}:${entry.gid}`);
    const known = WELL_KNOWN_MODES[entry.path];
    if (known !== undefined && !known.includes(mode & 0o7777))
      add('well-known-mode', entry, `mode ${(mode & 0o7777).toString(8).padStart(4, '0')}, expected ${known.map((m) => m.toString(8).padStart(4, '0')).join(' or ')}`);
    if ((entry.type === 'char' || entry.type === 'block') && !entry.path.startsWith('dev/')) add('device-outside-dev', entry, `${entry.type} device outside /dev`);
    if (entry.type === 'fifo' && !entry.path.startsWith('dev/') && !S6_RUN_IMAGE.test(entry.path)) add('fifo-outside-dev', entry, 'fifo outside /dev');
    if (badLink !== undefined) add('hardlink-outside', entry, badLink);
    if (entry.type === 'dir' && (mode & 0o002) !== 0 && (mode & 0o1000) === 0) add('world-writable-dir', entry, 'world-writable without the sticky bit');
    if (entry.type === 'symlink') symlinks.push(entry);
    if (entry.type !== 'file') continue;
    files++;
    if ((mode & 0o4000) !== 0 && !setuidOk.has(entry.path)) add('setuid', entry, 'setuid file');
    if ((mode & 0o2000) !== 0 && !setuidOk.has(entry.path)) add('setgid', entry, 'setgid file');
    if ((mode & 0o002) !== 0) add('world-writable-file', entry, 'world-writable file');
    if (content !== undefined && entry.size > 0) contents.push({ entry, content });
  }

  // File contents: each file read once, several in flight so reading and scanning overlap.
  const re = compilePatterns(patterns);
  const checkFile = async ({ entry, content }: { entry: TreeEntry; content: FileContent }): Promise<void> => {
    const whole = entry.size <= WHOLE_FILE_LIMIT && content.readAll !== undefined ? await content.readAll() : undefined;
    const readAt: ReadAt = whole === undefined ? content.readAt : (o, l) => Promise.resolve(whole.subarray(o, o + l));
    const head = await readAt(0, 64);
    if (isElf(head)) {
      elfFiles++;
      const elf = await parseElf(readAt, entry.size);
      if (elf !== undefined) {
        const biosCode = BIOS_BOOT_CODE.test(entry.path) && !elf.class64 && elf.machine === EM_386;
        if ((!elf.class64 || elf.machine !== EM_X86_64) && !biosCode)
          add('elf-foreign-arch', entry, `machine ${elf.machine}, ${elf.class64 ? 'ELF64' : 'ELF32'} (only x86_64 is a Stasis target)`);
        const dynamic = elf.interp || elf.needed > 0;
        const mayBeDynamic = SUCKS.test(entry.path) && (entry.package === undefined || sucks.has(entry.package));
        if (dynamic && !mayBeDynamic)
          add('elf-dynamic', entry, elf.interp ? `has an interpreter (PT_INTERP)${elf.needed > 0 ? ` and ${elf.needed} DT_NEEDED` : ''}` : `${elf.needed} DT_NEEDED`);
        if (elf.textrel) add('elf-textrel', entry, 'text relocations (DT_TEXTREL)');
        if (elf.execStack) add('elf-execstack', entry, 'executable stack (PT_GNU_STACK has PF_X)');
        if (elf.symtab) add('elf-unstripped', entry, 'not stripped: has a symbol table (.symtab); the recipe sets strip = false or its build strips nothing');
      }
    }
    const leaks = whole !== undefined ? scanBuffer(whole, patterns, re) : await scanChunks(content.chunks(), patterns);
    for (const p of leaks) add(p.rule, entry, `contains "${p.label}"`);
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < contents.length) {
      const item = contents[next++];
      if (item !== undefined) await checkFile(item);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.rule < b.rule ? -1 : 1));

  for (const link of symlinks) {
    const target = link.target ?? '';
    const resolved = target.startsWith('/') ? posix.normalize(target).replace(/^\/+/, '') : posix.normalize(posix.join(posix.dirname(link.path), target));
    if (!target.startsWith('/') && (resolved === '..' || resolved.startsWith('../'))) {
      add('symlink-outside', link, `points outside the rootfs (${target})`);
      continue;
    }
    if (resolveInTree(resolved, paths) === undefined)
      add(target.startsWith('/') ? 'dangling-symlink' : 'dangling-symlink', link, `points to ${target}, which is not in the rootfs`);
  }

  const allow = options.allowlist ?? [];
  const kept: Finding[] = [];
  const warnings: Finding[] = [];
  const allowed: (Finding & { reason: string })[] = [];
  for (const f of findings) {
    const a = allowedBy(f, allow);
    if (a !== undefined) allowed.push({ ...f, reason: a.reason });
    else if (f.severity === 'warning') warnings.push(f);
    else kept.push(f);
  }
  return { target: tree.label, files, elfFiles, findings: kept, warnings, allowed };
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
