/**
 * The citizen's mobile number (the account's OTP goes there): Vietnamese mobiles only, 10 digits
 * `0[35789]xxxxxxxx`, `+84`/`84` accepted in place of the leading 0. Ranges come from
 * libphonenumber-js; stored in the national form, shown grouped `0xxx xxx xxx`.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneProblem = 'empty' | 'not_a_number' | 'not_mobile' | 'not_vietnamese';

export function normaliseMobile(input: string): { ok: true; national: string } | { ok: false; problem: PhoneProblem } {
  const compact = input.replace(/[\s.\-()]/g, '');
  if (!compact) return { ok: false, problem: 'empty' };
  if (!/^\+?\d{9,13}$/.test(compact)) return { ok: false, problem: 'not_a_number' };
  const withCountry = compact.startsWith('+') ? compact : compact.startsWith('84') && compact.length === 11 ? `+${compact}` : compact;
  const p = parsePhoneNumberFromString(withCountry, 'VN');
  if (!p || !p.isValid()) return { ok: false, problem: 'not_a_number' };
  if (p.country !== 'VN') return { ok: false, problem: 'not_vietnamese' };
  const national = `0${p.nationalNumber}`;
  const type = p.getType();
  if (!/^0[35789]\d{8}$/.test(national) || (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE')) return { ok: false, problem: 'not_mobile' };
  return { ok: true, national };
}

/** `0912345678` → `0912 345 678`. */
export function formatMobile(national: string): string {
  return national.replace(/^(\d{4})(\d{3})(\d{3})$/, '$1 $2 $3');
}

/** A plain check, not a deliverability promise: one @, a dot in the domain, no spaces. */
export function isPlausibleEmail(s: string): boolean {
  return s.length <= 254 && /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/.test(s);
}
