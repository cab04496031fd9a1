import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { Db } from '../store/database';
import * as D from '../store/dossiers';
import { sampleDossier } from '../store/test-dossier';
import { enrol, officer, storeEachTest } from '../drives/fixture';
import { pageInk, pdfText } from './pdf-check';
import { receiptInfo as receipt } from './receipt-data';
import { receiptPdf } from './receipt';

let db: Db;
storeEachTest((d) => (db = d));

const WORKER = { idNumber: '034205006789', fullName: 'Phạm Thị Hương', dateOfBirth: '2005-06-07', residence: 'Xóm 4, xã Quỳnh Hồng, Nghệ An', mobile: '0987654321' };

function pageSizePt(pdf: Buffer): [number, number] {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }))!;
  return [Number(m[1]), Number(m[2])];
}

// The reader's wasm from node_modules (its default would be a CDN).
const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer } });

async function qrOf(pdf: Buffer): Promise<string | null> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-qr-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '200', '-f', '1', '-l', '1', '-singlefile', join(dir, 'r.pdf'), join(dir, 'r')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'r.png')));
    const hits = await readBarcodes({ data: new Uint8ClampedArray(png.data), width: png.width, height: png.height, colorSpace: 'srgb' } as unknown as Parameters<typeof readBarcodes>[0], { formats: ['QRCode'] });
    return hits.find((r) => r.isValid)?.text ?? null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the citizen's receipt", () => {
  it.each(['a5', '80mm'] as const)('%s: renders, holds the number, date, station, name, next steps and activation, a QR of the dossier number, nothing sensitive', async (size) => {
    const id = enrol(db, WORKER, new Date('2026-11-24T08:05:00Z'), false);
    const pdf = await receiptPdf(receipt(db, id, 'Công an xã Quỳnh Hồng'), size);
    const [w, h] = pageSizePt(pdf);
    if (size === 'a5') expect([Math.round(w), Math.round(h)]).toEqual([420, 595]);
    else {
      expect(Math.round(w)).toBe(227); // 80 mm
      expect(h).toBeGreaterThan(w);
    }
    expect(pageInk(pdf).dark).toBeGreaterThan(0.01);
    const text = pdfText(pdf).normalize('NFC').replace(/\s+/g, ' ');
    for (const want of [id, '24/11/2026 15:05', 'Phạm Thị Hương', '•••••••321', 'VNeID', 'OTP', '8 đến 20 ký tự', 'passcode', '2 câu hỏi bảo mật', 'không quá 03 ngày làm việc', 'Từ đủ 14 tuổi']) {
      expect(text).toContain(want);
    }
    expect(text).toContain('CÔNG AN PHƯỜNG HOÀN KIẾM'); // the station the dossier was taken at
    for (const secret of ['034205006789', '07/06/2005', 'Quỳnh Hồng, Nghệ An', '0987654321', '0987']) expect(text).not.toContain(secret);
    expect(await qrOf(pdf)).toBe(id);
  });

  it('exists only for a submitted dossier', () => {
    const draft = D.createDraft(db, officer, sampleDossier());
    expect(() => receipt(db, draft.id, null)).toThrow();
  });
});
