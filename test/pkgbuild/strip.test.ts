import { describe, expect, it } from 'vitest';
import { STRIP_HELPER_PATH } from '../../farm/pkgbuild/strip.js';
import { renderRunScript } from '../../farm/pkgbuild/script.js';

describe('run.sh', () => {
  it('runs the strip step after the recipe only when the recipe strips', () => {
    const on = renderRunScript({ cwd: '/build/src/x', patches: [], strip: true, jobs: 1 });
    expect(on).toContain(`/bin/sh -e /build/build.sh\nif /bin/sh ${STRIP_HELPER_PATH} --begin; then\n  find "$DESTDIR" -type f -exec`);
    const off = renderRunScript({ cwd: '/build/src/x', patches: [], strip: false, jobs: 1 });
    expect(off).toContain('exec /bin/sh -e /build/build.sh\n');
    expect(off).not.toContain('strip');
  });

  it('exports the $JOBS the build was given when it started (not part of the container environment); refuses a non-positive count', () => {
    expect(renderRunScript({ cwd: '/build/src/x', patches: [], strip: false, jobs: 3 })).toContain('umask 022\nexport JOBS=3\n');
    expect(() => renderRunScript({ cwd: '/build/src/x', patches: [], strip: false, jobs: 0 })).toThrow(/JOBS must be a positive integer/);
  });
});
