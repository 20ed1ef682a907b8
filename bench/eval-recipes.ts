// Time to evaluate and validate 150 recipe files (sandboxed, one fresh Lua state each).
// Run: npx tsx bench/eval-recipes.ts
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../farm/config/index.js';
import { closeLuaWorkers } from '../farm/lua/index.js';
import { loadRecipes } from '../farm/recipe/index.js';
import { fmt, median, timeIt } from './stats.js';

const REPO = resolve(import.meta.dirname, '..');
const N = 150;
const RUNS = 7;

function recipe(i: number): string {
  const deps = i > 3 ? `build_deps = { "pkg${i - 1}", "pkg${Math.floor(i / 2)}" },` : '';
  return `-- pkg${i}: a generated recipe shaped like the real ones
local flags = defaults.cflags
return {
  name = "pkg${i}",
  version = "1.${i}.0",
  description = "generated package number ${i}",
  license = "MIT",
  homepage = "https://example.org/pkg${i}",
  sources = {
    { url = "https://example.org/releases/pkg${i}-1.${i}.0.tar.xz", sha256 = "${String(i)
      .padStart(2, '0')
      .repeat(32)
      .slice(0, 64)
      .replace(/[^0-9a-f]/g, 'a')}" },
  },
  ${deps}
  build = [[
./configure --prefix=/usr --disable-shared --enable-static CFLAGS="]] .. flags .. [["
make -j"$JOBS"
make DESTDIR="$DESTDIR" install
rm -rf "$DESTDIR/usr/share/info" "$DESTDIR/usr/share/doc"
]] .. (farm.stage == "dev" and "" or "# stage build\\n"),
}
`;
}

const root = await mkdtemp(join(tmpdir(), 'bench-eval-'));
await cp(join(REPO, 'configs', 'config.lua.example'), join(root, 'config.lua'));
await cp(join(REPO, 'configs', 'default.lua.example'), join(root, 'default.lua'));
for (let i = 1; i <= N; i++) {
  await mkdir(join(root, 'system', `pkg${i}`), { recursive: true });
  await writeFile(join(root, 'system', `pkg${i}`, 'pkg.lua'), recipe(i));
}
const config = await loadConfig(root);
await loadRecipes(root, config, { stage: 'dev' }); // warm: worker started, code compiled
const times: number[] = [];
for (let r = 0; r < RUNS; r++) times.push(await timeIt(() => loadRecipes(root, config, { stage: 'dev' })));
const cold = await (async () => {
  await closeLuaWorkers();
  return timeIt(() => loadRecipes(root, config, { stage: 'dev' }));
})();
console.log(
  `evaluate + validate ${N} recipes: median ${fmt(median(times))} over ${RUNS} runs (min ${fmt(Math.min(...times))}, max ${fmt(Math.max(...times))}); cold (new worker) ${fmt(cold)}; target < 300 ms`,
);
await closeLuaWorkers();
