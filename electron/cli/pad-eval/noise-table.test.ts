import { describe, expect, it } from 'vitest';
import { cueDetection, formatCueDetection, formatNoiseTables, noiseTables, type CueRow, type VariantOutcome } from './noise-table';

const run = (label: 'attack' | 'bona_fide', noisy: boolean, accepted: boolean, variants: Record<string, boolean>, type?: string): VariantOutcome =>
  ({ label, ...(type ? { type } : {}), noisy, accepted, processed: true, variants });

describe('plain and camera-noise rates side by side', () => {
  const rows = [
    run('attack', false, false, { none: false, periodic: false }, 'screen_replay'),
    run('attack', true, true, { none: true, periodic: false }, 'screen_replay'),
    run('attack', true, false, { none: true, periodic: false }, 'screen_replay'),
    run('attack', false, false, { none: false, periodic: false }, 'print_in_hand'),
    run('bona_fide', false, true, { none: true, periodic: true }),
    run('bona_fide', true, true, { none: true, periodic: false }),
  ];
  it('splits every species into plain and noisy APCER, per cue variant, with BPCER', () => {
    const [verdict, none, periodic] = noiseTables(rows);
    expect(verdict?.variant).toBe('verdict');
    expect(verdict?.species).toEqual([
      { species: 'print_in_hand', plain: { accepted: 0, presentations: 1 }, noisy: null },
      { species: 'screen_replay', plain: { accepted: 0, presentations: 1 }, noisy: { accepted: 1, presentations: 2 } },
    ]);
    expect(none?.species[1]?.noisy).toEqual({ accepted: 2, presentations: 2 });
    expect(periodic?.bpcer).toEqual({ plain: { rejected: 0, presentations: 1 }, noisy: { rejected: 1, presentations: 1 } });
  });
  it('prints markdown tables', () => {
    const md = formatNoiseTables(noiseTables(rows));
    expect(md).toContain('| screen_replay | 0/1 = 0.00 | 1/2 = 0.50 |');
    expect(md).toContain('cues: periodic');
    expect(md).toContain('| **BPCER** (bona fide) | 0/1 = 0.00 | 1/1 = 1.00 |');
  });
});

describe('each cue on its own', () => {
  it('counts the runs in which a cue fired, per species and for bona fide, plain and noisy', () => {
    const rows: VariantOutcome[] = [
      { label: 'attack', type: 'screen_replay', noisy: false, accepted: false, processed: true, cueFired: { periodic: 900, bezel: null } },
      { label: 'attack', type: 'screen_replay', noisy: true, accepted: false, processed: true, cueFired: { periodic: null, bezel: 700 } },
      { label: 'bona_fide', noisy: true, accepted: true, processed: true, cueFired: { periodic: null, bezel: null } },
    ];
    const [bezel, periodic] = cueDetection(rows);
    expect(periodic?.rows).toEqual([
      { group: 'screen_replay', plain: [1, 1], noisy: [0, 1] },
      { group: 'bona_fide', plain: null, noisy: [0, 1] },
    ]);
    expect(formatCueDetection([bezel as CueRow])).toContain('| screen_replay | 0/1 | 1/1 |');
  });
});
