/**
 * Cross-checks the ID number, name and date of birth between the sources an officer has:
 * chip DG1 (MRZ, no diacritics), chip DG13, the QR code and typed input. Disagreements are
 * reported for the officer to judge; nothing here refuses a citizen.
 */
import { nameKey } from './vn-text';

export type IdentitySource = 'dg1' | 'dg13' | 'qr' | 'typed';

export interface SourceValues {
  idNumber?: string;
  /** For dg1 the MRZ name (`NGUYEN<<VAN<A`) is fine: names are compared folded. */
  fullName?: string;
  /** ISO yyyy-mm-dd. */
  dateOfBirth?: string;
}

export type CrossCheckField = 'idNumber' | 'fullName' | 'dateOfBirth';

export interface Disagreement {
  field: CrossCheckField;
  /** The sources that disagree with each other, with the value each gave. */
  values: Array<{ source: IdentitySource; value: string }>;
  /** Sources grouped by the value they agree on. */
  groups: IdentitySource[][];
}

/** TD1's name line holds 30 characters: a longer name is cut, so a prefix match counts as agreement. */
const MRZ_NAME_LENGTH = 30;

function comparable(field: CrossCheckField, value: string): string {
  if (field === 'fullName') return nameKey(value);
  if (field === 'idNumber') return value.replace(/\s/g, '');
  return value;
}

function sameName(a: { source: IdentitySource; key: string; raw: string }, b: { source: IdentitySource; key: string; raw: string }): boolean {
  if (a.key === b.key) return true;
  const truncated = (x: typeof a): boolean => x.source === 'dg1' && x.raw.length >= MRZ_NAME_LENGTH;
  if (truncated(a)) return b.key.startsWith(a.key);
  if (truncated(b)) return a.key.startsWith(b.key);
  return false;
}

export function crossCheck(sources: Partial<Record<IdentitySource, SourceValues>>): Disagreement[] {
  const out: Disagreement[] = [];
  const fields: CrossCheckField[] = ['idNumber', 'fullName', 'dateOfBirth'];
  for (const field of fields) {
    const present = (Object.entries(sources) as Array<[IdentitySource, SourceValues | undefined]>)
      .map(([source, v]) => ({ source, raw: v?.[field] ?? '' }))
      .filter((x) => x.raw.trim() !== '')
      .map((x) => ({ ...x, key: comparable(field, x.raw) }));
    const groups: Array<typeof present> = [];
    for (const p of present) {
      const g = groups.find((grp) => grp.some((q) => (field === 'fullName' ? sameName(p, q) : p.key === q.key)));
      if (g) g.push(p);
      else groups.push([p]);
    }
    if (groups.length > 1) {
      out.push({
        field,
        values: present.map((p) => ({ source: p.source, value: p.raw })),
        groups: groups.map((g) => g.map((p) => p.source)),
      });
    }
  }
  return out;
}
