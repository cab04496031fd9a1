import { describe, expect, it } from 'vitest';
import { addYears, ageOn, formatDmy, isoDateAt, parseDdmmyyyy, parseDmy, parseYymmdd, toYymmdd } from './dates';

describe('dates', () => {
  it('parses and formats dd/mm/yyyy', () => {
    expect(parseDmy('05/03/1990')).toBe('1990-03-05');
    expect(parseDmy('5/3/1990')).toBe('1990-03-05');
    expect(parseDmy('31/02/1990')).toBeNull();
    expect(parseDmy('Không thời hạn')).toBeNull();
    expect(formatDmy('1990-03-05')).toBe('05/03/1990');
    expect(parseDdmmyyyy('29022000')).toBe('2000-02-29');
    expect(parseDdmmyyyy('29021900')).toBeNull();
  });
  it('converts MRZ YYMMDD with century windows', () => {
    expect(toYymmdd('1990-03-05')).toBe('900305');
    expect(parseYymmdd('900305', 'birth', '2026-11-23')).toBe('1990-03-05');
    expect(parseYymmdd('201231', 'birth', '2026-11-23')).toBe('2020-12-31');
    expect(parseYymmdd('301231', 'birth', '2026-11-23')).toBe('1930-12-31');
    expect(parseYymmdd('500305', 'expiry', '2026-11-23')).toBe('2050-03-05');
    expect(parseYymmdd('991231', 'expiry', '2026-11-23')).toBe('1999-12-31');
    expect(parseYymmdd('99AB31', 'expiry', '2026-11-23')).toBeNull();
  });
  it('computes age and anniversaries', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(addYears('2000-02-29', 25)).toBe('2025-02-28');
    expect(isoDateAt(Date.UTC(2026, 0, 1, 18, 0))).toBe('2026-01-02');
  });
});
