/**
 * A complete dossier body for tests, benches and the seed tool (a synthetic citizen). By default as
 * read from a genuine chip; `overall: 'not_read'` gives the same citizen as taken from the card's QR
 * code, the only kind the bridge accepts without the host's own read.
 */
import { DOSSIER_SCHEMA_VERSION, type DraftDossier } from '../../../shared/domain/dossier';

export function sampleDossier(over: { idNumber?: string; fullName?: string; dateOfBirth?: string; cardKind?: 'cccd_chip' | 'can_cuoc'; overall?: 'genuine' | 'failed' | 'not_read' } = {}): DraftDossier {
  const now = new Date().toISOString();
  const qr = over.overall === 'not_read';
  const from = qr ? 'qr' : 'chip_verified';
  return {
    schemaVersion: DOSSIER_SCHEMA_VERSION,
    identity: {
      identity: {
        source: qr ? 'qr' : 'chip',
        idNumber: over.idNumber ?? '001190012345',
        fullName: over.fullName ?? 'Nguyễn Thị Nhung',
        dateOfBirth: over.dateOfBirth ?? '1990-03-05',
        sex: 'F',
        nationality: 'Việt Nam',
        placeOfResidence: 'Số 12 phố Hàng Bạc, phường Hoàn Kiếm, Hà Nội',
        dateOfExpiry: '2030-03-05',
        unknownFields: [],
      },
      sources: { fullName: from, idNumber: from, dateOfBirth: from },
      cardKind: over.cardKind ?? 'cccd_chip',
      verification: { overall: over.overall ?? 'genuine', lines: qr ? [] : [{ check: 'signature', status: over.overall === 'failed' ? 'fail' : 'ok' }] },
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
