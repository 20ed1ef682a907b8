import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../farm/project/load.js';
import { buildTiny, fakeRuntime, localRecipe, tinyRoot } from '../support/tiny-project.js';

describe('a builder tool is built for the dev stage and never installed', () => {
  it('built before the package that lists it in build_deps, absent from the preview and its manifest', async () => {
    const root = await tinyRoot({
      cross: localRecipe('cross', ', builder_tool = true'),
      compiler: localRecipe('compiler', ', build_deps = { "cross" }'),
    });
    await writeFile(join(root, 'profiles', 'test.lua'), 'return { description = "test", packages = { "compiler" } }\n');
    const runtime = fakeRuntime((pkg) => ({ dest: { [`usr/lib/${pkg}/made-by`]: `${pkg}\n` } }));
    const { outcome, events } = await buildTiny(root, runtime);
    expect([...outcome.result.built].sort()).toEqual(['compiler', 'cross']);
    const preview = outcome.paths.preview;
    expect(await readFile(join(preview, 'usr/lib/compiler/made-by'), 'utf8')).toBe('compiler\n');
    await expect(access(join(preview, 'usr/lib/cross'))).rejects.toThrow();
    const manifest = await readFile(outcome.paths.previewManifest, 'utf8');
    expect(manifest).not.toMatch(/"package":"cross"/);
    expect(events.find((e) => e.type === 'assemble-done')).toMatchObject({ packages: 1 });
  });

  it('a profile that asks for it is refused before anything is built', async () => {
    const root = await tinyRoot({ cross: localRecipe('cross', ', builder_tool = true') });
    await expect(loadProject(root, { profile: 'test' })).rejects.toThrow(
      /profile "test": "cross" is a builder tool \(builder_tool = true\), never installed in a rootfs/,
    );
    // By name, in the dev stage, it builds.
    await expect(loadProject(root, { profile: 'test', targets: ['cross'] })).resolves.toMatchObject({ order: { order: ['cross'] } });
  });
});
