import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack, type Pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { auditTree, openTreeFromTarball, type Finding } from '../../farm/audit/index.js';
import { cli, type CliResult } from '../support/cli.js';

const rules = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.rule}:${f.path}`).sort();

type EntryHeader = Parameters<Pack['entry']>[0];

/** A tarball made of raw entries (names are written exactly as given). */
async function tarball(entries: readonly (EntryHeader & { body?: string })[], options: { gzip?: boolean } = {}): Promise<string> {
  const p = pack();
  for (const { body, ...header } of entries) {
    if (body === undefined) p.entry({ mode: 0o644, ...header });
    else p.entry({ mode: 0o644, ...header }, body);
  }
  p.finalize();
  const file = join(await mkdtemp(join(tmpdir(), 'audit-tarball-')), options.gzip === true ? 'rootfs.tar.gz' : 'rootfs.tar');
  if (options.gzip === true) await pipeline(p, createGzip(), createWriteStream(file));
  else await pipeline(p, createWriteStream(file));
  return file;
}

/** `stasis-farm tests <file>` in a fresh directory. */
async function audit(file: string): Promise<CliResult> {
  return cli(await mkdtemp(join(tmpdir(), 'audit-cli-')), ['tests', file]);
}

describe('audit of a release tarball: unsafe entries are findings', () => {
  it('names entries with "..", absolute names, hardlinks and symlinks leaving the tree, fifos and devices outside /dev', async () => {
    const file = await tarball([
      { name: 'usr/bin/real', body: 'x' },
      { name: './usr/bin/same', type: 'link', linkname: 'usr/bin/real' },
      { name: '../../etc/cron.d/evil', body: 'x' },
      { name: 'usr/../../escape', body: 'x' },
      { name: '/etc/absolute', body: 'x' },
      { name: 'usr/bin/h-abs', type: 'link', linkname: '/etc/shadow' },
      { name: 'usr/bin/h-up', type: 'link', linkname: '../../etc/shadow' },
      { name: 'usr/bin/h-missing', type: 'link', linkname: 'usr/bin/not-in-archive' },
      { name: 'usr/bin/h-self', type: 'link', linkname: 'usr/bin/h-self' },
      { name: 'usr/lib/up', type: 'symlink', linkname: '../../../etc' },
      { name: '../link', type: 'symlink', linkname: 'usr' },
      { name: 'dev/initctl', type: 'fifo' },
      { name: 'run/fifo', type: 'fifo' },
      // s6-linux-init's template of /run carries the supervision tree's fifos: allowed there only.
      { name: 'etc/s6-linux-init/current/run-image/service/s6-svscan-log/fifo', type: 'fifo' },
      { name: 'etc/s6-linux-init/fifo', type: 'fifo' },
      { name: 'dev/../etc/null', type: 'character-device', devmajor: 1, devminor: 3 },
      { name: 'dev/null', type: 'character-device', devmajor: 1, devminor: 3 },
    ]);
    const report = await auditTree(openTreeFromTarball(file));
    expect(rules(report.findings)).toEqual([
      'fifo-outside-dev:etc/s6-linux-init/fifo',
      'fifo-outside-dev:run/fifo',
      'hardlink-outside:usr/bin/h-abs',
      'hardlink-outside:usr/bin/h-missing',
      'hardlink-outside:usr/bin/h-self',
      'hardlink-outside:usr/bin/h-up',
      'symlink-outside:usr/lib/up',
      'unsafe-path:../../etc/cron.d/evil',
      'unsafe-path:../link',
      'unsafe-path:/etc/absolute',
      'unsafe-path:dev/../etc/null',
      'unsafe-path:usr/../../escape',
    ]);
    expect(report.findings.find((f) => f.path === 'usr/bin/h-abs')?.detail).toMatch(/\/etc\/shadow/);
  });

  it('a clean tarball with a hardlink inside it stays clean', async () => {
    const file = await tarball(
      [
        { name: 'usr/', type: 'directory', mode: 0o755 },
        { name: 'usr/bin/a', body: 'a' },
        { name: 'usr/bin/b', type: 'link', linkname: 'usr/bin/a' },
      ],
      { gzip: true },
    );
    expect((await auditTree(openTreeFromTarball(file))).findings).toEqual([]);
  });

  it('`stasis-farm tests` reports them as findings (exit 1)', async () => {
    const r = await audit(await tarball([{ name: '../../etc/passwd', body: 'root::0:0::/:/bin/sh\n' }]));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/unsafe-path[\s\S]*\.\.\/\.\.\/etc\/passwd/);
  });
});

describe('audit of a file that is not a whole tar archive', () => {
  const broken = async (): Promise<Record<string, string>> => {
    const whole = await tarball([{ name: 'usr/bin/big', body: 'x'.repeat(20_000) }]);
    const gz = await tarball([{ name: 'usr/bin/big', body: 'y'.repeat(200_000) }], { gzip: true });
    const dir = await mkdtemp(join(tmpdir(), 'audit-broken-'));
    const files: Record<string, Buffer | string> = {
      'truncated.tar': (await readFile(whole)).subarray(0, 5_000),
      'truncated.tar.gz': (await readFile(gz)).subarray(0, 300),
      'text.tar': 'this is a README, not a tarball\n'.repeat(40),
      'random.tar': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251)),
      'empty.tar': '',
    };
    const out: Record<string, string> = {};
    for (const [name, body] of Object.entries(files)) await writeFile((out[name] = join(dir, name)), body);
    return out;
  };

  it('is an ARCHIVE_INVALID error naming the file, not a stream error', async () => {
    for (const [name, file] of Object.entries(await broken())) {
      const error = await auditTree(openTreeFromTarball(file)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, name).toMatchObject({ name: 'FarmError', code: 'ARCHIVE_INVALID', message: expect.stringContaining(file) as unknown });
    }
  });

  it('`stasis-farm tests` renders it as an error, not an internal error', async () => {
    const files = await broken();
    for (const name of ['truncated.tar', 'text.tar']) {
      const r = await audit(files[name] as string);
      expect(r.err, name).toContain(`[ARCHIVE_INVALID] ${files[name]}`);
      expect(r.err, name).not.toContain('internal error');
      expect(r.code, name).toBe(4);
    }
  });
});
