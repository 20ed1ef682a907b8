import { Readable } from 'node:stream';
import { extract, pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { BUILD_CAPS } from '../../farm/pkgbuild/build-package.js';
import { withDeadline } from '../../farm/pkgbuild/deadline.js';
import { oomKills } from '../../farm/pkgbuild/oom.js';
import { createDockerRuntime } from '../../farm/runtime/docker.js';
import { FARM_MARK, LABELS } from '../../farm/runtime/labels.js';
import type { ContainerSpec } from '../../farm/runtime/port.js';
import { BUILDER, containerTierReady, farmContainers } from '../support/farm.js';

const ready = await containerTierReady();
const runtime = createDockerRuntime();

function spec(cmd: string, extra: Partial<ContainerSpec> = {}): ContainerSpec {
  return {
    image: BUILDER,
    cmd: ['/bin/sh', '-c', cmd],
    env: { PATH: '/usr/bin:/bin' },
    workdir: '/',
    hostname: 'stasis-build',
    labels: { [LABELS.farm]: FARM_MARK, [LABELS.run]: 'runtime-test' },
    limits: { memoryBytes: 256 * 1024 * 1024, pids: 256, logBytes: 1024 * 1024 },
    capAdd: BUILD_CAPS,
    ...extra,
  };
}

async function run(cmd: string, extra: Partial<ContainerSpec> = {}, timeoutMs = 60_000) {
  await using c = await runtime.createContainer(spec(cmd, extra));
  let output = '';
  const status = await c.run({ timeoutMs, onOutput: (b) => (output += b.toString()) });
  return { ...status, output };
}

describe.skipIf(!ready)('the dockerode adapter (real engine)', () => {
  it('runs with no network, only the three build capabilities and no new privileges', async () => {
    const r = await run('ls /sys/class/net; grep -E "^(CapEff|NoNewPrivs)" /proc/self/status; hostname');
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/^lo\n/);
    expect(r.output).toMatch(/CapEff:\s+000000000000000b/); // CHOWN | DAC_OVERRIDE | FOWNER
    expect(r.output).toMatch(/NoNewPrivs:\s+1/);
    expect(r.output).toMatch(/stasis-build/);
  });

  it('reports a non-zero exit, an OOM kill and a timeout, and removes the containers', async () => {
    expect((await run('exit 3')).exitCode).toBe(3);
    // The OOM killer ends tail, not PID 1: the engine's own flag misses that on some hosts (Docker
    // 20.10 on cgroup v1), the count the build's deadline shell records does not.
    {
      const oomSpec = spec('', { limits: { memoryBytes: 32 * 1024 * 1024, pids: 64, logBytes: 1 << 20 } });
      await using c = await runtime.createContainer({
        ...oomSpec,
        cmd: withDeadline(['/bin/sh', '-c', 'mkdir -p /build; head -c 400000000 /dev/zero | tail > /dev/null'], 120),
      });
      const oom = await c.run({ timeoutMs: 60_000, onOutput: () => {} });
      expect(oom.exitCode).not.toBe(0);
      expect(oom.oomKilled || (await oomKills(c)) > 0).toBe(true);
    }
    // A build that fails without running out of memory is not taken for one.
    {
      await using c = await runtime.createContainer({ ...spec(''), cmd: withDeadline(['/bin/sh', '-c', 'mkdir -p /build; exit 2'], 120) });
      expect((await c.run({ timeoutMs: 60_000, onOutput: () => {} })).exitCode).toBe(2);
      expect(await oomKills(c)).toBe(0);
    }
    const slow = await run('sleep 30', {}, 1000);
    expect(slow.timedOut).toBe(true);
    expect(await farmContainers(`${LABELS.run}=runtime-test`)).toEqual([]);
  });

  it('puts a tar stream in before start and takes one out after exit', async () => {
    await using c = await runtime.createContainer(spec('mkdir -p /out && tr a-z A-Z < /in/hello.txt > /out/HELLO.txt'));
    const p = pack();
    p.entry({ name: 'in/hello.txt' }, 'stasis\n');
    p.finalize();
    await c.putArchive('/', p as unknown as Readable);
    const status = await c.run({ timeoutMs: 30_000, onOutput: () => {} });
    expect(status.exitCode).toBe(0);
    const tar = await c.getArchive('/out');
    const ex = extract();
    const files: Record<string, string> = {};
    ex.on('entry', (h, body, next) => {
      let text = '';
      body.on('data', (d) => (text += String(d)));
      body.on('end', () => {
        files[h.name] = text;
        next();
      });
    });
    await new Promise<void>((resolve, reject) => {
      ex.on('finish', () => resolve());
      ex.on('error', reject);
      tar.pipe(ex);
    });
    expect(files['out/HELLO.txt']).toBe('STASIS\n');
  });

  it('says how to start an engine when none answers', async () => {
    const none = createDockerRuntime({ dockerHost: 'unix:///nonexistent/docker.sock' });
    await expect(none.ping()).rejects.toMatchObject({ code: 'ENGINE_UNAVAILABLE', hint: expect.stringContaining('dockerd') as unknown });
  });
});
