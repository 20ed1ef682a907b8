import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack } from 'tar-stream';
import { FarmError } from '../../farm/errors/index.js';
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { parse } from 'yaml';
import { auditReportToYaml, auditTree, formatAuditReport, openTreeFromDirectory, openTreeFromTarball, parseAllowlist, type Finding } from '../../farm/audit/index.js';
import type { RootfsEntry } from '../../farm/rootfs/merge.js';
import { makeElf } from './elf-fixture.js';

async function tree(files: Record<string, Buffer | string | { link: string }>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'audit-'));
  for (const [path, body] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    if (typeof body === 'object' && 'link' in body) await symlink(body.link, join(dir, path));
    else await writeFile(join(dir, path), body);
  }
  return dir;
}

const entry = (path: string, extra: Partial<RootfsEntry> = {}): RootfsEntry => ({ path, type: 'file', mode: 0o755, uid: 0, gid: 0, size: 0, package: 'pkg', ...extra });
const rules = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.rule}:${f.path}`).sort();
/** The audit of a tree made of these files. */
const auditOf = async (files: Parameters<typeof tree>[0]) => auditTree(openTreeFromDirectory(await tree(files)));

describe('audit: linkage', () => {
  it('finds dynamic, TEXTREL, exec-stack and foreign-arch ELF files and names them', async () => {
    const report = await auditOf({
      'usr/bin/static': makeElf(),
      'usr/bin/dynamic': makeElf({ interp: true, needed: 1 }),
      'usr/bin/needs': makeElf({ needed: 2 }),
      'usr/lib/textrel.so': makeElf({ textrel: true }),
      'usr/bin/execstack': makeElf({ stackFlags: 7 }),
      'usr/bin/arm': makeElf({ machine: 183 }),
      'usr/share/doc/readme': 'plain text',
    });
    expect(rules(report.findings)).toEqual([
      'elf-dynamic:usr/bin/dynamic',
      'elf-dynamic:usr/bin/needs',
      'elf-execstack:usr/bin/execstack',
      'elf-foreign-arch:usr/bin/arm',
      'elf-textrel:usr/lib/textrel.so',
    ]);
    expect(report.elfFiles).toBe(6);
  });

  it('accepts 32-bit x86 only as GRUB BIOS boot code under usr/lib/grub/i386-pc/', async () => {
    // A bare ELF32 i386 header: the audit reads class and machine from it.
    const i386 = Buffer.alloc(52);
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]).copy(i386);
    i386.writeUInt16LE(1, 16);
    i386.writeUInt16LE(3, 18);
    const dir = await tree({ 'usr/lib/grub/i386-pc/normal.mod': i386, 'usr/bin/i386-tool': i386, 'usr/lib/grub/i386-pc/arm.mod': makeElf({ machine: 183 }) });
    expect(rules((await auditTree(openTreeFromDirectory(dir))).findings)).toEqual([
      'elf-foreign-arch:usr/bin/i386-tool',
      'elf-foreign-arch:usr/lib/grub/i386-pc/arm.mod',
    ]);
  });

  it('accepts a static-PIE (dynamic section, no interpreter, no DT_NEEDED)', async () => {
    const dir = await tree({ 'usr/bin/pie': makeElf({ needed: 0, textrel: false, interp: false }) });
    expect((await auditTree(openTreeFromDirectory(dir))).findings).toEqual([]);
  });

  it('allows dynamic binaries of the /sucks class only under /sucks', async () => {
    const dir = await tree({ 'sucks/jre/bin/java': makeElf({ interp: true, needed: 3 }), 'usr/bin/java': makeElf({ interp: true }) });
    const manifest = [entry('sucks/jre/bin/java', { package: 'jre-bin' }), entry('usr/bin/java', { package: 'jre-bin' })];
    const report = await auditTree(openTreeFromDirectory(dir, manifest));
    expect(rules(report.findings)).toEqual(['elf-dynamic:usr/bin/java']);
  });
});

describe('audit: unstripped ELF (a warning)', () => {
  it('warns about an ELF file with a .symtab, fails nothing, and reports it in text and YAML', async () => {
    const dir = await tree({
      'usr/bin/debug': makeElf({ sectionType: 2 }),
      'usr/bin/stripped': makeElf({ sectionType: 11 }),
      // A relocatable object keeps its symbol table: it is linked into programs (crt1.o, crtbegin.o).
      'usr/lib/crt1.o': makeElf({ type: 1, sectionType: 2 }),
      'usr/bin/plain': makeElf(),
    });
    const report = await auditTree(openTreeFromDirectory(dir, [entry('usr/bin/debug'), entry('usr/bin/stripped'), entry('usr/bin/plain')]));
    expect(report.findings).toEqual([]);
    expect(report.warnings).toEqual([
      {
        rule: 'elf-unstripped',
        severity: 'warning',
        path: 'usr/bin/debug',
        package: 'pkg',
        detail: expect.stringMatching(/^not stripped: has a symbol table \(\.symtab\)/) as unknown,
      },
    ]);
    const text = formatAuditReport(report, new Chalk({ level: 0 }));
    expect(text).toContain('warning: elf-unstripped (1)\n  pkg\n    /usr/bin/debug: not stripped');
    expect(text).toContain('clean: 0 findings, 1 warning(s)');
    const yaml = parse(auditReportToYaml(report)) as { verdict: string; warnings: { rule: string; severity: string }[] };
    expect(yaml.verdict).toBe('clean');
    expect(yaml.warnings.map((w) => [w.rule, w.severity])).toEqual([['elf-unstripped', 'warning']]);
    expect((JSON.parse(JSON.stringify(report)) as typeof report).warnings).toHaveLength(1);
  });

  it('keeps failures failing next to warnings, each marked with its severity', async () => {
    const dir = await tree({ 'usr/bin/dyn': makeElf({ interp: true, sectionType: 2 }) });
    const report = await auditTree(openTreeFromDirectory(dir));
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([['elf-dynamic', 'failure']]);
    expect(report.warnings.map((f) => [f.rule, f.severity])).toEqual([['elf-unstripped', 'warning']]);
    expect(formatAuditReport(report, new Chalk({ level: 0 }))).toContain('1 finding(s), 1 warning(s)');
  });
});

describe('audit: permissions (from the manifest)', () => {
  it('finds setuid, world-writable dirs and files, non-root owners, devices outside /dev and bad well-known modes', async () => {
    const dir = await tree({ 'usr/bin/su': 'x', 'var/spool/x': 'x', 'etc/shadow': 'root:!:1::::::\n', 'srv/file': 'x' });
    const manifest = [
      entry('usr/bin/su', { mode: 0o4755 }),
      entry('var/spool', { type: 'dir', mode: 0o777 }),
      entry('etc/shadow', { mode: 0o644 }),
      entry('srv/file', { mode: 0o666, uid: 1000 }),
    ];
    const report = await auditTree(openTreeFromDirectory(dir, manifest));
    expect(rules(report.findings)).toEqual([
      'non-root-owner:srv/file',
      'setuid:usr/bin/su',
      'well-known-mode:etc/shadow',
      'world-writable-dir:var/spool',
      'world-writable-file:srv/file',
    ]);
  });

  it('reads modes, owners and device nodes from a release tarball', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'audit-tar-'));
    const p = pack();
    p.entry({ name: 'tmp/', type: 'directory', mode: 0o1777 });
    p.entry({ name: 'dev/null', type: 'character-device', mode: 0o666, devmajor: 1, devminor: 3 });
    p.entry({ name: 'etc/null', type: 'character-device', mode: 0o666, devmajor: 1, devminor: 3 });
    p.entry({ name: 'usr/bin/x', mode: 0o6755 }, makeElf());
    p.finalize();
    const file = join(dir, 'rootfs.tar.gz');
    await pipeline(p, createGzip(), createWriteStream(file));
    const report = await auditTree(openTreeFromTarball(file));
    expect(rules(report.findings)).toEqual(['device-outside-dev:etc/null', 'setgid:usr/bin/x', 'setuid:usr/bin/x']);
  });
});

describe('audit: purity', () => {
  it('finds build paths, builder paths, glibc symbol versions, host and user names, escaping and dangling symlinks', async () => {
    const long = 'x'.repeat(1 << 20);
    const dir = await tree({
      'usr/bin/leaky': makeElf({ extra: 'compiled in /build/src/foo-1.0/main.c\0' }),
      // The needle straddles the 1 MiB chunk boundary.
      'usr/lib/big': Buffer.concat([Buffer.from(long.slice(0, (1 << 20) - 4)), Buffer.from('/usr/lib/x86_64-linux-gnu/libc.so')]),
      'usr/bin/glibc': makeElf({ interp: true, needed: 1, versionNeeds: ['GLIBC_2.2.5', 'GLIBC_2.14'] }),
      'etc/motd': 'built on farmhost-7 by alice-builder\n',
      'usr/bin/out': { link: '../../../../etc/passwd' },
      'usr/bin/gone': { link: '/usr/bin/nothing' },
      'usr/bin/ok': { link: 'leaky' },
      bin: { link: 'usr/bin' },
      'usr/bin/via': { link: '/bin/leaky' },
    });
    const report = await auditTree(openTreeFromDirectory(dir), { hostname: 'farmhost-7', username: 'alice-builder' });
    expect(rules(report.findings)).toEqual([
      'build-path:usr/bin/leaky',
      'builder-path:usr/lib/big',
      'dangling-symlink:usr/bin/gone',
      'elf-dynamic:usr/bin/glibc',
      'glibc-version:usr/bin/glibc',
      'host-name:etc/motd',
      'symlink-outside:usr/bin/out',
      'user-name:etc/motd',
    ]);
  });

  it("reads glibc's loader and symbol versions from a linked file's dynamic data, and from the bytes of objects and text", async () => {
    const ar = (body: string): Buffer => Buffer.concat([Buffer.from('!<arch>\n'), Buffer.from(body)]);
    const report = await auditOf({
      // gcc's driver names glibc's loader in its -mglibc spec; bfd handles glibc's versions: data.
      'usr/bin/gcc': makeElf({ extra: '%{mglibc:/lib64/ld-linux-x86-64.so.2;:/lib/ld-musl-x86_64.so.1}\0' }),
      'usr/bin/ld': makeElf({ type: 3, extra: 'GLIBC_2.36\0GLIBC_ABI_DT_RELR\0' }),
      'usr/lib/libbfd.a': ar('elf.o/ GLIBC_2.36\0'),
      'usr/lib/bfd.o': makeElf({ type: 1, extra: 'GLIBC_2.36\0' }),
      // The same names where they mean a dependency.
      'usr/bin/glibc-loader': makeElf({ interpPath: '/lib64/ld-linux-x86-64.so.2' }),
      'usr/bin/glibc-versions': makeElf({ type: 3, needed: 1, versionNeeds: ['GLIBC_2.34'] }),
      'usr/bin/musl-dyn': makeElf({ interp: true, needed: 1, versionNeeds: ['MUSL_1'] }),
      'usr/lib/libcompat.a': ar('compat.o/ memcpy@GLIBC_2.2.5\0'),
      'usr/lib/compat.o': makeElf({ type: 1, extra: 'memcpy@@GLIBC_2.14\0' }),
      'usr/lib/loader.a': ar('exec /lib64/ld-linux-x86-64.so.2\0'),
      'usr/bin/ldd': '#!/bin/sh\nRTLDLIST=/lib64/ld-linux-x86-64.so.2\n',
      'usr/share/versions': 'needs GLIBC_2.34\n',
    });
    expect(rules(report.findings)).toEqual([
      'builder-path:usr/bin/glibc-loader',
      'builder-path:usr/bin/ldd',
      'builder-path:usr/lib/loader.a',
      'elf-dynamic:usr/bin/glibc-loader',
      'elf-dynamic:usr/bin/glibc-versions',
      'elf-dynamic:usr/bin/musl-dyn',
      'glibc-version:usr/bin/glibc-versions',
      'glibc-version:usr/lib/compat.o',
      'glibc-version:usr/lib/libcompat.a',
      'glibc-version:usr/share/versions',
    ]);
    const detail = (path: string, rule: string): string | undefined => report.findings.find((f) => f.path === path && f.rule === rule)?.detail;
    expect(detail('usr/bin/glibc-loader', 'builder-path')).toBe("its loader (PT_INTERP) is glibc's /lib64/ld-linux-x86-64.so.2");
    expect(detail('usr/bin/glibc-versions', 'glibc-version')).toBe("needs glibc's symbol version GLIBC_2.34 (DT_VERNEED)");
  });

  it('an allowlist entry with a reason accepts a finding; one without a reason is rejected naming the entry', async () => {
    const dir = await tree({ 'usr/bin/su': 'x' });
    const allow = parseAllowlist('- rule: setuid\n  path: usr/bin/su\n  reason: su must switch users\n', 'allow.yaml');
    const report = await auditTree(openTreeFromDirectory(dir, [entry('usr/bin/su', { mode: 0o4755 })]), { allowlist: allow });
    expect(report.findings).toEqual([]);
    expect(report.allowed[0]?.reason).toBe('su must switch users');
    expect(() => parseAllowlist('- rule: setuid\n  path: usr/bin/su\n', 'allow.yaml')).toThrow(/allow\.yaml: \[1\]\.reason/);
  });

  it('a malformed allowlist is a CONFIG_INVALID naming the file (YAML syntax) or every bad field at once', () => {
    const bad = (text: string): FarmError => {
      try {
        parseAllowlist(text, 'allow.yaml');
      } catch (error) {
        if (error instanceof FarmError) return error;
        throw error;
      }
      throw new Error('no error');
    };
    const syntax = bad('- rule: setuid\n  path: [unclosed\n');
    expect(syntax.code).toBe('CONFIG_INVALID');
    expect(syntax.message).toMatch(/^allow\.yaml: not valid YAML: /);
    const fields = bad('- { rule: setuidd, path: usr/bin/su, reason: ok ok }\n- { rule: setuid, path: "", reason: x, colour: red }\n- just a string\n');
    expect(fields.code).toBe('CONFIG_INVALID');
    expect(fields.message).toContain('allow.yaml: [1].rule: expected one of');
    expect(fields.message).toContain('allow.yaml: [2].colour: unknown field');
    expect(fields.message).toContain('allow.yaml: [2].path:');
    expect(fields.message).toContain('allow.yaml: [2].reason: every allowlist entry needs a reason');
    expect(fields.message).toContain('allow.yaml: [3]: expected a table of named fields');
    expect(() => parseAllowlist('rule: setuid\n', 'allow.yaml')).toThrow(/allow\.yaml: expected a list of allowlist entries, got a table/);
    expect(parseAllowlist('', 'allow.yaml')).toEqual([]);
  });
});
