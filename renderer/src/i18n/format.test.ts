import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDecimal, formatIsoDate } from './format';

describe('Intl formatting in the screen’s language', () => {
  it('Vietnamese uses a decimal comma and dd/mm/yyyy', () => {
    expect(formatDecimal(0.2, 'vi')).toBe('0,2');
    expect(formatDecimal(0.662, 'vi', 3)).toBe('0,662');
    expect(formatDecimal(1234.5, 'vi')).toBe('1.234,5');
    expect(formatIsoDate('1990-03-05', 'vi')).toBe('05/03/1990');
    expect(formatIsoDate('1990-03-05', 'en')).toBe('05/03/1990');
    expect(formatIsoDate('not a date', 'vi')).toBe('not a date');
  });
  it('English keeps a decimal point; a moment is hh:mm then the date', () => {
    expect(formatDecimal(0.2, 'en')).toBe('0.2');
    expect(formatDateTime('2026-11-30T08:05:00', 'vi')).toBe('08:05 30/11/2026');
  });
});
