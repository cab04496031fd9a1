/**
 * Object identifiers of the hash and signature algorithms eMRTD PKI uses (ICAO 9303-12 §4.4,
 * RFC 3279/4055/5754) and how each maps onto node:crypto.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { CardError } from '../../errors';

export type HashName = 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512';

export const HASH_OIDS: Readonly<Record<HashName, string>> = {
  'SHA-1': '1.3.14.3.2.26',
  'SHA-224': '2.16.840.1.101.3.4.2.4',
  'SHA-256': '2.16.840.1.101.3.4.2.1',
  'SHA-384': '2.16.840.1.101.3.4.2.2',
  'SHA-512': '2.16.840.1.101.3.4.2.3',
};

export const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
export const RSASSA_PSS = '1.2.840.113549.1.1.10';
export const MGF1 = '1.2.840.113549.1.1.8';
export const EC_PUBLIC_KEY = '1.2.840.10045.2.1';

const RSA_PKCS1: Readonly<Record<string, HashName>> = {
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.113549.1.1.14': 'SHA-224',
  '1.2.840.113549.1.1.11': 'SHA-256',
  '1.2.840.113549.1.1.12': 'SHA-384',
  '1.2.840.113549.1.1.13': 'SHA-512',
};

const ECDSA: Readonly<Record<string, HashName>> = {
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10045.4.3.1': 'SHA-224',
  '1.2.840.10045.4.3.2': 'SHA-256',
  '1.2.840.10045.4.3.3': 'SHA-384',
  '1.2.840.10045.4.3.4': 'SHA-512',
};

/** BSI TR-03111 ecdsa-plain-*: r||s instead of a DER SEQUENCE, used by some eMRTD signers. */
export const ECDSA_PLAIN: Readonly<Record<string, HashName>> = {
  '0.4.0.127.0.7.1.1.4.1.1': 'SHA-1',
  '0.4.0.127.0.7.1.1.4.1.2': 'SHA-224',
  '0.4.0.127.0.7.1.1.4.1.3': 'SHA-256',
  '0.4.0.127.0.7.1.1.4.1.4': 'SHA-384',
  '0.4.0.127.0.7.1.1.4.1.5': 'SHA-512',
};

export type SignatureScheme =
  | { kind: 'rsa-pkcs1'; hash: HashName }
  | { kind: 'rsa-pss'; hash: HashName; saltLength: number }
  | { kind: 'ecdsa'; hash: HashName; plain?: boolean };

export function hashByOid(oid: string): HashName | undefined {
  return (Object.entries(HASH_OIDS) as Array<[HashName, string]>).find(([, o]) => o === oid)?.[0];
}

/** node:crypto digest name for a hash. */
export function nodeHash(h: HashName): string {
  return h.replace('-', '').toLowerCase();
}

/**
 * The scheme an AlgorithmIdentifier names. `digestHint` covers CMS signers that write plain
 * rsaEncryption as signature algorithm and give the hash only as digestAlgorithm.
 */
export function schemeOf(alg: pkijs.AlgorithmIdentifier, digestHint?: HashName): SignatureScheme {
  const oid = alg.algorithmId;
  const pkcs1 = RSA_PKCS1[oid];
  if (pkcs1) return { kind: 'rsa-pkcs1', hash: pkcs1 };
  const ec = ECDSA[oid];
  if (ec) return { kind: 'ecdsa', hash: ec };
  const plain = ECDSA_PLAIN[oid];
  if (plain) return { kind: 'ecdsa', hash: plain, plain: true };
  if (oid === RSA_ENCRYPTION && digestHint) return { kind: 'rsa-pkcs1', hash: digestHint };
  if (oid === RSASSA_PSS) {
    const params = alg.algorithmParams instanceof asn1js.Sequence ? new pkijs.RSASSAPSSParams({ schema: alg.algorithmParams }) : new pkijs.RSASSAPSSParams();
    const hash = hashByOid(params.hashAlgorithm.algorithmId);
    const mgf = params.maskGenAlgorithm;
    const mgfHashOid = mgf.algorithmParams instanceof asn1js.Sequence ? new pkijs.AlgorithmIdentifier({ schema: mgf.algorithmParams }).algorithmId : HASH_OIDS['SHA-1'];
    // node:crypto uses the message hash for MGF1 too; a differing MGF1 hash is not supported.
    if (!hash || mgf.algorithmId !== MGF1 || hashByOid(mgfHashOid) !== hash) throw new CardError('card.unsupported', 'RSA-PSS parameters not supported');
    return { kind: 'rsa-pss', hash, saltLength: params.saltLength };
  }
  throw new CardError('card.unsupported', `signature algorithm ${oid} not supported`);
}

const SIG_OIDS = (table: Readonly<Record<string, HashName>>, h: HashName): string => {
  const hit = Object.entries(table).find(([, v]) => v === h);
  if (!hit) throw new CardError('card.unsupported', `no OID for ${h}`);
  return hit[0];
};

function hashAlgId(h: HashName): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({ algorithmId: HASH_OIDS[h], algorithmParams: new asn1js.Null() });
}

/** The AlgorithmIdentifier to write for a scheme (builders: certificates, CMS, the virtual card). */
export function algorithmIdentifierFor(s: SignatureScheme): pkijs.AlgorithmIdentifier {
  if (s.kind === 'rsa-pkcs1') return new pkijs.AlgorithmIdentifier({ algorithmId: SIG_OIDS(RSA_PKCS1, s.hash), algorithmParams: new asn1js.Null() });
  if (s.kind === 'ecdsa') return new pkijs.AlgorithmIdentifier({ algorithmId: SIG_OIDS(s.plain ? ECDSA_PLAIN : ECDSA, s.hash) });
  const params = new pkijs.RSASSAPSSParams({
    hashAlgorithm: hashAlgId(s.hash),
    maskGenAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: MGF1, algorithmParams: hashAlgId(s.hash).toSchema() }),
    saltLength: s.saltLength,
  });
  return new pkijs.AlgorithmIdentifier({ algorithmId: RSASSA_PSS, algorithmParams: params.toSchema() });
}

export function digestAlgorithmIdentifier(h: HashName): pkijs.AlgorithmIdentifier {
  return hashAlgId(h);
}
