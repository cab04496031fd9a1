/**
 * The weekly summary the province asks of a drive (a provincial instruction: every Wednesday
 * 10:00): per company, its outreach teams (Form 01), the workers enrolled in the seven days ending
 * on the given day and since the drive began (Form 02's rule of who counts), and how many were
 * sent upstream, accepted and rejected so far. Counts only.
 */
import { formatDmy } from '../../../shared/domain/dates';
import { getDrive } from '../drives/drives';
import type { Db } from '../store/database';
import { ENROLLED_STATES, footerLines, VN_DAY } from './form02';
import type { Sheet } from './sheet';

export interface WeeklyRow {
  companyId: string | null;
  company: string;
  teams: number;
  week: number;
  total: number;
  sent: number;
  accepted: number;
  rejected: number;
}
export interface Weekly {
  driveId: string;
  driveName: string;
  from: string;
  to: string;
  rows: WeeklyRow[];
  totals: Omit<WeeklyRow, 'companyId' | 'company'>;
}

export function weekStart(weekEnding: string): string {
  return new Date(Date.parse(`${weekEnding}T00:00:00Z`) - 6 * 86_400_000).toISOString().slice(0, 10);
}

export function weekly(db: Db, driveId: string, weekEnding: string): Weekly {
  const drive = getDrive(db, driveId);
  const from = weekStart(weekEnding);
  const enrolled = ENROLLED_STATES.map(() => '?').join(', ');
  const counts = db
    .prepare(`SELECT t.company_id AS companyId,
        sum(f.dossier_id IS NOT NULL AND d.state IN (${enrolled}) AND ${VN_DAY('f.enrolled_at')} BETWEEN ? AND ?) AS week,
        sum(f.dossier_id IS NOT NULL AND d.state IN (${enrolled}) AND ${VN_DAY('f.enrolled_at')} <= ?) AS total,
        sum(d.state IN ('sent', 'accepted', 'purged', 'rejected_upstream')) AS sent,
        sum(d.state IN ('accepted', 'purged')) AS accepted,
        sum(d.state = 'rejected_upstream') AS rejected
      FROM dossier_drive t JOIN dossiers d ON d.id = t.dossier_id LEFT JOIN form02_rows f ON f.dossier_id = t.dossier_id
      WHERE t.drive_id = ? GROUP BY t.company_id`)
    .all(...ENROLLED_STATES, from, weekEnding, ...ENROLLED_STATES, weekEnding, driveId) as Array<Omit<WeeklyRow, 'company' | 'teams'>>;
  const teams = db.prepare('SELECT company_id AS companyId, count(*) AS n FROM form01_teams WHERE drive_id = ? GROUP BY company_id').all(driveId) as Array<{ companyId: string; n: number }>;
  const byId = new Map(counts.map((c) => [c.companyId, c]));
  const zero = { week: 0, total: 0, sent: 0, accepted: 0, rejected: 0 };
  const rows: WeeklyRow[] = drive.companies.map((c) => ({ companyId: c.id, company: c.name, teams: teams.find((t) => t.companyId === c.id)?.n ?? 0, ...zero, ...strip(byId.get(c.id)) }));
  const none = byId.get(null);
  if (none) rows.push({ companyId: null, company: '(không thuộc doanh nghiệp nào)', teams: 0, ...zero, ...strip(none) });
  const totals = rows.reduce((t, r) => ({ teams: t.teams + r.teams, week: t.week + r.week, total: t.total + r.total, sent: t.sent + r.sent, accepted: t.accepted + r.accepted, rejected: t.rejected + r.rejected }), { teams: 0, ...zero });
  return { driveId, driveName: drive.name, from, to: weekEnding, rows, totals };
}

function strip(c: Omit<WeeklyRow, 'company' | 'teams'> | undefined) {
  if (!c) return {};
  return { week: c.week ?? 0, total: c.total ?? 0, sent: c.sent ?? 0, accepted: c.accepted ?? 0, rejected: c.rejected ?? 0 };
}

export function weeklySheet(w: Weekly, station: string | null, today: string): Sheet {
  return {
    form: 'Báo cáo tuần',
    title: 'BÁO CÁO KẾT QUẢ ĐĂNG KÝ TÀI KHOẢN ĐỊNH DANH ĐIỆN TỬ MỨC 2 TẠI DOANH NGHIỆP',
    lines: [`Đợt cấp: ${w.driveName}`, ...(station ? [`Đơn vị thực hiện: ${station}`] : []), `Từ ngày ${formatDmy(w.from)} đến ngày ${formatDmy(w.to)}`],
    columns: [
      { header: 'STT', width: 6, kind: 'int' },
      { header: 'Doanh nghiệp', width: 34, kind: 'text' },
      { header: 'Số tổ tuyên truyền', width: 12, kind: 'int' },
      { header: 'Đăng ký trong tuần', width: 12, kind: 'int' },
      { header: 'Lũy kế từ đầu đợt', width: 12, kind: 'int' },
      { header: 'Đã gửi lên hệ thống', width: 12, kind: 'int' },
      { header: 'Được chấp nhận', width: 12, kind: 'int' },
      { header: 'Bị từ chối', width: 10, kind: 'int' },
    ],
    rows: [
      ...w.rows.map((r, i) => [i + 1, r.company, r.teams, r.week, r.total, r.sent, r.accepted, r.rejected]),
      ['', 'Tổng cộng', w.totals.teams, w.totals.week, w.totals.total, w.totals.sent, w.totals.accepted, w.totals.rejected],
    ],
    footer: footerLines({ station, today }),
  };
}
