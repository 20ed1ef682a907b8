import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, validateDefaults } from '../../farm/config/index.js';
import { buildOrder } from '../../farm/graph/index.js';
import { computeKeys } from '../../farm/keys/index.js';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { loadRecipes } from '../../farm/recipe/index.js';

afterAll(closeLuaWorkers);

const CONFIG =
  'return { hostname = "stasis", timezone = "UTC", locale = "C.UTF-8", keymap = "us", root_password = "!", filesystem = { root = { device = "/dev/sda2", type = "ext4" } } }\n';

describe("default.lua's engines", () => {
  it('absent: an empty pool (the local engine alone)', () => {
    expect(validateDefaults({}, 'default.lua').engines).toEqual([]);
  });

  it("each entry: a URL, and optionally a name, jobs, memory in MiB, features and a TLS directory; the name defaults to the URL's host or socket", () => {
    const { engines } = validateDefaults(
      {
        engines: [
          { url: 'unix:///var/run/docker.sock', jobs: 4 },
          { url: 'ssh://farm@builder2', jobs: 16, memory: 65536, features: ['kvm', 'big'] },
          { url: 'tcp://builder3.lan:2376', name: 'b3', tls: '/etc/stasis/b3' },
          { url: 'unix:///run/podman.sock' },
        ],
      },
      'default.lua',
    );
    expect(engines).toEqual([
      { url: 'unix:///var/run/docker.sock', name: 'local', jobs: 4, memoryBytes: undefined, features: [] },
      { url: 'ssh://farm@builder2', name: 'builder2', jobs: 16, memoryBytes: 65536 * 1024 * 1024, features: ['kvm', 'big'] },
      { url: 'tcp://builder3.lan:2376', name: 'b3', jobs: undefined, memoryBytes: undefined, features: [], tls: '/etc/stasis/b3' },
      { url: 'unix:///run/podman.sock', name: 'podman', jobs: undefined, memoryBytes: undefined, features: [] },
    ]);
  });

  it.each([
    [
      { engines: [{ url: 'http://builder.lan' }] },
      /^default\.lua: engines\[1\]\.url: "http:\/\/builder\.lan": the scheme http:\/\/ is not one the farm speaks \(an engine is unix:/,
    ],
    [{ engines: [{ url: 'unix://relative.sock' }] }, /^default\.lua: engines\[1\]\.url: "unix:\/\/relative\.sock": a unix socket is named by its absolute path/],
    [{ engines: [{ jobs: 2 }] }, /^default\.lua: engines\[1\]\.url: missing \(required\)$/],
    [{ engines: [{ url: 'ssh://a' }, { url: 'ssh://b', jobs: 0 }] }, /^default\.lua: engines\[2\]\.jobs: expected an integer >= 1, got number 0$/],
    [{ engines: [{ url: 'ssh://a', jobs: 2.5 }] }, /^default\.lua: engines\[1\]\.jobs: expected an integer >= 1, got number 2\.5$/],
    [{ engines: [{ url: 'ssh://a', memory: 0 }] }, /^default\.lua: engines\[1\]\.memory: expected an integer >= 1, got number 0$/],
    [{ engines: [{ url: 'ssh://a', memory: '16G' }] }, /^default\.lua: engines\[1\]\.memory: expected MiB as an integer \(16384 for 16 GiB\), got the string "16G"$/],
    [{ engines: [{ url: 'ssh://a', features: ['kvm', ''] }] }, /^default\.lua: engines\[1\]\.features\[2\]: "" is not a feature name/],
    [{ engines: [{ url: 'ssh://a', features: ['kvm', 'kvm'] }] }, /^default\.lua: engines\[1\]\.features\[2\]: "kvm" is listed twice$/],
    [{ engines: [{ url: 'ssh://a', features: 'kvm' }] }, /^default\.lua: engines\[1\]\.features: expected a list, got the string "kvm"$/],
    [{ engines: [{ url: 'ssh://a', tls: '/etc/tls' }] }, /^default\.lua: engines\[1\]\.tls: TLS files are for a tcp:\/\/ engine; ssh:\/\/a is reached over ssh$/],
    [{ engines: [{ url: 'ssh://a', job: 2 }] }, /^default\.lua: engines\[1\]\.job: unknown field \(did you mean "jobs"\?\)$/],
    [{ engines: { url: 'ssh://a' } }, /^default\.lua: engines: expected a list of engines, engines = \{ \{ url = "ssh:\/\/user@host" \} \}, got a table$/],
    [{ engines: ['ssh://a'] }, /^default\.lua: engines\[1\]: expected a table of named fields, got the string "ssh:\/\/a"$/],
    [
      {
        engines: [
          { url: 'ssh://a', name: 'x' },
          { url: 'ssh://b', name: 'x' },
        ],
      },
      /^default\.lua: engines\[2\]\.name: "x" is also the name of engines\[1\]$/,
    ],
    [
      { engines: [{ url: 'unix:///run/a/docker.sock' }, { url: 'unix:///run/b/docker.sock' }] },
      /^default\.lua: engines\[2\]\.name: "docker" is also the name of engines\[1\] \(a name made from its URL: give one of them a name\)$/,
    ],
    [
      {
        engines: [
          { url: 'tcp://b.lan', name: 'one' },
          { url: 'tcp://b.lan:2375', name: 'two' },
        ],
      },
      /^default\.lua: engines\[2\]\.url: tcp:\/\/b\.lan:2375 is the engine of engines\[1\] too/,
    ],
  ])('rejects %j naming the entry and the field', (raw, message) => {
    expect(() => validateDefaults(raw, 'default.lua')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(message) as unknown }));
  });

  it('lists every problem of every entry at once', () => {
    expect(() => validateDefaults({ engines: [{ url: 'ftp://a', jobs: -1 }, { memory: 1 }] }, 'default.lua')).toThrow(
      /^3 problems:\n {2}default\.lua: engines\[1\]\.url: .*\n {2}default\.lua: engines\[1\]\.jobs: .*\n {2}default\.lua: engines\[2\]\.url: missing/,
    );
  });

  it("a relative TLS directory is the tree's, as a mirror directory", async () => {
    const root = await mkdtemp(join(tmpdir(), 'engines-'));
    await writeFile(join(root, 'config.lua'), CONFIG);
    await writeFile(join(root, 'default.lua'), 'return { engines = { { url = "tcp://b3:2376", tls = "tls/b3" }, { url = "tcp://b4:2376", tls = "/etc/b4" } } }\n');
    const { defaults } = await loadConfig(root);
    expect(defaults.engines.map((e) => e.tls)).toEqual([join(root, 'tls', 'b3'), '/etc/b4']);
  });

  it('no recipe sees them, so adding engines to default.lua changes no package key', async () => {
    const root = await mkdtemp(join(tmpdir(), 'engines-'));
    await writeFile(join(root, 'config.lua'), CONFIG);
    const recipe = (name: string, build: string): string =>
      `return { name = "${name}", version = "1", description = "d", license = "MIT", sources = {}, build = ${build} }\n`;
    // One recipe reads an option, one walks the whole defaults table, one asks for the pool itself.
    const recipes = {
      reader: recipe('reader', '"make CFLAGS=" .. defaults.cflags'),
      walker: recipe('walker', '(function() local s = "" for k, v in pairs(defaults) do s = s .. k .. " " end return "echo " .. s end)()'),
      pool: recipe('pool', 'defaults.engines == nil and "true" or "false"'),
    };
    for (const [name, text] of Object.entries(recipes)) {
      await mkdir(join(root, 'system', name), { recursive: true });
      await writeFile(join(root, 'system', name, 'pkg.lua'), text);
    }
    const keysWith = async (defaults: string): Promise<Record<string, string | undefined>> => {
      await writeFile(join(root, 'default.lua'), defaults);
      const loaded = await loadRecipes(root, await loadConfig(root), { stage: 'dev' });
      const keys = computeKeys(buildOrder(loaded, [...loaded.keys()]), loaded, {
        farmVersion: 't',
        builderImage: 'i',
        stage: 'dev',
        toolchainEnv: { CC: 'cc', CFLAGS: '', CXXFLAGS: '', LDFLAGS: '', LTO: '0' },
        stripStepSha256: 's'.repeat(64),
      });
      expect(loaded.get('pool')?.recipe.build).toBe('true');
      return Object.fromEntries([...keys].map(([name, k]) => [name, k.key]));
    };
    const without = await keysWith('return { cflags = "-O2" }\n');
    const withPool = await keysWith('return { cflags = "-O2", engines = { { url = "ssh://farm@builder2", jobs = 8, features = { "kvm" } } } }\n');
    expect(Object.keys(without).sort()).toEqual(['pool', 'reader', 'walker']);
    expect(withPool).toEqual(without);
    // The same recipes do see a change of an option they read.
    expect((await keysWith('return { cflags = "-O3" }\n'))['reader']).not.toBe(without['reader']);
  });
});
