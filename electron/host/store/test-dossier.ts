/** A complete dossier body for tests, benches and the seed tool (a synthetic citizen). */
import { DOSSIER_SCHEMA_VERSION, type DraftDossier } from '../../../shared/domain/dossier';

export function sampleDossier(over: { idNumber?: string; fullName?: string; dateOfBirth?: string; cardKind?: 'cccd_chip' | 'can_cuoc'; overall?: 'genuine' | 'failed' } = {}): DraftDossier {
  const now = new Date().toISOString();
  return {
    schemaVersion: DOSSIER_SCHEMA_VERSION,
    identity: {
      identity: {
        source: 'chip',
        idNumber: over.idNumber ?? '001190012345',
        fullName: over.fullName ?? 'Nguyễn Thị Nhung',
        dateOfBirth: over.dateOfBirth ?? '1990-03-05',
        sex: 'F',
        nationality: 'Việt Nam',
        placeOfResidence: 'Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội',
        dateOfExpiry: '2030-03-05',
        unknownFields: [],
      },
      sources: { fullName: 'chip_verified', idNumber: 'chip_verified', dateOfBirth: 'chip_verified' },
      cardKind: over.cardKind ?? 'cccd_chip',
      verification: { overall: over.overall ?? 'genuine', lines: [{ check: 'signature', status: over.overall === 'failed' ? 'fail' : 'ok' }] },
      disagreements: [],
    },
    contact: { mobile: '0912345678', email: 'nhung@example.vn' },
    integration: { dependants: [] },
    portrait: { qualityPassed: 9, qualityTotal: 9, liveness: 'passed', attempts: 1, evidence: '[]' },
    consent: { termsVersion: '2026-01', citizenAgreedAt: now, officerConfirmedAt: now },
    overrides: [],
    station: 'Công an phường Hoàn Kiếm',
    driveId: null,
  };
}
