import { describe, type FieldReader } from '../validate/fields.js';
import { BUILD_STYLES, STYLE_HOOKS, type BuildStyle, type BuildStyleName, type StyleHook } from './types.js';

/** Which styles use each setting; a setting a style does not use is an error, not silently ignored. */
const USED_BY = {
  configure_script: ['configure'],
  configure_defaults: ['configure'],
  configure_args: ['configure'],
  make_build_args: ['configure', 'make'],
  make_install_args: ['configure', 'make'],
  make_build_target: ['configure', 'make'],
  make_install_target: ['configure', 'make'],
  cmake_args: ['cmake'],
  meson_args: ['meson'],
  pre_configure: ['configure', 'cmake', 'meson'],
  post_configure: ['configure', 'cmake', 'meson'],
  pre_build: BUILD_STYLES,
  post_build: BUILD_STYLES,
  pre_install: BUILD_STYLES,
  post_install: BUILD_STYLES,
} as const satisfies Record<string, readonly BuildStyleName[]>;

/** The recipe fields of build styles (snake_case, as in pkg.lua). */
export const STYLE_FIELDS = ['build_style', ...(Object.keys(USED_BY) as (keyof typeof USED_BY)[])] as const;

const TARGET = /^[^\s'"\\$`]+$/;

/**
 * `build_style` and its settings from a recipe table, defaults filled in;
 * undefined when the recipe names no style. Problems go to `r`, naming the field.
 */
export function validateStyle(r: FieldReader, o: Record<string, unknown>): BuildStyle | undefined {
  const given = (Object.keys(USED_BY) as (keyof typeof USED_BY)[]).filter((k) => o[k] !== undefined && o[k] !== null);
  const raw = o['build_style'];
  if (raw === undefined || raw === null) {
    for (const field of given) r.fail(field, `only used with build_style (${USED_BY[field].join(', ')}); this recipe writes its own build`);
    return undefined;
  }
  if (typeof raw !== 'string' || !(BUILD_STYLES as readonly string[]).includes(raw)) {
    r.fail('build_style', `expected one of ${BUILD_STYLES.map((s) => `"${s}"`).join(', ')}, got ${describe(raw)}`);
    return undefined;
  }
  const name = raw as BuildStyleName;
  for (const field of given) {
    const users: readonly BuildStyleName[] = USED_BY[field];
    if (!users.includes(name)) r.fail(field, `not used by build_style "${name}" (only by ${users.map((s) => `"${s}"`).join(', ')})`);
  }
  const hooks: Partial<Record<StyleHook, string>> = {};
  for (const hook of STYLE_HOOKS) {
    const text = r.string(o, hook, '', { optional: true });
    if (text !== undefined) hooks[hook] = text;
  }
  const args = (field: keyof typeof USED_BY): string[] => r.stringList(o, field, '');
  // Only `false` is recorded (the key of every recipe that leaves the defaults on stays as it was).
  const noDefaults = o['configure_defaults'] !== undefined && !r.boolean(o, 'configure_defaults', '', true);
  return {
    ...(noDefaults ? { configureDefaults: false as const } : {}),
    name,
    configureScript: r.string(o, 'configure_script', '', { optional: true, pattern: /^\S+$/, what: 'a path (one word)' }) ?? './configure',
    configureArgs: args('configure_args'),
    makeBuildArgs: args('make_build_args'),
    makeInstallArgs: args('make_install_args'),
    makeBuildTarget: r.string(o, 'make_build_target', '', { optional: true, pattern: TARGET, what: 'one make target' }) ?? '',
    makeInstallTarget: r.string(o, 'make_install_target', '', { optional: true, pattern: TARGET, what: 'one make target' }) ?? 'install',
    cmakeArgs: args('cmake_args'),
    mesonArgs: args('meson_args'),
    hooks,
  };
}
