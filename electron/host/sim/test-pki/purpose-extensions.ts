/**
 * basicConstraints, keyUsage and extendedKeyUsage of a test certificate: by default what its role
 * needs (a CA: cA + keyCertSign/cRLSign; otherwise digitalSignature), or a deliberate mistake for
 * the tests of certificate purposes (cert-purpose.ts).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const BITS = { digitalSignature: 0, nonRepudiation: 1, keyEncipherment: 2, keyAgreement: 4, keyCertSign: 5, cRLSign: 6 } as const;
export type KeyUsageName = keyof typeof BITS;

export interface PurposeOverrides {
  /** null: no keyUsage extension. */
  keyUsage?: KeyUsageName[] | null;
  /** null: no basicConstraints extension. */
  cA?: boolean | null;
  extKeyUsage?: string[];
}

function keyUsageBits(names: KeyUsageName[]): asn1js.BitString {
  let value = 0;
  for (const n of names) value |= 0x80 >> BITS[n];
  // DER: no trailing zero bits (X.690 §11.2.2).
  let unused = 0;
  while (unused < 7 && value && !(value & (1 << unused))) unused++;
  return new asn1js.BitString({ valueHex: new Uint8Array([value]), unusedBits: value ? unused : 0 });
}

export function purposeExtensions(ca: boolean, o: PurposeOverrides = {}): pkijs.Extension[] {
  const out: pkijs.Extension[] = [];
  const cA = o.cA === undefined ? ca : o.cA;
  if (cA !== null) out.push(new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA }).toSchema().toBER(false) }));
  const usage = o.keyUsage === undefined ? (ca ? (['keyCertSign', 'cRLSign'] as KeyUsageName[]) : (['digitalSignature'] as KeyUsageName[])) : o.keyUsage;
  if (usage !== null) out.push(new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsageBits(usage).toBER(false) }));
  if (o.extKeyUsage) {
    out.push(new pkijs.Extension({ extnID: '2.5.29.37', critical: true, extnValue: new pkijs.ExtKeyUsage({ keyPurposes: o.extKeyUsage }).toSchema().toBER(false) }));
  }
  return out;
}
