import { describe, expect, it } from 'vitest';
import { expectedExpiry } from './card-expiry';

describe('card validity rule', () => {
  it('runs to 25 when issued before 23', () => {
    expect(expectedExpiry('2000-06-15', '2021-01-10')).toMatchObject({ kind: 'date', expiry: '2025-06-15' });
  });
  it('runs to 40 when issued within two years before 25', () => {
    const r = expectedExpiry('2000-06-15', '2023-06-15');
    expect(r).toMatchObject({ kind: 'date', expiry: '2040-06-15' });
    expect(r?.candidates).toContain('2060-06-15');
  });
  it('runs to 60 from 38 and has no expiry from 58', () => {
    expect(expectedExpiry('1980-01-01', '2018-01-01')).toMatchObject({ kind: 'date', expiry: '2040-01-01' });
    expect(expectedExpiry('1980-01-01', '2018-01-02')).toMatchObject({ kind: 'date', expiry: '2040-01-01' });
    expect(expectedExpiry('1983-01-01', '2021-01-01')).toMatchObject({ kind: 'date', expiry: '2043-01-01' });
    const none = expectedExpiry('1960-01-01', '2021-01-01');
    expect(none).toMatchObject({ kind: 'none', tryMrzFiller: true });
    expect(none?.candidates.length).toBeGreaterThan(0);
  });
  it('offers the 14th birthday as a candidate for a young child', () => {
    const r = expectedExpiry('2018-05-01', '2024-09-01');
    expect(r).toMatchObject({ kind: 'date', expiry: '2043-05-01' });
    expect(r?.candidates.slice(0, 2)).toEqual(['2043-05-01', '2032-05-01']);
  });
  it('returns null for impossible input', () => {
    expect(expectedExpiry('2030-01-01', '2021-01-01')).toBeNull();
    expect(expectedExpiry('bad', '2021-01-01')).toBeNull();
  });
});
