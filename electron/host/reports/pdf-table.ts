/**
 * A form as a printable PDF (pdf-lib, the font embedded as a subset): A4 landscape, the heading
 * as on the paper form on the first page, the column headers repeated on every page, long cells
 * wrapped inside their column, "Trang x/y" at the foot of each page.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { withCharCache } from './fast-font';
import { reportFonts } from './fonts';
import { MOTTO, type Sheet } from './sheet';

const PAGE = { w: 841.89, h: 595.28 };
const MARGIN = 28;
const SIZE = 8.5;
const LINE = 10.5;
const PAD = 3;

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function newPdf(title: string): Promise<{ doc: PDFDocument; fonts: PdfFonts }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(title);
  doc.setProducer('eID kiosk');
  doc.setCreator('eID kiosk');
  const f = reportFonts();
  const fonts = { regular: withCharCache(await doc.embedFont(f.regular, { subset: true })), bold: withCharCache(await doc.embedFont(f.bold, { subset: true })) };
  return { doc, fonts };
}

/** Splits text into lines no wider than `width` at `size`, breaking at spaces (or inside a word too long for a line). */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const out: string[] = [];
  for (const para of text.normalize('NFC').split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width) {
        line = next;
        continue;
      }
      if (line) out.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
        out.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    out.push(line);
  }
  return out;
}

function centred(page: PDFPage, font: PDFFont, text: string, size: number, x0: number, x1: number, y: number): void {
  const w = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: x0 + (x1 - x0 - w) / 2, y, size, font });
}

export async function toPdf(sheet: Sheet): Promise<Buffer> {
  const { doc, fonts } = await newPdf(`${sheet.form} - ${sheet.title}`);
  const usable = PAGE.w - 2 * MARGIN;
  const total = sheet.columns.reduce((n, c) => n + c.width, 0);
  const widths = sheet.columns.map((c) => (c.width / total) * usable);
  const xs = widths.reduce<number[]>((acc, w, i) => [...acc, acc[i]! + w], [MARGIN]);
  const headerLines = sheet.columns.map((c, i) => wrap(fonts.bold, c.header, SIZE, widths[i]! - 2 * PAD));
  const headerH = Math.max(...headerLines.map((l) => l.length)) * LINE + 2 * PAD;
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = 0;
  // The table is written as raw content-stream operators, one stream per page: pdf-lib's drawText
  // and drawLine build several objects per call, and a 10,000-row form has ~80,000 cells.
  let ops: string[] = [];
  let keys = { regular: '', bold: '' };
  const num = (v: number) => v.toFixed(2);
  const line = (x0: number, y0: number, x1: number, y1: number) => ops.push(`${num(x0)} ${num(y0)} m ${num(x1)} ${num(y1)} l S`);
  const text = (font: PDFFont, s: string, x: number, yy: number) =>
    ops.push(`BT ${font === fonts.bold ? keys.bold : keys.regular} ${SIZE} Tf ${num(x)} ${num(yy)} Td ${font.encodeText(s).toString()} Tj ET`);
  // The table's top on this page: its column rules are drawn once per page, from there to the last row.
  let tableTop = 0;
  const drawRow = (cells: string[][], font: PDFFont, h: number) => {
    cells.forEach((lines, i) => lines.forEach((l, k) => l && text(font, l, xs[i]! + PAD, y - PAD - SIZE - k * LINE + 1)));
    y -= h;
    line(MARGIN, y, MARGIN + usable, y);
  };
  const closeTable = () => {
    if (!pages.length) return;
    for (const x of xs) line(x, tableTop, x, y);
    const stream = doc.context.flateStream(`q 0.5 w 0 0 0 RG 0 0 0 rg\n${ops.join('\n')}\nQ\n`);
    page.node.addContentStream(doc.context.register(stream));
    ops = [];
  };
  const newPage = () => {
    closeTable();
    page = doc.addPage([PAGE.w, PAGE.h]);
    pages.push(page);
    keys = { regular: page.node.newFontDictionary(fonts.regular.name, fonts.regular.ref).toString(), bold: page.node.newFontDictionary(fonts.bold.name, fonts.bold.ref).toString() };
    y = PAGE.h - MARGIN;
    if (pages.length === 1) {
      const mid = MARGIN + usable * 0.45;
      centred(page, fonts.bold, sheet.form, 10, MARGIN, mid, y - 10);
      centred(page, fonts.bold, MOTTO[0], 10, mid, MARGIN + usable, y - 10);
      centred(page, fonts.bold, MOTTO[1], 10, mid, MARGIN + usable, y - 23);
      y -= 50;
      centred(page, fonts.bold, sheet.title, 13, MARGIN, MARGIN + usable, y);
      y -= 8;
      for (const l of sheet.lines) {
        y -= 14;
        centred(page, fonts.regular, l, 10, MARGIN, MARGIN + usable, y);
      }
      y -= 12;
    }
    tableTop = y;
    line(MARGIN, y, MARGIN + usable, y);
    drawRow(headerLines, fonts.bold, headerH);
  };
  newPage();
  for (const values of sheet.rows) {
    const cells = values.map((v, i) => wrap(fonts.regular, String(v), SIZE, widths[i]! - 2 * PAD));
    const h = Math.max(...cells.map((c) => c.length)) * LINE + 2 * PAD;
    if (y - h < MARGIN + 14) newPage();
    drawRow(cells, fonts.regular, h);
  }
  closeTable();
  if (sheet.footer.length) {
    if (y - 16 * sheet.footer.length < MARGIN + 14) newPage();
    y -= 10;
    for (const l of sheet.footer) {
      y -= 14;
      centred(page, fonts.regular, l, 10, MARGIN + usable * 0.55, MARGIN + usable, y);
    }
  }
  pages.forEach((p, i) => centred(p, fonts.regular, `Trang ${i + 1}/${pages.length}`, 8, MARGIN, MARGIN + usable, MARGIN - 10));
  return Buffer.from(await doc.save());
}
