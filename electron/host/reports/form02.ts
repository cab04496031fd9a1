/**
 * Form 02 (Mẫu số 02): the workers enrolled, from the Form 02 rows the store copies at each
 * submission (kept for a drive's report period after the dossier's own purge). Filters: drive,
 * company (by id, or by name for the command line), and a date range of the enrolment day
 * (Vietnam time, inclusive). A dossier counts once it is submitted and while it is neither
 * returned, a draft, nor rejected upstream: submitted, approved (queued), sending, sent, accepted,
 * purged after acceptance.
 */
import { formatDmy } from '../../../shared/domain/dates';
import type { Db } from '../store/database';
import type { Sheet } from './sheet';

export const ENROLLED_STATES = ['submitted', 'queued', 'sending', 'sent', 'accepted', 'purged'] as const;

export interface Form02Filter {
  driveId?: string;
  companyId?: string;
  companyName?: string;
  /** ISO dates, inclusive, of the enrolment day in Vietnam time. */
  from?: string;
  to?: string;
}

export interface Form02Row {
  dossierId: string;
  enrolledOn: string;
  fullName: string;
  dateOfBirth: string;
  residence: string;
  idNumber: string;
  phone: string;
  level: 1 | 2;
  company: string | null;
  drive: string | null;
}

/** The day of an ISO instant in Vietnam (UTC+7), as SQL. */
export const VN_DAY = (col: string) => `date(${col}, '+7 hours')`;

export function form02Rows(db: Db, f: Form02Filter): Form02Row[] {
  const where = [`d.state IN (${ENROLLED_STATES.map(() => '?').join(', ')})`];
  const args: unknown[] = [...ENROLLED_STATES];
  const add = (cond: string, v: unknown) => {
    where.push(cond);
    args.push(v);
  };
  if (f.driveId) add('t.drive_id = ?', f.driveId);
  if (f.companyId) add('t.company_id = ?', f.companyId);
  if (f.companyName) add('c.name = ?', f.companyName.normalize('NFC').trim());
  if (f.from) add(`${VN_DAY('f.enrolled_at')} >= ?`, f.from);
  if (f.to) add(`${VN_DAY('f.enrolled_at')} <= ?`, f.to);
  return db
    .prepare(
      `SELECT f.dossier_id AS dossierId, ${VN_DAY('f.enrolled_at')} AS enrolledOn, f.full_name AS fullName, f.date_of_birth AS dateOfBirth,
        f.residence, f.id_number AS idNumber, f.phone, f.level, c.name AS company, r.name AS drive
       FROM form02_rows f JOIN dossiers d ON d.id = f.dossier_id
       LEFT JOIN dossier_drive t ON t.dossier_id = f.dossier_id
       LEFT JOIN drive_companies c ON c.id = t.company_id
       LEFT JOIN drives r ON r.id = t.drive_id
       WHERE ${where.join(' AND ')} ORDER BY f.enrolled_at, f.dossier_id`,
    )
    .all(...args) as Form02Row[];
}

export interface SheetContext {
  station: string | null;
  driveName?: string | null;
  companyName?: string | null;
  from?: string;
  to?: string;
  /** The day the form is drawn up (ISO). */
  today: string;
}

export function periodLine(from?: string, to?: string): string | null {
  if (from && to) return `Từ ngày ${formatDmy(from)} đến ngày ${formatDmy(to)}`;
  if (from) return `Từ ngày ${formatDmy(from)}`;
  if (to) return `Đến ngày ${formatDmy(to)}`;
  return null;
}

export function footerLines(ctx: SheetContext): string[] {
  return [`Ngày ${formatDmy(ctx.today)}`, 'NGƯỜI LẬP BIỂU', '(Ký, ghi rõ họ tên)'];
}

export function form02Sheet(rows: Form02Row[], ctx: SheetContext): Sheet {
  const byCompany = !ctx.companyName;
  const lines = [
    `Doanh nghiệp: ${ctx.companyName ?? 'tất cả'}`,
    ...(ctx.driveName ? [`Đợt cấp: ${ctx.driveName}`] : []),
    ...(ctx.station ? [`Đơn vị thực hiện: ${ctx.station}`] : []),
    ...[periodLine(ctx.from, ctx.to)].filter((l): l is string => !!l),
  ];
  return {
    form: 'Mẫu số 02',
    title: 'DANH SÁCH CÔNG NHÂN ĐĂNG KÝ TÀI KHOẢN ĐỊNH DANH ĐIỆN TỬ',
    lines,
    columns: [
      { header: 'STT', width: 6, kind: 'int' },
      { header: 'Họ và tên', width: 26, kind: 'text' },
      { header: 'Ngày sinh', width: 12, kind: 'text' },
      { header: 'Nơi thường trú', width: 44, kind: 'text' },
      { header: 'Số định danh cá nhân (CCCD)', width: 17, kind: 'text' },
      { header: 'Số điện thoại', width: 14, kind: 'text' },
      { header: 'Mức đăng ký', width: 10, kind: 'text' },
      ...(byCompany ? [{ header: 'Doanh nghiệp', width: 24, kind: 'text' as const }] : []),
    ],
    rows: rows.map((r, i) => [
      i + 1,
      r.fullName,
      formatDmy(r.dateOfBirth),
      r.residence,
      r.idNumber,
      r.phone,
      `Mức ${r.level}`,
      ...(byCompany ? [r.company ?? ''] : []),
    ]),
    footer: footerLines(ctx),
  };
}
