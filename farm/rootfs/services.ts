import { FarmError } from '../errors/index.js';

const SOURCE = 'etc/s6-rc/source/';

/**
 * Check the s6-rc source tree of an assembled rootfs before it is written:
 * every service has a type, and every name in a bundle's contents or a
 * service's dependencies is a service of the tree. s6-rc-compile would refuse
 * the same tree at boot; here the error names the package or config option.
 *
 * `paths` maps each rootfs path to what put it there (a package or "(config)");
 * `texts` holds the content of `contents`/`dependencies` files rendered from
 * config.lua (package files are read through their `.d` directories only).
 */
export function checkServiceTree(paths: ReadonlyMap<string, string>, texts: ReadonlyMap<string, string>): void {
  const services = new Map<string, string>();
  const references: { from: string; name: string; origin: string; via: string }[] = [];
  for (const [path, origin] of paths) {
    if (!path.startsWith(SOURCE)) continue;
    const parts = path.slice(SOURCE.length).split('/');
    const service = parts[0] as string;
    if (parts.length === 2 && parts[1] === 'type') services.set(service, origin);
    if (parts.length === 3 && (parts[1] === 'contents.d' || parts[1] === 'dependencies.d')) {
      references.push({ from: service, name: parts[2] as string, origin, via: parts[1] });
    }
    if (parts.length === 2 && (parts[1] === 'contents' || parts[1] === 'dependencies')) {
      for (const line of (texts.get(path) ?? '').split('\n')) {
        const name = line.trim();
        if (name !== '' && !name.startsWith('#')) references.push({ from: service, name, origin, via: parts[1] });
      }
    }
  }
  const problems: string[] = [];
  const dirs = new Set<string>();
  for (const path of paths.keys()) {
    if (path.startsWith(SOURCE)) dirs.add(path.slice(SOURCE.length).split('/')[0] as string);
  }
  for (const dir of [...dirs].sort()) {
    if (dir !== '' && !services.has(dir)) problems.push(`${SOURCE}${dir} (from ${paths.get(SOURCE + dir) ?? 'a package'}) has no type file`);
  }
  for (const ref of references) {
    if (!services.has(ref.name)) {
      problems.push(`${SOURCE}${ref.from}/${ref.via} (from ${ref.origin}) names "${ref.name}", which no package or config option provides`);
    }
  }
  if (problems.length > 0) {
    throw new FarmError('CONFIG_INVALID', `the s6-rc service sources would not compile:\n  ${problems.join('\n  ')}`, {
      hint: 'enable the service in config.lua, or select the package that provides it',
    });
  }
}
