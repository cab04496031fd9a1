import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';
import type { Sheet } from './sheet';

/** The one data cell `cell` comes back as, written through toCsv and read back. */
function roundTrip(cell: string): string {
  const sheet: Sheet = { form: 'Mẫu số 01', title: 't', lines: [], columns: [{ header: 'Số điện thoại', width: 14, kind: 'text' }], rows: [[cell]], footer: [] };
  const rows = parseCsv(toCsv(sheet));
  expect(rows).toHaveLength(2);
  return rows[1]![0]!;
}

describe('CSV formula guard', () => {
  it('a cell that is wholly a phone number in international form (E.164, +84) stays as it is', () => {
    for (const phone of ['+84912345678', '+84388000111', '+12025550123', '+442071838750']) expect(roundTrip(phone)).toBe(phone);
  });

  it('a formula or anything more than + and digits still gets the apostrophe', () => {
    const guarded = [
      "+1+cmd|' /C calc'!A0",
      '=HYPERLINK("http://x","y")',
      '-2+3',
      '@SUM(A1:A2)',
      '\t=1',
      '\r=1',
      '+84 912 345 678', // spaces: not the compact form
      '+84912345678\n=1', // a phone followed by a second line
      '+0912345678', // E.164 never starts with 0
      '+1234567', // too short for a phone number
      '+1234567890123456', // longer than E.164's 15 digits
      '+',
    ];
    for (const cell of guarded) expect(roundTrip(cell)).toBe(`'${cell}`);
  });

  it('ordinary text and national numbers are untouched', () => {
    for (const cell of ['0912345678', 'Đinh Thị Lụa', 'a+b', '']) expect(roundTrip(cell)).toBe(cell);
  });
});
