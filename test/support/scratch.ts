import { chmod, lstat, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A host directory outside any workspace, with one file in it: what an attack would hit. */
export async function makeScratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stasis-scratch-'));
  await writeFile(join(dir, 'secret'), 'host data\n');
  await chmod(join(dir, 'secret'), 0o640);
  await chmod(dir, 0o750);
  return dir;
}

/** Names, modes, link counts and contents of a directory, to compare before and after. */
export async function snapshot(dir: string): Promise<string> {
  const lines = [`. ${(await stat(dir)).mode.toString(8)}`];
  for (const name of (await readdir(dir)).sort()) {
    const st = await lstat(join(dir, name));
    lines.push(`${name} ${st.mode.toString(8)} ${st.nlink} ${st.isFile() ? JSON.stringify(await readFile(join(dir, name), 'utf8')) : ''}`);
  }
  return lines.join('\n');
}
