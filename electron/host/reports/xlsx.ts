/**
 * XLSX with exceljs, laid out as the paper form: the form number top left and the national motto
 * top right, the title and the heading lines merged across the table, a bordered header row,
 * column widths, text columns written as text cells with the text format ('@') so ID and phone
 * numbers keep their leading zeros, the header row repeated on every printed page, A4 landscape.
 */
import ExcelJS from 'exceljs';
import { MOTTO, type Sheet } from './sheet';

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

export async function toXlsx(sheet: Sheet, creator = 'eID kiosk'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  const ws = wb.addWorksheet(sheet.form, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const n = sheet.columns.length;
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  const half = Math.max(1, Math.floor(n / 2));
  const put = (row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>) => {
    if (to > from) ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  put(1, 1, half, sheet.form, { bold: true });
  put(1, half + 1, n, MOTTO[0], { bold: true });
  put(2, half + 1, n, MOTTO[1], { bold: true, underline: true });
  put(4, 1, n, sheet.title, { bold: true, size: 14 });
  let r = 5;
  for (const line of sheet.lines) put(r++, 1, n, line, { italic: true });
  r++;
  const headerRow = r;
  const header = ws.getRow(headerRow);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = 32;
  for (const values of sheet.rows) {
    const row = ws.getRow(++r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      const text = sheet.columns[i]!.kind === 'text';
      cell.value = text ? String(v).normalize('NFC') : v;
      if (text) cell.numFmt = '@';
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: text };
    });
  }
  r += 2;
  for (const line of sheet.footer) put(r++, half + 1, n, line, { italic: true });
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
