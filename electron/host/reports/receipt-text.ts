/**
 * What the citizen's receipt says (Vietnamese: it is the citizen's paper). Only what the citizen
 * needs: the dossier number, date, station, their name, where the SMS goes (the mobile masked but
 * for its last three digits), the age rule that applied, what happens next and how to activate
 * the account (level2-intake.md). Never the ID number, birth date, address or anything read from the chip.
 */
import type { AgeRule } from '../../../shared/domain/age-rules';

export interface ReceiptInfo {
  dossierId: string;
  /** ISO instant of the submission. */
  submittedAt: string;
  station: string | null;
  fullName: string;
  mobile: string;
  rule: AgeRule['rule'];
}

/** dd/mm/yyyy HH:mm in Vietnam time (UTC+7), whatever the machine's time zone. */
export function vnDateTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${t.slice(8, 10)}/${t.slice(5, 7)}/${t.slice(0, 4)} ${t.slice(11, 16)}`;
}

export const maskMobile = (m: string) => `${'•'.repeat(Math.max(0, m.length - 3))}${m.slice(-3)}`;

const RULE: Record<AgeRule['rule'], string> = {
  adult: 'Từ đủ 14 tuổi trở lên: công dân tự đăng ký (Nghị định 69/2024/NĐ-CP).',
  minor_with_guardian: 'Từ đủ 6 đến dưới 14 tuổi: đăng ký thông qua cha, mẹ hoặc người giám hộ (Nghị định 69/2024/NĐ-CP).',
  under_6: 'Dưới 6 tuổi: chỉ đăng ký mức 1 qua tài khoản của người giám hộ.',
  minor_needs_can_cuoc: 'Từ 6 đến dưới 14 tuổi cần thẻ Căn cước.',
};

export const RECEIPT_TITLE = 'PHIẾU TIẾP NHẬN HỒ SƠ ĐĂNG KÝ TÀI KHOẢN ĐỊNH DANH ĐIỆN TỬ MỨC 2';

export const NEXT_STEPS = [
  'Lãnh đạo đơn vị duyệt hồ sơ, sau đó hồ sơ được gửi lên hệ thống định danh và xác thực điện tử để đối chiếu với Cơ sở dữ liệu quốc gia về dân cư.',
  'Thời hạn giải quyết: không quá 03 ngày làm việc (Nghị định 59/2022/NĐ-CP).',
  'Khi hồ sơ được duyệt, công dân nhận tin nhắn SMS tại số điện thoại đã đăng ký.',
  'Nếu thông tin không khớp với Cơ sở dữ liệu quốc gia về dân cư: liên hệ Công an cấp xã nơi cư trú để điều chỉnh. Nếu ảnh chân dung không đạt: đến lại để chụp lại.',
];

export const ACTIVATION_STEPS = [
  'Mở ứng dụng VNeID trên điện thoại, chọn kích hoạt tài khoản định danh điện tử.',
  'Nhập số định danh cá nhân và số điện thoại đã đăng ký.',
  'Nhập mã OTP gồm 6 chữ số gửi về điện thoại (hiệu lực khoảng 3 phút).',
  'Đặt mật khẩu từ 8 đến 20 ký tự, có chữ số, chữ hoa, chữ thường và ký tự đặc biệt.',
  'Đặt mã passcode gồm 6 chữ số, không dùng ngày sinh.',
  'Chọn và trả lời 2 câu hỏi bảo mật.',
];

export const CAUTION = 'Không cung cấp mã OTP, mật khẩu, passcode cho bất kỳ ai, kể cả người tự xưng là cán bộ Công an.';

export function ruleText(rule: AgeRule['rule']): string {
  return RULE[rule];
}
