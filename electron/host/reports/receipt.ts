/**
 * The citizen's receipt as a PDF, A5 or 80 mm thermal-roll width (its height follows its content):
 * laid out once as a list of blocks measured against the width, then drawn top down. A QR code
 * (module squares drawn as vector rectangles, so it stays sharp on a thermal printer) carries the
 * dossier number only, so the station can find the dossier again.
 */
import type { PDFFont } from 'pdf-lib';
import QRCode from 'qrcode';
import { newPdf, wrap } from './pdf-table';
import { ACTIVATION_STEPS, CAUTION, maskMobile, NEXT_STEPS, RECEIPT_TITLE, ruleText, vnDateTime, type ReceiptInfo } from './receipt-text';

export type ReceiptSize = 'a5' | '80mm';

const MM = 72 / 25.4;
const FORMAT: Record<ReceiptSize, { width: number; height: number | null; margin: number; size: number; qr: number }> = {
  a5: { width: 148 * MM, height: 210 * MM, margin: 12 * MM, size: 9, qr: 30 * MM },
  '80mm': { width: 80 * MM, height: null, margin: 4 * MM, size: 8, qr: 34 * MM },
};

type Block = { kind: 'text'; lines: string[]; bold: boolean; size: number; centre: boolean } | { kind: 'gap'; h: number } | { kind: 'qr'; side: number };

export async function receiptPdf(info: ReceiptInfo, size: ReceiptSize): Promise<Buffer> {
  const f = FORMAT[size];
  const { doc, fonts } = await newPdf(`Phiếu tiếp nhận ${info.dossierId}`);
  const width = f.width - 2 * f.margin;
  const blocks: Block[] = [];
  const text = (s: string, o: { bold?: boolean; size?: number; centre?: boolean; indent?: string } = {}) => {
    const font = o.bold ? fonts.bold : fonts.regular;
    const sz = o.size ?? f.size;
    const lines = wrap(font, s, sz, width - (o.indent ? font.widthOfTextAtSize(`${o.indent} `, sz) : 0));
    blocks.push({ kind: 'text', lines: lines.map((l, i) => (o.indent ? (i === 0 ? `${o.indent} ` : '   ') + l : l)), bold: !!o.bold, size: sz, centre: !!o.centre });
  };
  const gap = (h: number) => blocks.push({ kind: 'gap', h });
  if (info.station) text(info.station.toUpperCase(), { bold: true, centre: true });
  gap(6);
  text(RECEIPT_TITLE, { bold: true, size: f.size + 2, centre: true });
  gap(8);
  text(`Mã hồ sơ: ${info.dossierId}`, { bold: true, size: f.size + 3, centre: true });
  gap(4);
  blocks.push({ kind: 'qr', side: f.qr });
  gap(6);
  text(`Ngày tiếp nhận: ${vnDateTime(info.submittedAt)}`);
  text(`Họ và tên: ${info.fullName}`);
  text(`Số điện thoại nhận tin nhắn: ${maskMobile(info.mobile)}`);
  text(`Quy định áp dụng: ${ruleText(info.rule)}`);
  gap(6);
  text('Các bước tiếp theo', { bold: true });
  for (const s of NEXT_STEPS) text(s, { indent: '-' });
  gap(6);
  text('Kích hoạt tài khoản sau khi được duyệt', { bold: true });
  ACTIVATION_STEPS.forEach((s, i) => text(s, { indent: `${i + 1}.` }));
  gap(6);
  text(CAUTION, { bold: true });
  text('Mang theo phiếu này khi cần tra cứu hồ sơ tại đơn vị.', { size: f.size - 1 });

  const lineH = (sz: number) => sz * 1.3;
  const contentH = blocks.reduce((h, b) => h + (b.kind === 'gap' ? b.h : b.kind === 'qr' ? b.side : b.lines.length * lineH(b.size)), 0);
  const pageH = f.height ?? contentH + 2 * f.margin;
  let page = doc.addPage([f.width, pageH]);
  let y = pageH - f.margin;
  const fontOf = (b: boolean): PDFFont => (b ? fonts.bold : fonts.regular);
  const qr = QRCode.create(info.dossierId, { errorCorrectionLevel: 'M' }).modules;
  for (const b of blocks) {
    const h = b.kind === 'gap' ? b.h : b.kind === 'qr' ? b.side : b.lines.length * lineH(b.size);
    if (f.height && y - h < f.margin) {
      page = doc.addPage([f.width, pageH]);
      y = pageH - f.margin;
    }
    if (b.kind === 'text') {
      for (const l of b.lines) {
        y -= lineH(b.size);
        const w = fontOf(b.bold).widthOfTextAtSize(l, b.size);
        page.drawText(l, { x: b.centre ? (f.width - w) / 2 : f.margin, y: y + b.size * 0.25, size: b.size, font: fontOf(b.bold) });
      }
    } else if (b.kind === 'qr') {
      const cell = b.side / (qr.size + 8); // a quiet zone of 4 modules each side
      const x0 = (f.width - b.side) / 2 + 4 * cell;
      const top = y - 4 * cell;
      for (let r = 0; r < qr.size; r++) {
        for (let c = 0; c < qr.size; c++) if (qr.get(r, c)) page.drawRectangle({ x: x0 + c * cell, y: top - (r + 1) * cell, width: cell, height: cell });
      }
      y -= b.side;
    } else y -= b.h;
  }
  return Buffer.from(await doc.save());
}
