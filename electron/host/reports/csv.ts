/**
 * CSV for other systems and spreadsheet software: UTF-8 with a byte-order mark (so spreadsheet
 * software reads Vietnamese as UTF-8), CRLF, every field quoted. Only the table: the column
 * headers and the rows (the heading of the paper form is in the XLSX and the PDF). A cell that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR at its start) gets a leading apostrophe,
 * except a cell that is wholly a phone number in international form (+84912345678): read as a
 * formula it is only that number, nothing can run, and the apostrophe would spoil the number.
 */
import type { Sheet } from './sheet';

const FORMULA_START = /^[=+\-@\t\r]/;
/** E.164: + and 8 to 15 digits, the first not 0; nothing else in the cell. */
const INTERNATIONAL_PHONE = /^\+[1-9]\d{7,14}$/;

function field(v: string | number): string {
  let s = typeof v === 'number' ? String(v) : v.normalize('NFC');
  if (typeof v === 'string' && FORMULA_START.test(s) && !INTERNATIONAL_PHONE.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function toCsv(sheet: Sheet): Buffer {
  const lines = [sheet.columns.map((c) => field(c.header)).join(','), ...sheet.rows.map((r) => r.map(field).join(','))];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

/** Reads back what toCsv wrote (tests and the CLI's check): rows of fields, the BOM required. */
export function parseCsv(buf: Buffer): string[][] {
  if (!(buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)) throw new Error('no UTF-8 byte-order mark');
  const text = buf.subarray(3).toString('utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cur);
      cur = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
      i++;
    } else cur += ch;
  }
  return rows;
}
