import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { containerTierReady, makeRoot, MIRROR, runFarm, smallProfileConfig, workspaceContainers } from '../support/farm.js';

const ready = await containerTierReady();
const exec = promisify(execFile);

// The boot profile (the tiny closure + the s6 family + s6-boot + mdevd) is released once: every package
// rebuilt by the stage's own tcc in A and B, A == B, stage B booted under qemu with the harness kernel
// (STASIS_KERNEL, set by .ci/run), then the release tarball booted again with `stasis-farm boot`.
// A release whose stages A and B differ is in trust.container.test.ts, on its tiny release.
const KERNEL = process.env['STASIS_KERNEL'];
const BOOT_PACKAGES = 16;

describe.skipIf(!ready)('stasis-farm release on the boot profile (dev -> A -> B in containers, B booted)', () => {
  let root: string;
  let stageA: string;
  beforeAll(async () => {
    root = await makeRoot({ config: 'boot' });
  });

  it('rebuilds every package in stage A and B, finds them identical, boots stage B and writes a verifiable dist/', async () => {
    if (KERNEL === undefined && process.env['CI'] === 'true') throw new Error('STASIS_KERNEL is not set: .ci/run unpacks the harness kernel (.ci/harness-kernel)');
    const r = await runFarm(root, ['release', '--profile', 'boot', '--mirror', MIRROR, ...(KERNEL === undefined ? [] : ['--kernel', KERNEL])]);
    expect(r.code, r.stdout.slice(-3000) + r.stderr.slice(-3000)).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`stage A vs stage B\\n\\s+identical: ${BOOT_PACKAGES} package\\(s\\)`));
    const dist = join(root, 'workspace-release-stage-b', 'dist');
    const sums = await exec('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dist });
    expect(sums.stdout).toMatch(/stasis-boot-rootfs\.tar\.gz: OK/);
    const manifest = parse(await readFile(join(dist, 'manifest.yaml'), 'utf8')) as {
      comparison: { a_vs_b: string };
      stage_images: { a: { ref: string } };
      packages: { name: string; output_sha256: { a: string; b: string } }[];
      boot: { verdict: string; kernel?: { sha256: string }; checks?: string[]; serial_log?: string };
    };
    expect(manifest.comparison.a_vs_b).toBe('identical');
    expect(manifest.packages).toHaveLength(BOOT_PACKAGES);
    for (const p of manifest.packages) expect(p.output_sha256.a, p.name).toBe(p.output_sha256.b);
    stageA = manifest.stage_images.a.ref;
    if (KERNEL !== undefined) {
      // The boot verdict, the kernel's sha256 and the serial log are part of the release.
      expect(manifest.boot.verdict).toBe('pass');
      expect(manifest.boot.kernel?.sha256).toBe((await exec('sha256sum', [KERNEL])).stdout.split(' ')[0]);
      expect(manifest.boot.checks).toEqual(expect.arrayContaining(['ok pid1', 'ok services', 'ok mdevd', 'ok probe tcc', 'ok getty']));
      expect(sums.stdout).toMatch(/boot-serial\.log: OK/);
      const serial = await readFile(join(dist, 'boot-serial.log'), 'utf8');
      expect(serial).toMatch(/s6-linux-init version/);
      expect(serial).toMatch(/login:/);
    }
    const sbom = JSON.parse(await readFile(join(dist, 'sbom.spdx.json'), 'utf8')) as { spdxVersion: string; packages: unknown[] };
    expect(sbom.spdxVersion).toBe('SPDX-2.3');
    expect(sbom.packages).toHaveLength(BOOT_PACKAGES);
    const audit = await runFarm(root, ['tests', join(dist, 'stasis-boot-rootfs.tar.gz')]);
    expect(audit.code, audit.stdout).toBe(0);
    expect(await workspaceContainers(root, { stages: ['dev', 'a', 'b'] })).toEqual([]);
    // Three stages of 16 packages: about 12 minutes on a quiet 2-core machine; machines differ up to 3x.
  }, 3_600_000);

  it.skipIf(KERNEL === undefined)('the release tarball boots with `stasis-farm boot`: s6-svscan as PID 1, services up, serial login, clean power-off', async () => {
    const tarball = join(root, 'workspace-release-stage-b', 'dist', 'stasis-boot-rootfs.tar.gz');
    const r = await runFarm(root, ['boot', tarball, '--kernel', KERNEL as string, '--json']);
    const report = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { verdict?: { kind: string; checks?: { name: string; ok: boolean }[] }; log?: string };
    expect(r.code, JSON.stringify(report.verdict)).toBe(0);
    expect(report.verdict?.kind).toBe('pass');
    expect(report.verdict?.checks?.filter((c) => !c.ok)).toEqual([]);
    const serial = await readFile(report.log as string, 'utf8');
    expect(serial).toMatch(/s6-rc: info: service mdevd successfully started/);
    expect(serial).toMatch(/stasis-boot login:/);
  });

  it('`disk` of that release is refused before anything is written: the boot profile has no grub, e2fsprogs or util-linux', async () => {
    const out = join(root, 'boot.img');
    const r = await runFarm(root, ['disk', join(root, 'workspace-release-stage-b', 'dist'), '--out', out]);
    expect(r.code, r.stderr).toBe(25);
    expect(r.stderr).toMatch(
      /stasis-boot-rootfs\.tar\.gz: cannot make a disk image of this rootfs: it lacks sfdisk, mke2fs, e2fsck, debugfs, grub-mkimage, boot\.img, kernel\.img \(packages: util-linux, e2fsprogs, grub\)/,
    );
    expect(r.stderr).toMatch(/add grub, e2fsprogs, util-linux to config\.lua's include/);
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(KERNEL === undefined)('a service whose run script exits at once is a failed check naming it (exit 10)', async () => {
    // Stage B's rootfs plus one s6-rc longrun that exits at once, in the default bundle.
    const work = await mkdtemp(join(tmpdir(), 'stasis-broken-'));
    const tree = join(work, 'rootfs');
    await exec('cp', ['-a', join(root, 'workspace-release-stage-b', 'preview'), tree]);
    const entries = JSON.parse(await readFile(join(root, 'workspace-release-stage-b', 'preview.manifest.json'), 'utf8')) as Record<string, unknown>[];
    const put = async (path: string, content: string, mode: number): Promise<void> => {
      await writeFile(join(tree, path), content, { mode });
      const entry = {
        path,
        type: 'file',
        mode,
        uid: 0,
        gid: 0,
        size: Buffer.byteLength(content),
        sha256: createHash('sha256').update(content).digest('hex'),
        package: 'test',
      };
      const i = entries.findIndex((e) => e['path'] === path);
      if (i >= 0) entries[i] = entry;
      else entries.push(entry);
    };
    await mkdir(join(tree, 'etc/s6-rc/source/broken'));
    entries.push({ path: 'etc/s6-rc/source/broken', type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0, package: 'test' });
    await put('etc/s6-rc/source/broken/type', 'longrun\n', 0o644);
    await put('etc/s6-rc/source/broken/run', '#!/bin/sh\necho broken: giving up at once\nexit 1\n', 0o755);
    await put('etc/s6-rc/source/default/contents', (await readFile(join(tree, 'etc/s6-rc/source/default/contents'), 'utf8')) + 'broken\n', 0o644);
    await writeFile(join(work, 'rootfs.manifest.json'), JSON.stringify(entries));
    const r = await runFarm(root, ['boot', tree, '--kernel', KERNEL as string, '--json']);
    const report = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { verdict?: { kind: string; failed?: { name: string; detail: string }[] } };
    expect(r.code, JSON.stringify(report.verdict)).toBe(10);
    expect(report.verdict?.kind).toBe('check-failed');
    expect(report.verdict?.failed?.map((c) => c.name)).toEqual(['services']);
    expect(report.verdict?.failed?.[0]?.detail).toMatch(/broken/);
  });

  it('in a plain container from the released rootfs (network none) tcc compiles and runs C, and make runs a Makefile', async () => {
    const docker = new Docker({ socketPath: '/var/run/docker.sock' });
    const tarball = join(root, 'workspace-release-stage-b', 'dist', 'stasis-boot-rootfs.tar.gz');
    const { createReadStream } = await import('node:fs');
    const progress = await docker.importImage(createReadStream(tarball), { repo: 'stasis-test-boot', tag: 'latest' });
    for await (const _ of progress) void _;
    // The switch is tcc's VLA regression (patch 8 in tcc-stasis.patch): a case after a block holding a VLA.
    const source = [
      '#include <stdio.h>',
      'static int pick(int type, int n) {',
      '  int r = 0;',
      '  switch (type) {',
      '    case 1: if (n > 0) { char pad[n]; pad[0] = 1; r = pad[0] + n; break; } r = -1; break;',
      '    case 2: r = 2; break;',
      '  }',
      '  return r;',
      '}',
      'int main(void) { printf("hello from tcc %d %d\\n", 6 * 7, pick(1, 3) + pick(2, 0)); return 0; }',
      '',
    ].join('\n');
    const makefile = 'all: out.txt\nout.txt:\n\techo made > out.txt\n';
    const script = 'mkdir -p /w && cd /w && printf "%s" "$SRC" > h.c && tcc h.c -o h && ./h && printf "%s" "$MK" > Makefile && make && cat out.txt';
    const container = await docker.createContainer({
      Image: 'stasis-test-boot:latest',
      Cmd: ['/bin/sh', '-c', script],
      Env: [`SRC=${source}`, `MK=${makefile}`],
      NetworkDisabled: true,
      HostConfig: { NetworkMode: 'none', CapDrop: ['ALL'] },
    });
    try {
      await container.start();
      const status = (await container.wait()) as { StatusCode: number };
      const logs = (await container.logs({ stdout: true, stderr: true })).toString('latin1');
      expect(status.StatusCode, logs).toBe(0);
      expect(logs).toContain('hello from tcc 42 6');
      expect(logs).toContain('made');
    } finally {
      await container.remove({ force: true, v: true });
      await docker.getImage('stasis-test-boot:latest').remove({ force: true });
    }
  });

  it('the stage boundary holds: a recipe that reads a host path or opens a network connection fails in stage A', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('reachable');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    // Control: the server answers from the host.
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('reachable');
    requests = 0;
    const secret = join(root, 'host-secret.txt');
    await writeFile(secret, 'host data');
    for (const [name, script] of [
      [
        'probe-net',
        // Compiled by the stage image's own tcc against its own libc (plain `cc`: the recipe has no
        // musl/tcc in its sysroot for the stage's -B flags): connect to the host's server on loopback.
        [
          "cat > probe.c <<'EOF'",
          '#include <sys/socket.h>',
          '#include <netinet/in.h>',
          '#include <stdio.h>',
          '#include <errno.h>',
          '#include <string.h>',
          '#include <unistd.h>',
          'int main(void) {',
          '  struct sockaddr_in a; int s = socket(AF_INET, SOCK_STREAM, 0); char b[128]; int n;',
          '  memset(&a, 0, sizeof a); a.sin_family = AF_INET;',
          `  a.sin_port = htons(${port}); a.sin_addr.s_addr = htonl(0x7f000001);`,
          '  if (connect(s, (struct sockaddr *)&a, sizeof a) != 0) { fprintf(stderr, "connect: %s\\n", strerror(errno)); return 1; }',
          '  write(s, "GET / HTTP/1.0\\r\\n\\r\\n", 18); n = read(s, b, 127); if (n > 0) { b[n] = 0; puts(b); } return 0;',
          '}',
          'EOF',
          'cc probe.c -o probe',
          './probe > "$DESTDIR/page"',
        ].join('\n'),
      ],
      ['probe-host', `cat ${secret} > "$DESTDIR/secret"`],
    ] as const) {
      await mkdir(join(root, 'system', name), { recursive: true });
      await writeFile(
        join(root, 'system', name, 'pkg.lua'),
        `return { name = "${name}", version = "1", description = "boundary probe", license = "MIT", sources = {},\n  build = [[\n${script}\n]] }\n`,
      );
    }
    // The boot config names mdevd as a service; these small profiles have none.
    await writeFile(join(root, 'config.lua'), await smallProfileConfig());
    await writeFile(join(root, 'profiles', 'probes.lua'), 'return { description = "boundary probes", packages = { "probe-net", "probe-host" } }\n');
    try {
      const r = await runFarm(root, ['build', '--profile', 'probes', '--builder', stageA, '--keep-going']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/probe-net: build failed \(exit code \d+\)/);
      expect(r.stdout).toMatch(/probe-host: build failed \(exit code \d+\)/);
      const netLog = await readFile(join(root, 'workspace', 'logs', 'probe-net.log'), 'utf8');
      expect(netLog).toMatch(/connect: (Connection refused|Network is unreachable)/);
      const hostLog = await readFile(join(root, 'workspace', 'logs', 'probe-host.log'), 'utf8');
      expect(hostLog).toMatch(/No such file or directory|can't open/);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});
