import { describe, expect, it } from 'vitest';
import type { Db } from '../store/database';
import * as D from '../store/dossiers';
import { sampleDossier } from '../store/test-dossier';
import { openDrive, switchCompany } from '../drives/drives';
import { saveTeams } from '../drives/form01';
import { enrol, officer, storeEachTest, supervisor } from '../drives/fixture';
import { exportForm } from './export';
import { pdfText } from './pdf-check';
import { stats } from './stats';
import { weekly } from './weekly';

let db: Db;
storeEachTest((d) => (db = d));

const w = (n: number) => ({ idNumber: `0012030${String(n).padStart(5, '0')}`, fullName: `Công nhân ${n}`, dateOfBirth: '2000-01-01' });
// 23:30 UTC is 06:30 the next day in Vietnam: the day counted is Vietnam's.
const at = (iso: string) => new Date(iso);

function setUp() {
  const d = openDrive(db, supervisor.id, { name: 'Đợt Yên Phong', place: 'KCN Yên Phong', startsOn: '2026-11-16', endsOn: '2026-11-30', companies: ['Công ty A', 'Công ty B'] });
  const [a, b] = d.companies;
  enrol(db, w(1), at('2026-11-17T02:00:00Z')); // A, week before
  enrol(db, w(2), at('2026-11-23T23:30:00Z')); // A, Vietnam 24/11
  switchCompany(db, officer.id, b!.id);
  enrol(db, w(3), at('2026-11-24T02:00:00Z')); // B
  const returned = enrol(db, w(4), at('2026-11-25T02:00:00Z'), false); // B, returned: not enrolled
  D.returnToOfficer(db, supervisor, returned, 'Ảnh mờ', at('2026-11-25T03:00:00Z'));
  D.createDraft(db, officer, sampleDossier(), {}, at('2026-11-25T04:00:00Z')); // B, draft
  saveTeams(db, supervisor.id, a!.id, [{ teamName: 'Tổ 1', note: '', members: [{ fullName: 'Lý Thị Mai', position: 'Tổ trưởng', phone: '0912000111' }] }, { teamName: 'Tổ 2', note: 'Ca đêm', members: [] }]);
  return { d, a: a!, b: b! };
}

describe('statistics and the weekly summary', () => {
  it('counts per day (Vietnam time), officer, outcome and company', () => {
    const { d, a, b } = setUp();
    const st = stats(db, { from: '2026-11-23', to: '2026-11-29', driveId: d.id });
    expect(st.total).toBe(4);
    expect(st.byDay.map((x) => [x.day, x.total])).toEqual([['2026-11-24', 2], ['2026-11-25', 2]]);
    expect(st.byOutcome).toMatchObject({ queued: 2, returned: 1, draft: 1, submitted: 0 });
    expect(st.byOfficer).toEqual([{ officerId: officer.id, name: 'Cán bộ Một', total: 4, byState: { queued: 2, returned: 1, draft: 1 } }]);
    expect(st.byCompany).toEqual(expect.arrayContaining([{ companyId: a.id, name: 'Công ty A', total: 1 }, { companyId: b.id, name: 'Công ty B', total: 3 }]));
    expect(JSON.stringify(st)).not.toMatch(/Công nhân|001203/);
  });

  it('weekly: teams, enrolled in the week and since the start, per company, with totals; exported as PDF and audited', async () => {
    const { d } = setUp();
    const wk = weekly(db, d.id, '2026-11-25');
    expect(wk.from).toBe('2026-11-19');
    expect(wk.rows.map((r) => [r.company, r.teams, r.week, r.total])).toEqual([['Công ty A', 2, 1, 2], ['Công ty B', 0, 1, 1]]);
    expect(wk.totals).toMatchObject({ teams: 2, week: 2, total: 3 });
    const f = await exportForm(db, supervisor.id, { form: 'weekly', driveId: d.id, weekEnding: '2026-11-25' }, 'pdf', { station: 'Công an huyện Yên Phong', via: 'app' });
    const text = pdfText(f.bytes).normalize('NFC');
    expect(db.prepare(`SELECT count(*) FROM audit WHERE action = 'report.exported'`).pluck().get()).toBe(1);
    for (const want of ['BÁO CÁO KẾT QUẢ', 'Từ ngày 19/11/2026 đến ngày 25/11/2026', 'Công ty A', 'Tổng cộng']) expect(text).toContain(want);
  });
});
