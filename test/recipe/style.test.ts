import { execFileSync } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../farm/config/index.js';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { loadRecipes, validateRecipe } from '../../farm/recipe/index.js';
import { shellWord } from '../../farm/shell/quote.js';

const REPO = resolve(import.meta.dirname, '..', '..');
const FILE = 'system/hello/pkg.lua';
const base = { name: 'hello', version: '1.0', description: 'hello', license: 'MIT', sources: [] };
afterAll(closeLuaWorkers);

const styled = (fields: Record<string, unknown>, toolchain = true): string => {
  const r = validateRecipe({ ...base, toolchain, ...fields }, FILE, 'hello');
  return r.build;
};
/** The script's commands, without the tool checks and comments. */
const steps = (script: string): string[] => script.split('\n').filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('command -v '));

describe('build styles', () => {
  it('renders configure with the defaults first, the recipe arguments after, hooks in order', () => {
    const script = styled({
      build_style: 'configure',
      configure_args: ['--with-x=$SYSROOT/usr', 'CFLAGS=-O2 -g'],
      make_build_args: ['V=1'],
      make_install_args: ['MAKEINFO=true'],
      make_build_target: 'all',
      pre_configure: 'echo pre_configure',
      post_configure: 'echo post_configure',
      pre_build: 'echo pre_build',
      post_build: 'echo post_build',
      pre_install: 'echo pre_install',
      post_install: 'echo post_install\n\n',
    });
    expect(steps(script)).toEqual([
      'echo pre_configure',
      '"./configure" --prefix=/usr --sysconfdir=/etc --localstatedir=/var --disable-shared --enable-static --disable-nls "--with-x=$SYSROOT/usr" "CFLAGS=-O2 -g"',
      'echo post_configure',
      'echo pre_build',
      'make -j"$JOBS" "V=1" "all"',
      'echo post_build',
      'echo pre_install',
      'make DESTDIR="$DESTDIR" "MAKEINFO=true" "install"',
      'echo post_install',
      'rm -f "$DESTDIR"/usr/lib/*.la',
    ]);
    expect(script).toMatch(
      /^command -v make >\/dev\/null 2>&1 \|\| \{ echo 'stasis-farm: build_style "configure" needs make, which this builder does not have on PATH' >&2; exit 127; \}$/m,
    );
    expect(script).toMatch(/^# pre_configure\necho pre_configure$/m);
  });

  it('renders configure with its defaults alone: default target, install, ./configure', () => {
    expect(steps(styled({ build_style: 'configure' }))).toEqual([
      '"./configure" --prefix=/usr --sysconfdir=/etc --localstatedir=/var --disable-shared --enable-static --disable-nls',
      'make -j"$JOBS"',
      'make DESTDIR="$DESTDIR" "install"',
      'rm -f "$DESTDIR"/usr/lib/*.la',
    ]);
    expect(steps(styled({ build_style: 'configure', configure_script: '../src/configure', make_install_target: 'install-strip' }))[0]).toMatch(
      /^"\.\.\/src\/configure" --prefix=\/usr /,
    );
  });

  it("configure_defaults = false: a hand-written configure gets only the recipe's arguments; true is the same as absent", () => {
    expect(steps(styled({ build_style: 'configure', configure_defaults: false, configure_args: ['--prefix=/usr', '--with-cc=$CC'] }))[0]).toBe(
      '"./configure" "--prefix=/usr" "--with-cc=$CC"',
    );
    const on = validateRecipe({ ...base, build_style: 'configure', configure_defaults: true }, FILE, 'hello');
    const absent = validateRecipe({ ...base, build_style: 'configure' }, FILE, 'hello');
    // Absent and true give the same recipe, so the keys of recipes that never name it do not change.
    expect(JSON.stringify(on)).toBe(JSON.stringify(absent));
    expect(JSON.stringify(absent)).not.toContain('configureDefaults');
  });

  it('renders make with the toolchain on the command line (and without it when toolchain = false)', () => {
    expect(steps(styled({ build_style: 'make', make_build_args: ['LIBS=-lm'], make_install_args: ['MANDIR=/usr/share/man'], make_build_target: 'prog' }))).toEqual([
      'make -j"$JOBS" PREFIX=/usr CC="$CC" CFLAGS="$CFLAGS $CPPFLAGS" LDFLAGS="$LDFLAGS" "LIBS=-lm" "prog"',
      'make DESTDIR="$DESTDIR" PREFIX=/usr "MANDIR=/usr/share/man" "install"',
      'rm -f "$DESTDIR"/usr/lib/*.la',
    ]);
    expect(steps(styled({ build_style: 'make' }, false))[0]).toBe('make -j"$JOBS" PREFIX=/usr');
  });

  it('renders cmake (Ninja, static, the sysroot searched) and meson (static, no downloads)', () => {
    const cmake = steps(styled({ build_style: 'cmake', cmake_args: ['-DWITH_X=OFF'], pre_configure: 'echo pre', post_install: 'echo post' }));
    expect(cmake).toEqual([
      'echo pre',
      'cmake -S . -B build -G Ninja -DCMAKE_INSTALL_PREFIX=/usr -DCMAKE_INSTALL_LIBDIR=lib -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DCMAKE_FIND_LIBRARY_SUFFIXES=.a -DCMAKE_FIND_ROOT_PATH="$SYSROOT" -DCMAKE_PREFIX_PATH="$SYSROOT/usr" -DCMAKE_C_COMPILER="$CC" -DCMAKE_EXE_LINKER_FLAGS="$LDFLAGS" "-DWITH_X=OFF"',
      'cmake --build build -j "$JOBS"',
      'DESTDIR="$DESTDIR" cmake --install build',
      'echo post',
      'rm -f "$DESTDIR"/usr/lib/*.la',
    ]);
    expect(styled({ build_style: 'cmake' })).toContain('needs ninja');
    expect(steps(styled({ build_style: 'meson', meson_args: ['-Dtests=false'] }))).toEqual([
      'meson setup build --prefix=/usr --libdir=lib --buildtype=release --default-library=static --prefer-static -Dwrap_mode=nodownload "-Dtests=false"',
      'ninja -C build -j "$JOBS"',
      'DESTDIR="$DESTDIR" meson install -C build --no-rebuild',
      'rm -f "$DESTDIR"/usr/lib/*.la',
    ]);
    expect(styled({ build_style: 'meson' })).toContain(`'stasis-farm: build_style "meson" needs meson, which this builder does not have on PATH' >&2; exit 127`);
  });

  it('quotes each argument as one word in which only $NAME and ${NAME} expand', () => {
    expect(shellWord('a b')).toBe('"a b"');
    expect(shellWord(`it's "x" \\ \`id\` $(id) $1 $ \${HOME}/$SYSROOT`)).toBe(`"it's \\"x\\" \\\\ \\\`id\\\` \\$(id) \\$1 \\$ \${HOME}/$SYSROOT"`);
    // What a shell makes of it: one word each, variables expanded, nothing run.
    const words = [`it's "x"`, '$(echo ran) `echo ran` *', '$HOME/${HOME}', 'a  b'];
    const out = execFileSync('/bin/sh', ['-c', `for w in ${words.map(shellWord).join(' ')}; do printf '[%s]\\n' "$w"; done`], {
      env: { HOME: '/h', PATH: process.env['PATH'] ?? '' },
    }).toString();
    expect(out).toBe(`[it's "x"]\n[$(echo ran) \`echo ran\` *]\n[/h//h]\n[a  b]\n`);
  });

  it('keeps the style in the recipe and strips by default', () => {
    const r = validateRecipe({ ...base, build_style: 'make' }, FILE, 'hello');
    expect(r.style).toMatchObject({ name: 'make', makeInstallTarget: 'install', makeBuildTarget: '', configureScript: './configure', hooks: {} });
    expect(r.strip).toBe(true);
    expect(validateRecipe({ ...base, build: 'true', strip: false }, FILE, 'hello')).toMatchObject({ strip: false, style: undefined, build: 'true' });
  });

  it.each([
    [{ build: 'make', build_style: 'make' }, /system\/hello\/pkg\.lua: build: set together with build_style "make", which renders the build script: keep one of them/],
    [{}, /system\/hello\/pkg\.lua: build: missing: write the build script, or name a build_style \(configure, make, cmake, meson\)/],
    [{ build_style: 'scons' }, /system\/hello\/pkg\.lua: build_style: expected one of "configure", "make", "cmake", "meson", got the string "scons"/],
    [{ build: 'make', configure_args: ['--x'] }, /system\/hello\/pkg\.lua: configure_args: only used with build_style \(configure\); this recipe writes its own build/],
    [{ build_style: 'make', configure_args: ['--x'] }, /system\/hello\/pkg\.lua: configure_args: not used by build_style "make" \(only by "configure"\)/],
    [{ build_style: 'make', pre_configure: 'true' }, /pre_configure: not used by build_style "make" \(only by "configure", "cmake", "meson"\)/],
    [{ build_style: 'configure', cmake_args: ['-DX=1'] }, /cmake_args: not used by build_style "configure" \(only by "cmake"\)/],
    [{ build_style: 'cmake', meson_args: ['-Dx=1'] }, /meson_args: not used by build_style "cmake" \(only by "meson"\)/],
    [{ build_style: 'configure', configure_script: 'sh configure' }, /configure_script: "sh configure" is not a path \(one word\)/],
    [{ build_style: 'configure', configure_args: '--x' }, /configure_args: expected a list, got the string "--x"/],
    [{ build_style: 'configure', configure_defaults: 'no' }, /configure_defaults: expected true or false, got the string "no"/],
    [{ build_style: 'make', configure_defaults: false }, /configure_defaults: not used by build_style "make" \(only by "configure"\)/],
    [{ build_style: 'configure', make_build_args: [1] }, /make_build_args\[1\]: expected a string, got number 1/],
    [{ build_style: 'configure', make_install_args: [true] }, /make_install_args\[1\]: expected a string, got boolean true/],
    [{ build_style: 'make', make_build_target: 'all docs' }, /make_build_target: "all docs" is not one make target/],
    [{ build_style: 'make', make_install_target: '' }, /make_install_target: "" is not one make target/],
    [{ build_style: 'cmake', cmake_args: [{}] }, /cmake_args\[1\]: expected a string, got a table/],
    [{ build_style: 'meson', meson_args: 'x' }, /meson_args: expected a list/],
    [{ build_style: 'meson', post_configure: 1 }, /post_configure: expected a string, got number 1/],
    [{ build_style: 'meson', pre_build: [] }, /pre_build: expected a string, got a list/],
    [{ build_style: 'meson', post_build: false }, /post_build: expected a string, got boolean false/],
    [{ build_style: 'meson', pre_install: 2 }, /pre_install: expected a string/],
    [{ build_style: 'meson', post_install: 3 }, /post_install: expected a string/],
    [{ build: 'true', strip: 'yes' }, /strip: expected true or false, got the string "yes"/],
  ])('rejects %j naming file and field', (fields, message) => {
    expect(() => validateRecipe({ ...base, ...fields }, FILE, 'hello')).toThrow(message);
  });

  it('renders the converted recipes bc, sed and gnugrep with their configure flags and info cleanup', async () => {
    const root = await mkdtemp(join(tmpdir(), 'styles-'));
    for (const name of ['bc', 'sed', 'gnugrep']) await cp(join(REPO, 'system', name), join(root, 'system', name), { recursive: true });
    await cp(join(REPO, 'configs', 'config.lua.example'), join(root, 'config.lua'));
    await cp(join(REPO, 'configs', 'default.lua.example'), join(root, 'default.lua'));
    const all = await loadRecipes(root, await loadConfig(root), { stage: 'dev' });
    const sed = all.get('sed')?.recipe;
    expect(sed?.style?.name).toBe('configure');
    expect(steps(sed?.build ?? '')).toEqual([
      '"./configure" --prefix=/usr --sysconfdir=/etc --localstatedir=/var --disable-shared --enable-static --disable-nls "--disable-rpath" "--disable-acl" "--without-selinux" "MAKEINFO=true"',
      'make -j"$JOBS"',
      'make DESTDIR="$DESTDIR" "install"',
      'rm -f "$DESTDIR/usr/share/info/dir"',
      'rm -f "$DESTDIR"/usr/lib/*.la',
    ]);
    expect(all.get('gnugrep')?.recipe.build).toContain('"--disable-perl-regexp" "MAKEINFO=true"');
    const bc = all.get('bc')?.recipe.build ?? '';
    expect(bc).toContain('"--mandir=/usr/share/man" "--infodir=/usr/share/info" "MAKEINFO=true" "YACC=:" "LEX=:"');
    expect(bc).toContain('make -j"$JOBS" "MAKEINFO=true"\n');
    expect(bc).toContain('make DESTDIR="$DESTDIR" "MAKEINFO=true" "install"\n');
    // The hook runs before configure.
    expect(bc.indexOf('touch bc/bc.c bc/bc.h bc/scan.c')).toBeLessThan(bc.indexOf('"./configure"'));
  });
});
