import type { RootfsImage } from './image.js';

const SOURCE = 'etc/s6-rc/source';

/** Names listed in a bundle's `contents` file and its `contents.d/` directory. */
async function bundleContents(image: RootfsImage, name: string): Promise<string[]> {
  const names: string[] = [];
  const contents = `${SOURCE}/${name}/contents`;
  if (image.entries.some((e) => e.path === contents && e.type === 'file')) {
    for (const line of (await image.read(contents)).toString('utf8').split('\n')) {
      const n = line.trim();
      if (n !== '' && !n.startsWith('#')) names.push(n);
    }
  }
  const dotD = `${SOURCE}/${name}/contents.d/`;
  for (const e of image.entries) if (e.path.startsWith(dotD) && !e.path.slice(dotD.length).includes('/')) names.push(e.path.slice(dotD.length));
  return names;
}

async function typeOf(image: RootfsImage, name: string): Promise<string | undefined> {
  const path = `${SOURCE}/${name}/type`;
  if (!image.entries.some((e) => e.path === path && e.type === 'file')) return undefined;
  return (await image.read(path)).toString('utf8').trim();
}

/**
 * The atomic services (oneshots and longruns) the rootfs's s6-rc `default`
 * bundle brings up, bundles inside it expanded; sorted. Empty when the rootfs
 * has no `default` bundle. A name without a type is kept (s6-rc would refuse
 * it; the check then reports it as not up).
 */
export async function defaultServices(image: RootfsImage): Promise<string[]> {
  if ((await typeOf(image, 'default')) !== 'bundle') return [];
  const atoms = new Set<string>();
  const seen = new Set<string>(['default']);
  const queue = await bundleContents(image, 'default');
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    if ((await typeOf(image, name)) === 'bundle') queue.push(...(await bundleContents(image, name)));
    else atoms.add(name);
  }
  return [...atoms].sort();
}
