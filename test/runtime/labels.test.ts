import { describe, expect, it } from 'vitest';
import { buildKind, farmLabels, isFarmMade } from '../../farm/runtime/labels.js';

describe('the labels of what the farm makes', () => {
  it('always carry the farm mark and the kind, and only the other labels given', () => {
    expect(farmLabels({ kind: buildKind('abc'), run: 'r1', pkg: 'sed', stage: 'dev' })).toEqual({
      'org.stasis-farm.farm': 'stasis-farm',
      'org.stasis-farm.kind': 'build:abc',
      'org.stasis-farm.run': 'r1',
      'org.stasis-farm.package': 'sed',
      'org.stasis-farm.stage': 'dev',
    });
    expect(farmLabels({ kind: 'builder-base' })).toEqual({ 'org.stasis-farm.farm': 'stasis-farm', 'org.stasis-farm.kind': 'builder-base' });
  });

  it("tell the farm's images of a kind from foreign ones", () => {
    expect(isFarmMade(farmLabels({ kind: 'stage', stage: 'a' }), 'stage')).toBe(true);
    expect(isFarmMade({ 'org.stasis-farm.kind': 'stage' }, 'stage')).toBe(false);
    expect(isFarmMade(farmLabels({ kind: 'builder' }), 'stage')).toBe(false);
  });
});
