import { execFileSync } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { containerTierReady, makeRoot, runFarm, workspaceContainers } from '../support/farm.js';

const ready = await containerTierReady();

/** A local package: its files beside pkg.lua, `fields` the rest of the recipe. */
async function pkg(root: string, name: string, files: Record<string, string>, fields: string): Promise<void> {
  const dir = join(root, 'system', name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  const list = Object.keys(files)
    .map((f) => `"${f}"`)
    .join(', ');
  await writeFile(
    join(dir, 'pkg.lua'),
    `return { name = "${name}", version = "1", description = "${name}", license = "MIT", sources = {},\n  files = { ${list} },\n${fields}\n}\n`,
  );
}

// A Makefile that hard-codes gcc and -g: the make style's command line must win.
const MAKEFILE =
  'CC = gcc\nCFLAGS = -g\nhello: main.o util.o\n\t$(CC) $(LDFLAGS) -o $@ main.o util.o\ninstall: hello\n\tmkdir -p $(DESTDIR)$(PREFIX)/bin\n\tcp hello $(DESTDIR)$(PREFIX)/bin/hello\n\tln $(DESTDIR)$(PREFIX)/bin/hello $(DESTDIR)$(PREFIX)/bin/hello-again\n';
const MAKE_FILES = {
  'main.c': '#include <stdio.h>\nint twice(int);\nint main(void) { printf("%d\\n", twice(21)); return 0; }\n',
  'util.c': 'int twice(int x) { return 2 * x; }\n',
  Makefile: MAKEFILE,
};
// A configure script without autoconf: it records its arguments and the prefix.
const CONFIGURE_FILES = {
  configure:
    '#!/bin/sh\nprefix=/usr/local\nfor a in "$@"; do case $a in --prefix=*) prefix=${a#--prefix=} ;; esac; done\nprintf \'%s\\n\' "$@" > configure.args\nprintf \'PREFIX = %s\\n\' "$prefix" > config.mk\n',
  'Makefile.in':
    'include config.mk\nall: greet\ngreet: greet.c\n\t$(CC) $(CFLAGS) $(LDFLAGS) -o $@ greet.c\ninstall:\n\tmkdir -p $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/greet $(DESTDIR)$(PREFIX)/lib\n\tcp greet $(DESTDIR)$(PREFIX)/bin/\n\tcp configure.args $(DESTDIR)$(PREFIX)/share/greet/args\n\ttouch $(DESTDIR)$(PREFIX)/lib/libgreet.la\n',
  'greet.c': '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n',
};

describe.skipIf(!ready)('build styles and stripping (real container)', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeRoot();
    await pkg(root, 'hello-make', MAKE_FILES, '  build_style = "make",\n  pre_build = [[cp /build/files/* .]],');
    await pkg(
      root,
      'greet',
      CONFIGURE_FILES,
      '  build_style = "configure",\n  configure_args = { "--with-greeting=hi there", "--enable-shared" },\n  pre_configure = [[cp /build/files/* . && cp Makefile.in Makefile && chmod +x configure]],',
    );
    await pkg(
      root,
      'keep-symbols',
      { 'k.c': 'int main(void) { return 0; }\n' },
      '  strip = false,\n  build = [[mkdir -p "$DESTDIR/usr/bin" && $CC $CFLAGS $LDFLAGS -o "$DESTDIR/usr/bin/keep" /build/files/k.c]],',
    );
    await writeFile(join(root, 'profiles', 'styles.lua'), 'return { description = "test", packages = { "hello-make", "greet", "keep-symbols" } }\n');
  });

  it('builds a make project and a configure project: static, stripped, hard links kept, arguments as given', async () => {
    const r = await runFarm(root, ['build', '--profile', 'styles']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const preview = join(root, 'workspace', 'preview');
    const hello = join(preview, 'usr/bin/hello');
    expect(execFileSync(hello).toString()).toBe('42\n');
    const sections = (f: string): string => execFileSync('readelf', ['-S', '-W', f]).toString();
    expect(sections(hello)).not.toContain('.symtab');
    expect(execFileSync('readelf', ['-l', '-W', hello]).toString()).not.toContain('INTERP');
    expect((await stat(hello)).ino).toBe((await stat(join(preview, 'usr/bin/hello-again'))).ino);
    expect(sections(join(preview, 'usr/bin/greet'))).not.toContain('.symtab');
    // The defaults first, the recipe's arguments after (so --enable-shared wins), each one word.
    expect(await readFile(join(preview, 'usr/share/greet/args'), 'utf8')).toBe(
      '--prefix=/usr\n--sysconfdir=/etc\n--localstatedir=/var\n--disable-shared\n--enable-static\n--disable-nls\n--with-greeting=hi there\n--enable-shared\n',
    );
    await expect(stat(join(preview, 'usr/lib/libgreet.la'))).rejects.toThrow();
    expect(sections(join(preview, 'usr/bin/keep'))).toContain('.symtab');
    const log = await readFile(join(root, 'workspace', 'logs', 'hello-make.log'), 'utf8');
    expect(log).toMatch(/stasis-farm: stripped 1 ELF file\(s\) and archive\(s\) with strip/);

    // The audit warns about the one unstripped binary and passes.
    const t = await runFarm(root, ['tests', '--json']);
    expect(t.code, t.stderr + t.stdout).toBe(0);
    const report = JSON.parse(t.stdout.trim().split('\n').pop() as string) as { findings: unknown[]; warnings: { rule: string; path: string }[] };
    expect(report.warnings.map((w) => `${w.rule} ${w.path}`)).toEqual(['elf-unstripped usr/bin/keep']);
    expect(await workspaceContainers(root)).toEqual([]);
  });

  it('build PKG builds it into the cache and leaves the preview alone', async () => {
    const before = (await stat(join(root, 'workspace', 'preview'))).ino;
    const r = await runFarm(root, ['build', 'greet']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(r.stdout).toMatch(/dev \(1 package\(s\) for greet; preview not assembled\): 0 built, 1 cached/);
    expect((await stat(join(root, 'workspace', 'preview'))).ino).toBe(before);
  });
});
