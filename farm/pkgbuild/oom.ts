import type { Container } from '../runtime/port.js';
import { firstFile } from '../tar/first-file.js';
import { OOM_KILLS_PATH } from './deadline.js';

/**
 * How many processes the kernel's OOM killer ended in a stopped build container: the count the
 * deadline shell left (withDeadline), 0 when it left none (an image without sed, an engine that
 * hides the cgroup files). Read only after a failed build.
 */
export async function oomKills(container: Container): Promise<number> {
  const archive = await container.getArchive(OOM_KILLS_PATH).catch(() => undefined);
  if (archive === undefined) return 0;
  const text = (await firstFile(archive, 256).catch(() => undefined))?.toString('utf8') ?? '';
  const count = Number.parseInt(text.trim().split('\n')[0] ?? '', 10);
  return Number.isInteger(count) && count > 0 ? count : 0;
}
