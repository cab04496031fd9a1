import { describe, expect, it } from 'vitest';
import { ageOn, cardKindFromIssue, levelTwoRule } from './age-rules';

describe('Decree 69/2024 age rules', () => {
  it('counts whole years on the day, birthdays included', () => {
    expect(ageOn('2012-11-30', '2026-11-30')).toBe(14);
    expect(ageOn('2012-12-01', '2026-11-30')).toBe(13);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it.each([
    ['2012-11-30', 'cccd_chip', { allowed: true, rule: 'adult', age: 14 }],
    ['2012-12-01', 'can_cuoc', { allowed: true, rule: 'minor_with_guardian', age: 13 }],
    ['2012-12-01', 'cccd_chip', { allowed: false, rule: 'minor_needs_can_cuoc', age: 13 }],
    ['2020-11-30', 'can_cuoc', { allowed: true, rule: 'minor_with_guardian', age: 6 }],
    ['2020-12-01', 'can_cuoc', { allowed: false, rule: 'under_6', age: 5 }],
  ] as const)('born %s with %s', (dob, card, verdict) => {
    expect(levelTwoRule(dob, card, '2026-11-30')).toEqual(verdict);
  });
});

describe('the card kind from its date of issue', () => {
  it.each([
    ['2024-06-30', 'cccd_chip'],
    ['2024-07-01', 'can_cuoc'],
    ['2025-03-10', 'can_cuoc'],
    [undefined, 'cccd_chip'],
  ] as const)('issued %s → %s', (issued, kind) => {
    expect(cardKindFromIssue(issued)).toBe(kind);
  });
});
