/** The report CLI against a real store: --out required, the file created new (0600) and read back, never over an existing one. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDrive, openDrive, switchCompany } from '../host/drives/drives';
import { enrol, FIXTURE_PASSPHRASE, officer, storeWithOfficers, supervisor } from '../host/drives/fixture';
import { parseCsv } from '../host/reports/csv';
import { pdfText } from '../host/reports/pdf-check';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'kiosk-report-cli-'));
const outDir = mkdtempSync(join(tmpdir(), 'kiosk-report-out-'));
let driveId = '';
const env = { ...process.env, KIOSK_DATA_DIR: dir, KIOSK_STORE_PASSPHRASE: FIXTURE_PASSPHRASE, KIOSK_CONFIG: join(dir, 'none.json') };
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'electron/cli/report.ts', ...args], { env, cwd: join(import.meta.dirname, '../..') });

beforeAll(async () => {
  const s = await storeWithOfficers(dir);
  const d = openDrive(s.db, supervisor.id, { name: 'Đợt KCN Quế Võ', place: 'Bắc Ninh', startsOn: '2026-11-23', endsOn: '2026-11-29', companies: ['Công ty Ánh Kim', 'Công ty Hòa Phát'] });
  driveId = d.id;
  enrol(s.db, { idNumber: '027200001111', fullName: 'Đỗ Thị Hằng', dateOfBirth: '2000-02-29', mobile: '0971112223' }, new Date('2026-11-24T03:00:00Z'));
  switchCompany(s.db, officer.id, d.companies[1]!.id);
  enrol(s.db, { idNumber: '027201002222', fullName: 'Vũ Văn Toàn', dateOfBirth: '2001-07-01', mobile: '0862223334' }, new Date('2026-11-25T03:00:00Z'));
  closeDrive(s.db, supervisor.id, d.id);
  s.close();
}, 60_000);

describe('npm run report', () => {
  it('form02 for one company of a drive as CSV, and by date range as PDF; never over an existing file', async () => {
    const csv = join(outDir, 'm02.csv');
    const r = await cli('form02', '--drive', driveId, '--company', 'Công ty Hòa Phát', '--out', csv);
    expect(JSON.parse(r.stdout)).toMatchObject({ form: 'form02', rows: 1 });
    expect(statSync(csv).mode & 0o777).toBe(0o600);
    const rows = parseCsv(readFileSync(csv));
    expect(rows.slice(1)).toEqual([['1', 'Vũ Văn Toàn', '01/07/2001', 'Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội', '027201002222', '0862223334', 'Mức 2']]);
    await expect(cli('form02', '--drive', driveId, '--out', csv)).rejects.toMatchObject({ stderr: expect.stringContaining('exists already') });

    const pdf = join(outDir, 'm02.pdf');
    await cli('form02', '--from', '24/11/2026', '--to', '24/11/2026', '--out', pdf);
    const text = pdfText(readFileSync(pdf)).normalize('NFC');
    expect(text).toContain('Đỗ Thị Hằng');
    expect(text).toContain('29/02/2000');
    expect(text).not.toContain('Vũ Văn Toàn');
  }, 60_000);

  it('refuses to run without --out, and form02 without a drive or a date range', async () => {
    await expect(cli('form02', '--drive', driveId)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--out FILE is required') });
    const out = join(outDir, 'x.xlsx');
    await expect(cli('form02', '--from', '24/11/2026', '--out', out)).rejects.toMatchObject({ code: 2 });
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
