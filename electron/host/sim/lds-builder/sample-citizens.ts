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
