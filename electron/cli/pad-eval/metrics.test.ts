import { describe, expect, it } from 'vitest';
import { computeRates } from './metrics';

describe('ISO/IEC 30107-3 rates', () => {
  it('computes APCER per PAI species, its maximum, and BPCER', () => {
    const r = computeRates([
      { label: 'attack', type: 'print', accepted: false, processed: true },
      { label: 'attack', type: 'print', accepted: true, processed: true },
      { label: 'attack', type: 'replay', accepted: false, processed: true },
      { label: 'bona_fide', accepted: true, processed: true },
      { label: 'bona_fide', accepted: false, processed: true },
      { label: 'bona_fide', accepted: true, processed: true },
      { label: 'bona_fide', accepted: true, processed: true },
    ]);
    expect(r.apcer.print).toEqual({ rate: 0.5, accepted: 1, presentations: 2 });
    expect(r.apcer.replay?.rate).toBe(0);
    expect(r.apcerMax).toBe(0.5);
    expect(r.bpcer).toEqual({ rate: 0.25, rejected: 1, presentations: 4 });
  });
  it('excludes runs that could not be processed', () => {
    const r = computeRates([
      { label: 'attack', type: 'print', accepted: false, processed: false },
      { label: 'bona_fide', accepted: false, processed: false },
    ]);
    expect(r).toEqual({ apcer: {}, apcerMax: null, bpcer: null, notProcessed: 2 });
  });
});
