import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { cli } from '../support/cli.js';
import { localRecipe, tinyRoot } from '../support/tiny-project.js';

afterAll(closeLuaWorkers);

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

const withSources = (name: string, sources: string): string =>
  `return { name = "${name}", version = "1", description = "test", license = "MIT", sources = { ${sources} }, build = "true" }\n`;

describe('errors under --json', () => {
  it('fetch --offline --json: SOURCE_MISSING carries every missing source as data (package, file, sha256, urls, why)', async () => {
    const root = await tinyRoot({
      zlib: withSources('zlib', `{ url = "https://zlib.net/zlib-1.3.1.tar.gz", sha256 = "${A}" }`),
      repack: withSources('repack', `{ file = "repack_1.0.orig.tar.xz", sha256 = "${B}" }`),
      local: localRecipe('local'),
    });
    await mkdir(join(root, 'docs'));
    await writeFile(join(root, 'docs', 'status-notes.yaml'), 'repack: "not in any mirror here"\n');
    const r = await cli(root, ['fetch', '--offline', '--profile', 'test', '--json']);
    expect(r.code).toBe(4);
    const last = r.err.trim().split('\n').at(-1) as string;
    const error = JSON.parse(last) as Record<string, unknown>;
    expect(error).toMatchObject({ type: 'error', code: 'SOURCE_MISSING', message: expect.stringContaining('2 source(s) of 2 package(s)') as unknown });
    expect(error['data']).toEqual({
      missing: [
        { package: 'repack', file: 'repack_1.0.orig.tar.xz', sha256: B, urls: [], why: 'not in any mirror here' },
        { package: 'zlib', file: 'zlib-1.3.1.tar.gz', sha256: A, urls: ['https://zlib.net/zlib-1.3.1.tar.gz'] },
      ],
    });
  });

  it('an error without data has no data field; the line is still one JSON object', async () => {
    const root = await tinyRoot({ local: localRecipe('local') });
    const r = await cli(root, ['fetch', '--profile', 'nosuch', '--json']);
    expect(r.code).toBe(3);
    const error = JSON.parse(r.err.trim().split('\n').at(-1) as string) as Record<string, unknown>;
    expect(error).toMatchObject({ type: 'error', code: 'CONFIG_INVALID', message: expect.stringContaining('nosuch') as unknown });
    expect(error).not.toHaveProperty('data');
  });
});
