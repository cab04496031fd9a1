/** Synthetic citizens for the virtual card and tests. Invented people: any likeness is accidental. */
import type { CitizenIdentity } from '../../../../shared/domain/citizen';

export const NHUNG: CitizenIdentity = {
  source: 'chip',
  idNumber: '001190012345',
  oldIdNumber: '012345678',
  fullName: 'Nguyễn Thị Hồng Nhung',
  dateOfBirth: '1990-03-05',
  sex: 'F',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Xã Đông Hội, Huyện Đông Anh, Hà Nội',
  placeOfResidence: 'Số 12 Ngõ 34, Phường Láng Thượng, Quận Đống Đa, Hà Nội',
  personalMarks: 'Nốt ruồi C:1cm trên trước đầu lông mày phải',
  dateOfIssue: '2021-04-10',
  dateOfExpiry: '2030-03-05',
  fatherName: 'Nguyễn Văn Hùng',
  motherName: 'Lê Thị Mai',
  spouseName: 'Trần Đức Anh',
  unknownFields: [],
};

export const DUC_ANH: CitizenIdentity = {
  source: 'chip',
  idNumber: '079088004321',
  fullName: 'Trần Đức Anh',
  dateOfBirth: '1958-11-20',
  sex: 'M',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Phật giáo',
  placeOfOrigin: 'Phường Bến Nghé, Quận 1, TP Hồ Chí Minh',
  placeOfResidence: 'Phường Bến Nghé, Quận 1, TP Hồ Chí Minh',
  dateOfIssue: '2021-07-01',
  dateOfExpiry: 'none',
  motherName: 'Phạm Thị Lan',
  unknownFields: [],
};

/**
 * Two children with 2024-style Căn cước cards, for the age rules (Decree 69/2024): their birth
 * years follow today's, so one is always 6 to under 14 (level 2 through a guardian) and the other
 * always under 6 (refused). The ID number's century/sex and year digits match the birth date.
 */
const YEAR = new Date().getUTCFullYear();
const yy = (y: number) => String(y % 100).padStart(2, '0');

export const MINH: CitizenIdentity = {
  source: 'chip',
  idNumber: `0012${yy(YEAR - 10)}000777`,
  fullName: 'Nguyễn Đức Minh',
  dateOfBirth: `${YEAR - 10}-01-15`,
  sex: 'M',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Xã Đông Hội, Huyện Đông Anh, Hà Nội',
  placeOfResidence: 'Số 12 Ngõ 34, Phường Láng Thượng, Quận Đống Đa, Hà Nội',
  dateOfIssue: `${YEAR - 1}-02-01`,
  dateOfExpiry: `${YEAR + 4}-01-15`,
  fatherName: 'Trần Đức Anh',
  motherName: 'Nguyễn Thị Hồng Nhung',
  unknownFields: [],
};

/** Minh's little sister: the same family and address, under 6. */
export const BE_AN: CitizenIdentity = {
  ...MINH,
  idNumber: `0013${yy(YEAR - 3)}000888`,
  fullName: 'Trần Ngọc An',
  dateOfBirth: `${YEAR - 3}-01-15`,
  sex: 'F',
  dateOfExpiry: `${YEAR + 11}-01-15`,
};
