import { afterAll, describe, expect, it } from 'vitest';
import { closeLuaWorkers, evaluateLuaFiles } from '../../farm/lua/index.js';

const globals = { config: { hostname: 'stasis', kernel: { params: ['quiet', 'ro'] }, dns: ['9.9.9.9'] }, defaults: { cflags: '-O2' }, farm: { stage: 'dev' } };

async function evalOne(source: string, path = 'system/x/pkg.lua', timeoutMs = 1500) {
  const [r] = await evaluateLuaFiles([{ path, source, globals }], { timeoutMs });
  if (r === undefined) throw new Error('no result');
  return r;
}

async function errorOf(source: string): Promise<string> {
  const r = await evalOne(source);
  if (r.ok) throw new Error(`expected an error from: ${source}`);
  return r.error.message;
}

afterAll(closeLuaWorkers);

describe('Lua sandbox', () => {
  it.each([
    ['io', 'local f = io.open("/etc/passwd")', /system\/x\/pkg\.lua:1: .*global 'io'/],
    ['os.execute', 'os.execute("id")', /system\/x\/pkg\.lua:1: .*global 'os'/],
    ['require', 'local m = require("socket")', /system\/x\/pkg\.lua:1: .*global 'require'/],
    ['load', 'local f = load("return 1")', /system\/x\/pkg\.lua:1: .*global 'load'/],
    ['loadfile', '\nlocal f = loadfile("/etc/passwd")', /system\/x\/pkg\.lua:2: .*global 'loadfile'/],
    ['dofile', 'dofile("/etc/passwd")', /system\/x\/pkg\.lua:1: .*global 'dofile'/],
    ['string.dump', 'local s = string.dump(function() end)', /system\/x\/pkg\.lua:1: .*field 'dump'/],
    ['collectgarbage', 'collectgarbage()', /system\/x\/pkg\.lua:1: .*global 'collectgarbage'/],
    ['writing config', 'config.hostname = "evil"', /system\/x\/pkg\.lua:1: config is read-only/],
    ['replacing the proxy metatable', 'setmetatable(config, {})', /system\/x\/pkg\.lua:1: cannot change a protected metatable/],
  ])('blocks %s with file:line', async (_name, source, message) => {
    expect(await errorOf(source)).toMatch(message);
  });

  it('refuses precompiled bytecode', async () => {
    expect(await errorOf('\x1bLua\x53\x00')).toMatch(/attempt to load a binary chunk|binary/);
  });

  it('does not leak globals or the string metatable between files', async () => {
    const results = await evaluateLuaFiles([
      { path: 'a.lua', source: 'leaked = 1; getmetatable("").__index.evil = function() return "x" end; return {}', globals },
      { path: 'b.lua', source: 'return { leaked = leaked == nil, evil = ("").evil == nil }', globals },
    ]);
    expect(results[1]).toMatchObject({ ok: true, value: { leaked: true, evil: true } });
  });

  it('stops an endless loop and a string.rep bomb within seconds, naming the file, and goes on with the next file', async () => {
    const started = Date.now();
    const results = await evaluateLuaFiles(
      [
        { path: 'system/loop/pkg.lua', source: 'while true do end', globals },
        { path: 'system/bomb/pkg.lua', source: 'local s = string.rep("x", 2^30) return {}', globals },
        { path: 'system/ok/pkg.lua', source: 'return { fine = true }', globals },
      ],
      { timeoutMs: 1000 },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'LUA_TIMEOUT', message: expect.stringContaining('system/loop/pkg.lua') as unknown } });
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'LUA_TIMEOUT', message: expect.stringContaining('system/bomb/pkg.lua') as unknown } });
    expect(results[2]).toMatchObject({ ok: true, value: { fine: true } });
  });

  it('a timeout names the line where evaluation was stopped: a loop, a loop that reads config, a string bomb', async () => {
    const results = await evaluateLuaFiles(
      [
        { path: 'system/loop/pkg.lua', source: 'local x = 1\nlocal y = 2\n\nwhile true do x = x + 1 end\nreturn {}', globals },
        // The loop calls into the prelude's config proxies: their lines are not the recipe's.
        { path: 'system/reads/pkg.lua', source: 'local n = 0\nwhile true do\n  n = n + #config.hostname + #config.kernel.params\nend\nreturn {}', globals },
        { path: 'system/bomb/pkg.lua', source: '-- builds a huge string\nlocal a = "x"\n\n\nlocal s = string.rep(a, 2^30)\nreturn {}', globals },
      ],
      { timeoutMs: 500 },
    );
    const messages = results.map((r) => (r.ok ? 'ok' : r.error.message));
    expect(messages[0]).toMatch(/^system\/loop\/pkg\.lua:4: evaluation stopped after 0\.5 s/);
    expect(messages[1]).toMatch(/^system\/reads\/pkg\.lua:[23]: evaluation stopped after 0\.5 s/);
    expect(messages[2]).toMatch(/^system\/bomb\/pkg\.lua:5: evaluation stopped after 0\.5 s/);
    expect(results.every((r) => !r.ok && r.error.code === 'LUA_TIMEOUT')).toBe(true);
  });

  it('records exactly the values a recipe read', async () => {
    const r = await evalOne('-- a comment\nlocal h = config.hostname\nlocal p = config.kernel.params[2]\nlocal n = #config.dns\nlocal missing = defaults.lto\nreturn {}');
    expect(r.ok && r.reads).toEqual([
      { path: 'config.dns', value: '["9.9.9.9"]' },
      { path: 'config.hostname', value: '"stasis"' },
      { path: 'config.kernel.params[2]', value: '"ro"' },
      { path: 'defaults.lto', value: 'null' },
    ]);
  });

  it('records a whole table when it is iterated with pairs, ipairs or #, and hands out read-only views', async () => {
    const r = await evalOne(
      'local n = 0\nfor _, p in ipairs(config.kernel.params) do n = n + 1 end\nfor k, v in pairs(defaults) do end\nreturn { n = n, s = table.concat(config.dns, " ") }',
    );
    expect(r).toMatchObject({ ok: true, value: { n: 2, s: '9.9.9.9' } });
    expect(r.ok && r.reads).toEqual([
      { path: 'config.dns', value: '["9.9.9.9"]' },
      { path: 'config.kernel.params', value: '["quiet","ro"]' },
      { path: 'defaults', value: '{"cflags":"-O2"}' },
    ]);
    expect(await errorOf('for k, v in pairs(config) do\n  if type(v) == "table" then v.evil = 1 end\nend')).toMatch(/system\/x\/pkg\.lua:2: config\.kernel is read-only/);
    expect(await errorOf('\nconfig.kernel.params[1] = "x"')).toMatch(/system\/x\/pkg\.lua:2: config\.kernel\.params is read-only/);
  });

  it('a change to an option the file did not read leaves its reads unchanged', async () => {
    const source = 'return { h = config.hostname, p = config.kernel.params[1] }';
    const other = { ...globals, config: { ...globals.config, dns: ['1.1.1.1'], kernel: { params: ['quiet', 'rw'] } } };
    const [a, b] = await evaluateLuaFiles([
      { path: 'a.lua', source, globals },
      { path: 'a.lua', source, globals: other },
    ]);
    expect(a?.ok && a.reads).toEqual([
      { path: 'config.hostname', value: '"stasis"' },
      { path: 'config.kernel.params[1]', value: '"quiet"' },
    ]);
    expect(b?.ok && b.reads).toEqual(a?.ok && a.reads);
    const [c] = await evaluateLuaFiles([{ path: 'a.lua', source, globals: { ...globals, config: { ...globals.config, hostname: 'other' } } }]);
    expect(c?.ok && c.reads).not.toEqual(a?.ok && a.reads);
  });

  it('rawset cannot shadow the data, and proxies in the result become their data (recorded whole)', async () => {
    expect(await errorOf('\nrawset(config, "hostname", "evil")')).toMatch(/system\/x\/pkg\.lua:2: config is read-only/);
    const r = await evalOne('return { deps = config.kernel.params, k = config.kernel }');
    expect(r).toMatchObject({ ok: true, value: { deps: ['quiet', 'ro'], k: { params: ['quiet', 'ro'] } } });
    expect(r.ok && r.reads).toEqual([{ path: 'config.kernel', value: '{"params":["quiet","ro"]}' }]);
    expect(await errorOf('local t = {} t.t = t return t')).toMatch(/system\/x\/pkg\.lua: (t\.)+t: nested too deeply/);
  });

  it('names the file in every error message, also without a position', async () => {
    expect(await errorOf('error("plain", 0)')).toBe('system/x/pkg.lua: plain');
    expect(await errorOf('\n\nerror("boom")')).toBe('system/x/pkg.lua:3: boom');
    expect(await errorOf('return { x = ')).toMatch(/^system\/x\/pkg\.lua:1: /);
    expect(await errorOf('return { sources = { { url = print or math.sin } } }')).toMatch(/system\/x\/pkg\.lua: sources\[1\]\.url: a function is not allowed here/);
  });

  it('evaluates concurrent calls one after another without mixing them up', async () => {
    const [a, b] = await Promise.all([
      evaluateLuaFiles([{ path: 'loop.lua', source: 'while true do end', globals }], { timeoutMs: 300 }),
      evaluateLuaFiles([{ path: 'ok.lua', source: 'return { v = farm.stage }', globals }]),
    ]);
    expect(a[0]).toMatchObject({ ok: false, error: { code: 'LUA_TIMEOUT' } });
    expect(b[0]).toMatchObject({ ok: true, value: { v: 'dev' } });
  });

  it('converts results to plain data and refuses functions, naming the field', async () => {
    expect(await evalOne('return { a = { 1, 2 }, b = { c = "d" }, e = {} }')).toMatchObject({ ok: true, value: { a: [1, 2], b: { c: 'd' }, e: [] } });
    expect(await errorOf('return { build = function() end }')).toMatch(/system\/x\/pkg\.lua: build: a function is not allowed here/);
    expect(await errorOf('return 42')).toMatch(/must return a table/);
  });
});
