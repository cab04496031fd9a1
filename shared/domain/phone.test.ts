import { describe, expect, it } from 'vitest';
import { formatMobile, isPlausibleEmail, normaliseMobile } from './phone';

describe('Vietnamese mobile numbers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['0387.654.321', '0387654321'],
    ['0701234567', '0701234567'],
    ['0861234567', '0861234567'],
    ['0561234567', '0561234567'],
  ])('%s → %s', (input, national) => {
    expect(normaliseMobile(input)).toEqual({ ok: true, national });
  });

  it.each([
    ['', 'empty'],
    ['abc', 'not_a_number'],
    ['091234567', 'not_a_number'],
    ['02838123456', 'not_mobile'], // a Hồ Chí Minh City landline
    ['1900545454', 'not_mobile'], // a service number
    ['+12025550123', 'not_vietnamese'],
  ])('%s is refused (%s)', (input, problem) => {
    expect(normaliseMobile(input)).toEqual({ ok: false, problem });
  });

  it('shows a number grouped 0xxx xxx xxx', () => {
    expect(formatMobile('0912345678')).toBe('0912 345 678');
  });

  it('e-mail plausibility', () => {
    expect(isPlausibleEmail('nhung.nguyen@example.vn')).toBe(true);
    expect(isPlausibleEmail('nhung@localhost')).toBe(false);
    expect(isPlausibleEmail('a b@x.vn')).toBe(false);
  });
});
