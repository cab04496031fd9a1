/**
 * The integration requests as the officer types them (strings, ticked boxes) and the dossier's
 * `integration` part, both ways, with the first problem named per field so the screen can say
 * which box to fix. Numbers are compacted (spaces, dots and dashes dropped) before they are checked.
 */
import { ageOn } from '../../../../shared/domain/age-rules';
import { formatDmy, isoDateAt, parseDmy } from '../../../../shared/domain/dates';
import { integrationSchema } from '../../../../shared/domain/dossier';
import type { z } from 'zod';

export type Integration = z.infer<typeof integrationSchema>;
export type Relationship = 'child_under_14' | 'under_guardianship';

export interface DependantForm {
  fullName: string;
  dateOfBirth: string;
  idNumber: string;
  birthCertificateNumber: string;
  relationship: Relationship;
}

export interface IntegrationForm {
  drivingLicence: { on: boolean; number: string; class: string };
  vehicle: { on: boolean; plate: string; registrationNumber: string };
  healthInsurance: { on: boolean; number: string };
  socialInsurance: { on: boolean; number: string };
  dependants: DependantForm[];
}

export type IntegrationProblem =
  | { field: 'drivingLicence.number' | 'drivingLicence.class' | 'vehicle.plate' | 'vehicle.registrationNumber' | 'healthInsurance.number' | 'socialInsurance.number' }
  | { field: 'dependant.fullName' | 'dependant.dateOfBirth' | 'dependant.idNumber' | 'dependant.document' | 'dependant.tooOld'; index: number };

const digits = (s: string) => s.replace(/[\s.\-]/g, '');
const plate = (s: string) => s.replace(/\s/g, '').toUpperCase();

export function emptyDependant(): DependantForm {
  return { fullName: '', dateOfBirth: '', idNumber: '', birthCertificateNumber: '', relationship: 'child_under_14' };
}

export function toForm(i: Integration | undefined): IntegrationForm {
  return {
    drivingLicence: { on: !!i?.drivingLicence, number: i?.drivingLicence?.number ?? '', class: i?.drivingLicence?.class ?? 'B' },
    vehicle: { on: !!i?.vehicle, plate: i?.vehicle?.plate ?? '', registrationNumber: i?.vehicle?.registrationNumber ?? '' },
    healthInsurance: { on: !!i?.healthInsurance, number: i?.healthInsurance?.number ?? '' },
    socialInsurance: { on: !!i?.socialInsurance, number: i?.socialInsurance?.number ?? '' },
    dependants: (i?.dependants ?? []).map((d) => ({
      fullName: d.fullName,
      dateOfBirth: formatDmy(d.dateOfBirth),
      idNumber: d.idNumber ?? '',
      birthCertificateNumber: d.birthCertificateNumber ?? '',
      relationship: d.relationship,
    })),
  };
}

/** The form as the dossier's part, or the first problem (in the order the form shows the fields). */
export function fromForm(f: IntegrationForm, nowMs = Date.now()): { ok: true; value: Integration } | { ok: false; problem: IntegrationProblem } {
  const today = isoDateAt(nowMs);
  const out: Record<string, unknown> = { dependants: [] };
  const check = <T>(schema: z.ZodType<T>, value: unknown) => schema.safeParse(value).success;
  const s = integrationSchema.shape;
  if (f.drivingLicence.on) {
    const v = { number: digits(f.drivingLicence.number), class: f.drivingLicence.class };
    if (!/^\d{12}$/.test(v.number)) return { ok: false, problem: { field: 'drivingLicence.number' } };
    if (!check(s.drivingLicence, v)) return { ok: false, problem: { field: 'drivingLicence.class' } };
    out.drivingLicence = v;
  }
  if (f.vehicle.on) {
    const v = { plate: plate(f.vehicle.plate), registrationNumber: f.vehicle.registrationNumber.trim() };
    if (!check(s.vehicle, { ...v, registrationNumber: 'x' })) return { ok: false, problem: { field: 'vehicle.plate' } };
    if (!check(s.vehicle, v)) return { ok: false, problem: { field: 'vehicle.registrationNumber' } };
    out.vehicle = v;
  }
  if (f.healthInsurance.on) {
    const v = { number: digits(f.healthInsurance.number).toUpperCase() };
    if (!check(s.healthInsurance, v)) return { ok: false, problem: { field: 'healthInsurance.number' } };
    out.healthInsurance = v;
  }
  if (f.socialInsurance.on) {
    const v = { number: digits(f.socialInsurance.number) };
    if (!check(s.socialInsurance, v)) return { ok: false, problem: { field: 'socialInsurance.number' } };
    out.socialInsurance = v;
  }
  const deps: Integration['dependants'] = [];
  for (const [index, d] of f.dependants.entries()) {
    const fullName = d.fullName.trim().normalize('NFC');
    if (!fullName || fullName.length > 120) return { ok: false, problem: { field: 'dependant.fullName', index } };
    const dob = parseDmy(d.dateOfBirth);
    if (!dob || dob > today) return { ok: false, problem: { field: 'dependant.dateOfBirth', index } };
    if (d.relationship === 'child_under_14' && ageOn(dob, today) >= 14) return { ok: false, problem: { field: 'dependant.tooOld', index } };
    const idNumber = digits(d.idNumber);
    if (idNumber && !/^\d{12}$/.test(idNumber)) return { ok: false, problem: { field: 'dependant.idNumber', index } };
    const cert = d.birthCertificateNumber.trim();
    if (!idNumber && !cert) return { ok: false, problem: { field: 'dependant.document', index } };
    deps.push({ fullName, dateOfBirth: dob, relationship: d.relationship, ...(idNumber ? { idNumber } : {}), ...(cert ? { birthCertificateNumber: cert.slice(0, 40) } : {}) });
  }
  out.dependants = deps;
  const parsed = integrationSchema.safeParse(out);
  // Every field was checked above; a schema change that adds a rule must name its field here too.
  if (!parsed.success) return { ok: false, problem: { field: 'dependant.document', index: 0 } };
  return { ok: true, value: parsed.data };
}
