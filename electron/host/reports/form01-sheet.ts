/** Form 01 (Mẫu số 01) as a sheet: one row per team member, the team's number, name and note on its first row. */
import type { Team } from '../drives/form01';
import { footerLines, type SheetContext } from './form02';
import type { Sheet } from './sheet';

export function form01Sheet(teams: Team[], ctx: SheetContext): Sheet {
  const rows: Sheet['rows'] = [];
  teams.forEach((t, i) => {
    const members = t.members.length ? t.members : [{ fullName: '', position: '', phone: '' }];
    members.forEach((m, k) => rows.push(k === 0 ? [i + 1, t.teamName, m.fullName, m.position, m.phone, t.note] : ['', '', m.fullName, m.position, m.phone, '']));
  });
  return {
    form: 'Mẫu số 01',
    title: 'DANH SÁCH TỔ CÔNG TÁC TUYÊN TRUYỀN, VẬN ĐỘNG CỦA DOANH NGHIỆP',
    lines: [`Doanh nghiệp: ${ctx.companyName ?? ''}`, ...(ctx.driveName ? [`Đợt cấp: ${ctx.driveName}`] : []), ...(ctx.station ? [`Đơn vị thực hiện: ${ctx.station}`] : [])],
    columns: [
      { header: 'STT', width: 6, kind: 'int' },
      { header: 'Tên tổ', width: 24, kind: 'text' },
      { header: 'Họ và tên thành viên', width: 26, kind: 'text' },
      { header: 'Chức vụ', width: 20, kind: 'text' },
      { header: 'Số điện thoại', width: 14, kind: 'text' },
      { header: 'Ghi chú', width: 24, kind: 'text' },
    ],
    rows,
    footer: footerLines(ctx),
  };
}
