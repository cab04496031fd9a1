/**
 * DG13 for the virtual card, laid out as docs cccd-chip.md describes real cards: UTF8String values
 * (PrintableString for the numbers), parents nested in field 13, `SEQUENCE { INTEGER 14 }` when
 * there is no spouse. `extra` adds fields (e.g. the unexplained 16) to exercise unknown-field handling.
 */
import * as asn1js from 'asn1js';
import { formatDmy } from '../../../../shared/domain/dates';
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import { app, der, int, printable, utf8 } from './der-build';

export interface Dg13Options {
  extra?: Array<{ n: number; values: asn1js.AsnType[] }>;
  /** Field numbers to leave out entirely. */
  omit?: number[];
  /** Text written for a card without expiry. */
  noExpiryText?: string;
}

const entry = (n: number, values: asn1js.AsnType[]): asn1js.Sequence => new asn1js.Sequence({ value: [int(n), ...values] });
const opt = (s: string | undefined): asn1js.AsnType[] => (s ? [utf8(s)] : []);

export function buildDg13(id: CitizenIdentity, opts: Dg13Options = {}): Uint8Array {
  const sexText = id.sex === 'M' ? 'Nam' : id.sex === 'F' ? 'Nữ' : '';
  const entries: Array<[number, asn1js.AsnType[]]> = [
    [1, [printable(id.idNumber)]],
    [2, [utf8(id.fullName)]],
    [3, [printable(formatDmy(id.dateOfBirth))]],
    [4, opt(sexText)],
    [5, [utf8(id.nationality)]],
    [6, opt(id.ethnicity)],
    [7, opt(id.religion)],
    [8, opt(id.placeOfOrigin)],
    [9, opt(id.placeOfResidence)],
    [10, opt(id.personalMarks)],
    [11, id.dateOfIssue ? [printable(formatDmy(id.dateOfIssue))] : []],
    [12, [utf8(id.dateOfExpiry === 'none' ? (opts.noExpiryText ?? 'Không thời hạn') : formatDmy(id.dateOfExpiry))]],
    [13, [new asn1js.Sequence({ value: opt(id.fatherName) }), new asn1js.Sequence({ value: opt(id.motherName) })]],
    [14, id.spouseName ? [new asn1js.Sequence({ value: [utf8(id.spouseName)] })] : []],
    [15, id.oldIdNumber ? [printable(id.oldIdNumber)] : []],
  ];
  const omit = new Set(opts.omit ?? []);
  const all = entries.filter(([n]) => !omit.has(n)).map(([n, v]) => entry(n, v));
  for (const e of opts.extra ?? []) all.push(entry(e.n, e.values));
  const body = new asn1js.Sequence({
    value: [int(1), new asn1js.ObjectIdentifier({ value: '1.0.10646.1.0.8' }), new asn1js.Set({ value: all })],
  });
  return der(app(13, [body]));
}
