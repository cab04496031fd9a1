import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Db } from '../store/database';
import * as D from '../store/dossiers';
import { closeDrive, openDrive, switchCompany } from '../drives/drives';
import { enrol, officer, storeEachTest, supervisor, type Worker } from '../drives/fixture';
import { parseCsv } from './csv';
import { exportForm } from './export';
import { pageInk, pdfText } from './pdf-check';

let db: Db;
storeEachTest((d) => (db = d));

// Names typed in NFD on purpose: the store and every export hold them in NFC.
const ANH: Worker = { idNumber: '001203000123', fullName: 'Trần Thị Ánh', dateOfBirth: '2003-04-05', residence: 'Thôn Đông, xã Yên Mỹ, tỉnh Hưng Yên', mobile: '0381234567' };
const DUC: Worker = { idNumber: '036099004567', fullName: 'Lê Văn Đức'.normalize('NFD'), dateOfBirth: '1999-12-31', residence: 'Số 3 ngõ 45 phố Huế, phường Hai Bà Trưng, Hà Nội', mobile: '0901234567' };
const QUYEN: Worker = { idNumber: '001302009999', fullName: 'Nguyễn Thị Quyên', dateOfBirth: '2002-01-09', mobile: '0351234567' };
const at = (d: string) => new Date(`${d}T02:00:00Z`);

function setUp() {
  const d = openDrive(db, supervisor.id, { name: 'Đợt KCN Phố Nối A', place: 'KCN Phố Nối A, Hưng Yên', startsOn: '2026-11-23', endsOn: '2026-11-29', companies: ['Công ty TNHH May Hưng Yên', 'Công ty CP Điện tử Ánh Dương'] });
  const [may, dien] = d.companies;
  enrol(db, ANH, at('2026-11-23'));
  switchCompany(db, officer.id, dien!.id);
  enrol(db, DUC, at('2026-11-24'));
  switchCompany(db, officer.id, may!.id);
  enrol(db, QUYEN, at('2026-11-26'), false); // submitted, not yet approved: enrolled all the same
  const draft = D.createDraft(db, officer, { schemaVersion: 1 }); // a draft is nobody enrolled
  expect(draft.state).toBe('draft');
  closeDrive(db, supervisor.id, d.id);
  return { d, may: may!, dien: dien! };
}

const expectedRow = (w: Worker) => [w.fullName.normalize('NFC'), w.dateOfBirth.split('-').reverse().join('/'), (w.residence ?? 'Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội'), w.idNumber, w.mobile, 'Mức 2'];

async function readXlsx(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe('Form 02 exports', () => {
  it('XLSX: the paper heading, the header row, one row per enrolled worker of the company, text cells for ID and phone', async () => {
    const { d, may } = setUp();
    const f = await exportForm(db, supervisor.id, { form: 'form02', driveId: d.id, companyId: may.id }, 'xlsx', { station: 'Công an xã Nghĩa Hiệp', via: 'app' });
    expect(f.rows).toBe(2);
    expect(f.fileName).toMatch(/^Mau02_\d{8}_CO-[0-9A-F]{12}\.xlsx$/);
    const ws = await readXlsx(f.bytes);
    expect(ws.getCell('A1').value).toBe('Mẫu số 02');
    expect(ws.getCell(1, 4).value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(String(ws.getCell('A4').value)).toContain('DANH SÁCH CÔNG NHÂN');
    expect(ws.getCell('A5').value).toBe('Doanh nghiệp: Công ty TNHH May Hưng Yên');
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'STT') header = n;
    });
    expect(ws.getRow(header).values).toEqual([undefined, 'STT', 'Họ và tên', 'Ngày sinh', 'Nơi thường trú', 'Số định danh cá nhân (CCCD)', 'Số điện thoại', 'Mức đăng ký']);
    const data = [1, 2].map((k) => (ws.getRow(header + k).values as unknown[]).slice(1));
    expect(data).toEqual([[1, ...expectedRow(ANH)], [2, ...expectedRow(QUYEN)]]);
    const id = ws.getCell(header + 1, 5);
    expect(typeof id.value).toBe('string');
    expect(id.numFmt).toBe('@');
    expect(ws.getColumn(4).width).toBeGreaterThan(ws.getColumn(3).width!);
  });

  it('CSV: UTF-8 with BOM, NFC, dd/mm/yyyy, leading zeros; a date range keeps only its days; every export audited', async () => {
    setUp();
    const f = await exportForm(db, supervisor.id, { form: 'form02', from: '2026-11-24', to: '2026-11-26' }, 'csv', { station: null, via: 'cli' });
    expect([...f.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(f.bytes);
    expect(rows[0]).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Nơi thường trú', 'Số định danh cá nhân (CCCD)', 'Số điện thoại', 'Mức đăng ký', 'Doanh nghiệp']);
    expect(rows.slice(1)).toEqual([
      ['1', ...expectedRow(DUC), 'Công ty CP Điện tử Ánh Dương'],
      ['2', ...expectedRow(QUYEN), 'Công ty TNHH May Hưng Yên'],
    ]);
    expect(rows[1]![1]).toBe(rows[1]![1]!.normalize('NFC'));
    const audit = db.prepare(`SELECT actor, detail FROM audit WHERE action = 'report.exported'`).all() as Array<{ actor: string; detail: string }>;
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ form: 'form02', format: 'csv', rows: 2, via: 'cli', from: '2026-11-24', to: '2026-11-26' });
    expect(audit[0]!.detail).not.toContain('Đức');
  });

  it('PDF: a page with ink on it, and a text layer holding the Vietnamese strings with their diacritics', async () => {
    const { d } = setUp();
    const f = await exportForm(db, supervisor.id, { form: 'form02', driveId: d.id }, 'pdf', { station: 'Công an xã Nghĩa Hiệp', via: 'app' });
    expect(f.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const ink = pageInk(f.bytes);
    expect(ink.width).toBeGreaterThan(ink.height); // A4 landscape
    expect(ink.dark).toBeGreaterThan(0.005);
    const text = pdfText(f.bytes).normalize('NFC');
    for (const s of ['Mẫu số 02', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Trần Thị Ánh', 'Lê Văn Đức', 'Nguyễn Thị Quyên', '001203000123', '036099004567', '05/04/2003', 'Mức 2', 'Công an xã Nghĩa Hiệp', 'Trang 1/1']) {
      expect(text).toContain(s);
    }
  });
});
