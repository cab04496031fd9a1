/**
 * ICAO 9303 Part 3 §4.9 check digit: weights 7-3-1 repeating; digits count as themselves,
 * A–Z as 10–35 and the filler `<` as 0. Written here (not via the `mrz` package) because
 * shared/ must stay dependency-light and BAC needs the digit of single fields, not a whole MRZ.
 */
const WEIGHTS = [7, 3, 1] as const;

function charValue(c: string): number | null {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (c === '<') return 0;
  return null;
}

/** The check digit of `field`, or null when it holds a character the MRZ alphabet lacks. */
export function mrzCheckDigit(field: string): number | null {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const v = charValue(field[i] ?? '');
    if (v === null) return null;
    sum += v * (WEIGHTS[i % 3] ?? 1);
  }
  return sum % 10;
}

/**
 * Whether `digit` is the check digit of `field`. A filler `<` as check digit is accepted only for
 * an all-filler field (ICAO allows it for empty optional data).
 */
export function isValidCheckDigit(field: string, digit: string): boolean {
  if (digit === '<') return /^<*$/.test(field);
  const expected = mrzCheckDigit(field);
  return expected !== null && String(expected) === digit;
}

/** Upper-case A–Z/0–9 with `<` for anything else, padded/cut to `length`: how fields enter an MRZ. */
export function toMrzField(value: string, length: number): string {
  const cleaned = value.toUpperCase().replace(/[^A-Z0-9<]/g, '<');
  return cleaned.padEnd(length, '<').slice(0, length);
}
