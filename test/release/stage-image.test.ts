import { describe, expect, it } from 'vitest';
import { parseStageImageRef, stageImageRef } from '../../farm/release/stage-image.js';
import { workspacePaths } from '../../farm/workspace/paths.js';
import { runRelease } from '../../farm/release/release.js';
import { fakeReleaseOptions, makeFakeProject } from './fake-project.js';

const SHA = '0123456789abcdef'.repeat(4);

describe('stage image tags', () => {
  it('name the stage, the rootfs and the workspace, and read back', () => {
    const ref = stageImageRef('a', SHA, 'fedcba987654');
    expect(ref).toBe('stasis-stage:a-0123456789ab-fedcba987654');
    expect(parseStageImageRef(ref)).toEqual({ stage: 'a', workspaceId: 'fedcba987654' });
  });

  it('read back only their own shape', () => {
    for (const ref of [
      'stasis-stage:a-0123456789ab',
      'stasis-stage:c-0123456789ab-fedcba987654',
      'stasis-stage:a-0123456789ab-fedcba98765',
      'stasis-stage:a-0123456789AB-fedcba987654',
      'stasis-stage:a-0123456789ab-fedcba987654-x',
      'other/stasis-stage:a-0123456789ab-fedcba987654',
      'stasis-builder:a-0123456789ab-fedcba987654',
    ]) {
      expect(parseStageImageRef(ref), ref).toBeUndefined();
    }
  });

  it('are refused for anything but a sha256 and a workspace id', () => {
    expect(() => stageImageRef('a', 'abc', 'fedcba987654')).toThrow();
    expect(() => stageImageRef('a', SHA, '/home/me/project')).toThrow();
  });
});

describe('stage images of two checkouts of one project', () => {
  it('are built with the same labels and build args (the image config, so its id); only the tag names the workspace', async () => {
    const packages = { hello: { 'usr/share/hello': { content: 'hi\n' } } };
    const checkouts = [];
    for (let i = 0; i < 2; i++) {
      const root = await makeFakeProject(packages);
      const options = fakeReleaseOptions(packages);
      const release = await runRelease({ root, profile: 'fake', ...options });
      checkouts.push({ root, release, built: options.runtime.built });
    }
    const [one, two] = checkouts as [(typeof checkouts)[0], (typeof checkouts)[0]];
    expect(one.built.map((b) => b.ref)).toEqual([one.release.stageImages.a?.ref, one.release.stageImages.b?.ref]);
    expect(one.root).not.toBe(two.root);
    for (const [i, stage] of (['a', 'b'] as const).entries()) {
      const [mine, theirs] = [one.built[i], two.built[i]];
      expect(mine?.labels).toEqual(theirs?.labels);
      expect(mine?.buildArgs).toEqual(theirs?.buildArgs);
      const sha = one.release.stageImages[stage]?.rootfsSha256 ?? '';
      expect(two.release.stageImages[stage]?.rootfsSha256).toBe(sha);
      expect(mine?.ref).toBe(stageImageRef(stage, sha, workspacePaths(one.root, stage).id));
      expect(theirs?.ref).toBe(stageImageRef(stage, sha, workspacePaths(two.root, stage).id));
      // Nothing of where the project lies is in the image's config.
      const config = JSON.stringify([mine?.labels, mine?.buildArgs]);
      expect(config).not.toContain(workspacePaths(one.root, stage).id);
      expect(config).not.toContain(one.root);
    }
  });
});
