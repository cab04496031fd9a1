import { describe, expect, it } from 'vitest';
import type { DraftDossier } from '../../../../shared/domain/dossier';
import { nextStep, resumeStep, visibleSteps } from './steps';

const NOW = Date.parse('2026-11-30T03:00:00Z');
const at = '2026-11-30T03:00:00.000Z';
const adult: DraftDossier = {
  schemaVersion: 1,
  identity: {
    identity: { source: 'chip', idNumber: '001190012345', fullName: 'Nguyễn Thị Nhung', dateOfBirth: '1990-03-05', sex: 'F', nationality: 'Việt Nam', dateOfExpiry: '2030-03-05', unknownFields: [] },
    sources: { fullName: 'chip_verified' },
    cardKind: 'cccd_chip',
    verification: { overall: 'genuine', lines: [] },
    disagreements: [],
  },
  contact: { mobile: '0912345678' },
  integration: { dependants: [] },
  portrait: { qualityPassed: 9, qualityTotal: 9, liveness: 'passed', attempts: 1, evidence: '[]' },
  consent: { termsVersion: '2026-01', citizenAgreedAt: at, officerConfirmedAt: at },
  overrides: [],
  station: null,
  driveId: null,
};
const child: DraftDossier = { ...adult, identity: { ...adult.identity!, cardKind: 'can_cuoc', identity: { ...adult.identity!.identity, dateOfBirth: '2016-01-15' } } };

describe('intake steps', () => {
  it('show the guardian step only for a child who needs one', () => {
    expect(visibleSteps(false)).not.toContain('guardian');
    expect(nextStep('contact', adult, NOW)).toBe('integration');
    expect(nextStep('contact', child, NOW)).toBe('guardian');
    expect(nextStep('guardian', child, NOW)).toBe('integration');
    expect(nextStep('consent', adult, NOW)).toBe('submit');
  });

  it('resume a draft at the first missing part', () => {
    const base = { schemaVersion: 1 as const, overrides: [], station: null, driveId: null };
    expect(resumeStep(base, 'draft', false, NOW)).toBe('card');
    expect(resumeStep({ ...base, identity: adult.identity }, 'draft', false, NOW)).toBe('contact');
    expect(resumeStep({ ...base, identity: child.identity, contact: adult.contact }, 'draft', false, NOW)).toBe('guardian');
    expect(resumeStep({ ...base, identity: adult.identity, contact: adult.contact }, 'draft', false, NOW)).toBe('integration');
    expect(resumeStep({ ...adult, consent: undefined }, 'draft', true, NOW)).toBe('consent');
    expect(resumeStep(adult, 'draft', false, NOW)).toBe('portrait');
    expect(resumeStep(adult, 'draft', true, NOW)).toBe('submit');
  });

  it('hold a draft whose chip failed at the override until a supervisor lets it through, then go on to the contact', () => {
    const failed: DraftDossier = { ...adult, contact: undefined, identity: { ...adult.identity!, verification: { overall: 'failed', lines: [] } } };
    expect(resumeStep(failed, 'draft', false, NOW)).toBe('override');
    expect(resumeStep({ ...failed, contact: adult.contact }, 'returned', true, NOW)).toBe('override');
    const let_through = { ...failed, overrides: [{ kind: 'chip_failed' as const, supervisorId: 's', reason: 'r', at }] };
    expect(resumeStep(let_through, 'draft', false, NOW)).toBe('contact');
    expect(nextStep('override', failed, NOW)).toBe('contact');
  });

  it('open a returned dossier at the contact step, everything filled in', () => {
    expect(resumeStep(adult, 'returned', true, NOW)).toBe('contact');
  });
});
