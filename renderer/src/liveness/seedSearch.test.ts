import { describe, expect, it } from 'vitest';
import { findSeeds, planKinds, variants, VARIANT_GRID } from './seedSearch';
import { recorded } from './testkit';
import { withLeadIn } from './sim';

describe('seed search over a recording (labels by actions, the e2e seeds)', () => {
  const clip = withLeadIn(recorded('d12at15'), 800);
  it('finds only seeds whose plan is exactly the actions, in order, best margin first', () => {
    const found = findSeeds(clip, ['turnLeft', 'turnRight', 'openMouth'], { count: 6000, keep: 4 });
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) expect(planKinds(c.seed)).toEqual(['turnLeft', 'turnRight', 'openMouth']);
    expect(found.map((c) => c.margin)).toEqual([...found.map((c) => c.margin)].sort((a, b) => b - a));
  });
  it('finds nothing for actions the subject does not do (nobody looks up in this clip) or in another order', () => {
    expect(findSeeds(clip, ['turnLeft', 'lookUp', 'openMouth'], { count: 6000 })).toEqual([]);
    expect(findSeeds(clip, ['openMouth', 'turnRight', 'turnLeft'], { count: 6000 })).toEqual([]);
  });
  it('perturbs the recording: every clock stretch and late start, with and without lost frames', () => {
    const v = variants(clip);
    expect(v).toHaveLength(VARIANT_GRID.scales.length * VARIANT_GRID.skipsMs.length * 2);
    const late = v.find((x) => x.scale === 1.2 && x.skipMs === 600 && !x.drop);
    const last = clip[clip.length - 1]?.t ?? 0;
    expect(late?.frames[late.frames.length - 1]?.t).toBeCloseTo((last - clip[0]!.t - 600) * 1.2, 0);
  });
});
