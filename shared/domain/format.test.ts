import { describe, it, expect } from 'vitest';
import { formatDateVn, formatDateTimeVn } from './format';

describe('formatDateVn', () => {
  it('formats ISO dates and Date objects as dd/mm/yyyy', () => {
    expect(formatDateVn('2003-01-09')).toBe('09/01/2003');
    expect(formatDateVn(new Date(2026, 10, 3))).toBe('03/11/2026');
  });
  it('returns an empty string for nothing valid', () => {
    expect(formatDateVn(undefined)).toBe('');
    expect(formatDateVn('09/01/2003')).toBe('');
    expect(formatDateVn(new Date('x'))).toBe('');
  });
  it('formats a timestamp with hours and minutes', () => {
    expect(formatDateTimeVn(new Date(2026, 0, 2, 7, 5))).toBe('02/01/2026 07:05');
  });
});
