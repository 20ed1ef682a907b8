import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllowlist } from '../../farm/audit/index.js';
import { exists } from '../../farm/fs/exists.js';
import { fakeRelease, makeFakeProject } from './fake-project.js';

const PACKAGES = {
  hello: { 'usr/bin/hello': { content: '#!/bin/sh\necho hello\n', mode: 0o755 } },
  sudo: { 'usr/bin/sudo': { content: '#!/bin/sh\nexec "$@"\n', mode: 0o4755 } },
};

describe('release audits stage B before dist/ is written', () => {
  it('a setuid file fails the release with the finding, and no dist/ appears', async () => {
    const root = await makeFakeProject(PACKAGES);
    const { result } = await fakeRelease(root, PACKAGES);
    expect(result.aVsB?.pass).toBe(true);
    expect(result.dist).toBeUndefined();
    expect(result.audit?.findings).toEqual([{ rule: 'setuid', severity: 'failure', path: 'usr/bin/sudo', package: 'sudo', detail: 'setuid file' }]);
    expect(await exists(join(root, 'workspace-release-stage-b', 'dist'))).toBe(false);
    expect(await readFile(join(root, 'workspace-release-stage-b', 'audit.yaml'), 'utf8')).toMatch(
      /verdict: findings[\s\S]*rule: setuid\n\s+severity: failure\n\s+path: usr\/bin\/sudo/,
    );
  });

  it('the allowlist accepts the finding: dist/ is written and the manifest records the audit and the recipe tree', async () => {
    const root = await makeFakeProject(PACKAGES);
    const allowlist = parseAllowlist('- { rule: setuid, path: usr/bin/sudo, reason: "sudo runs as root" }\n', 'allow.yaml');
    const { result } = await fakeRelease(root, PACKAGES, { audit: { allowlist } });
    expect(result.audit?.findings).toEqual([]);
    expect(result.dist?.files).toEqual(['manifest.yaml', 'sbom.spdx.json', 'stasis-fake-rootfs.tar.gz', 'SHA256SUMS']);
    const manifest = await readFile(join(root, 'workspace-release-stage-b', 'dist', 'manifest.yaml'), 'utf8');
    expect(manifest).toMatch(/audit:\n\s+verdict: clean[\s\S]*setuid \/usr\/bin\/sudo: sudo runs as root/);
    expect(manifest).toMatch(/recipe_tree:\n\s+sha256: [0-9a-f]{64}\n\s+files: 5/);
  });
});
