/**
 * DG14 and DG15 for the virtual card: the chip-authentication key (ECDH, with its protocol and
 * AES/3DES choice) and the active-authentication key, each a SubjectPublicKeyInfo.
 */
import * as asn1js from 'asn1js';
import { decodeDer } from '../../card/icao/lds/der';
import { ID_AA, ID_CA, ID_PK_DH, ID_PK_ECDH, type SessionCipher } from '../../card/icao/lds/security-infos';
import { app, der, int } from './der-build';

const CIPHER_ARC: Readonly<Record<SessionCipher, number>> = { '3DES': 1, 'AES-128': 2, 'AES-192': 3, 'AES-256': 4 };
const oid = (value: string): asn1js.ObjectIdentifier => new asn1js.ObjectIdentifier({ value });

export interface Dg14Options {
  caPublicKeySpki: Uint8Array;
  agreement?: 'ECDH' | 'DH';
  cipher?: SessionCipher;
  keyId?: number;
  /** Add an ActiveAuthenticationInfo (required for ECDSA AA, names the signature algorithm). */
  aaSignatureAlgorithm?: string;
}

export function buildDg14(o: Dg14Options): Uint8Array {
  const agreement = o.agreement ?? 'ECDH';
  const keyId = o.keyId !== undefined ? [int(o.keyId)] : [];
  const infos: asn1js.AsnType[] = [
    new asn1js.Sequence({ value: [oid(agreement === 'DH' ? ID_PK_DH : ID_PK_ECDH), decodeDer(o.caPublicKeySpki, 'CA key'), ...keyId] }),
    new asn1js.Sequence({ value: [oid(`${ID_CA}.${agreement === 'DH' ? 1 : 2}.${CIPHER_ARC[o.cipher ?? 'AES-128']}`), int(1), ...keyId] }),
  ];
  if (o.aaSignatureAlgorithm) infos.push(new asn1js.Sequence({ value: [oid(ID_AA), int(1), oid(o.aaSignatureAlgorithm)] }));
  return der(app(14, [new asn1js.Set({ value: infos })]));
}

export function buildDg15(aaPublicKeySpki: Uint8Array): Uint8Array {
  return der(app(15, [decodeDer(aaPublicKeySpki, 'AA key')]));
}
