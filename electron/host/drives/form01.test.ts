import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Db } from '../store/database';
import { exportForm } from '../reports/export';
import { closeDrive, DriveError, openDrive } from './drives';
import { storeEachTest, supervisor } from './fixture';
import { listTeams, saveTeams } from './form01';

let db: Db;
storeEachTest((d) => (db = d));

describe('Form 01', () => {
  it('a save replaces the company’s teams (NFC), audited with counts only; exported as XLSX one row per member; frozen once the drive closes', async () => {
    const d = openDrive(db, supervisor.id, { name: 'Đợt Tiên Sơn', place: 'KCN Tiên Sơn', startsOn: '2026-11-23', endsOn: '2026-11-29', companies: ['Công ty Sợi Thế Kỷ'] });
    const c = d.companies[0]!;
    saveTeams(db, supervisor.id, c.id, [{ teamName: 'Tổ cũ', note: '', members: [] }]);
    const teams = saveTeams(db, supervisor.id, c.id, [
      { teamName: 'Tổ Công đoàn'.normalize('NFD'), note: 'Ca sáng', members: [{ fullName: 'Đinh Thị Lụa', position: 'Chủ tịch Công đoàn', phone: '0912 345 678' }, { fullName: 'Hà Văn Sáng', position: 'Tổ trưởng', phone: '0388000111' }] },
      { teamName: 'Tổ Thanh niên', note: '', members: [{ fullName: 'Mai Anh Tuấn', position: 'Bí thư Đoàn', phone: '0977000222' }] },
    ]);
    expect(teams.map((t) => t.teamName)).toEqual(['Tổ Công đoàn', 'Tổ Thanh niên']);
    expect(listTeams(db, c.id)[0]!.members[0]!.phone).toBe('0912345678');
    const audit = db.prepare(`SELECT detail FROM audit WHERE action = 'form01.saved' ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ teams: 2, members: 3 });
    expect(audit).not.toContain('Lụa');

    const f = await exportForm(db, supervisor.id, { form: 'form01', companyId: c.id }, 'xlsx', { station: null, via: 'app' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('Mẫu số 01');
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'STT') header = n;
    });
    const rows = [1, 2, 3].map((k) => (ws.getRow(header + k).values as unknown[]).slice(1));
    expect(rows).toEqual([
      [1, 'Tổ Công đoàn', 'Đinh Thị Lụa', 'Chủ tịch Công đoàn', '0912345678', 'Ca sáng'],
      ['', '', 'Hà Văn Sáng', 'Tổ trưởng', '0388000111', ''],
      [2, 'Tổ Thanh niên', 'Mai Anh Tuấn', 'Bí thư Đoàn', '0977000222', ''],
    ]);
    closeDrive(db, supervisor.id, d.id);
    expect(() => saveTeams(db, supervisor.id, c.id, [])).toThrow(DriveError);
  });
});
