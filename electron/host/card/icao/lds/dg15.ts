/**
 * DG15 (ICAO 9303-10 §4.7.15): 6F { SubjectPublicKeyInfo } — the active authentication key,
 * RSA or EC (EC parameters named or explicit; node:crypto resolves explicit ones to a name).
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { EC_PUBLIC_KEY, RSA_ENCRYPTION } from '../auth/algorithms';
import { children, decodeDer, decodeFile, encodingOf, guardParse, parseError, valueBytes } from './der';

export type Dg15 =
  | { kind: 'rsa'; spki: Uint8Array; modulus: Uint8Array; exponent: Uint8Array; bits: number }
  | { kind: 'ec'; spki: Uint8Array; curveOid?: string; explicitParameters: boolean; point: Uint8Array };

const stripZeros = (b: Uint8Array): Uint8Array => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.slice(i);
};

export function parseSpki(spki: Uint8Array, what: string): Dg15 {
  return guardParse(what, () => {
    const info = new pkijs.PublicKeyInfo({ schema: decodeDer(spki, what) });
    const alg = info.algorithm.algorithmId;
    const keyBits = new Uint8Array(info.subjectPublicKey.valueBlock.valueHexView);
    if (alg === RSA_ENCRYPTION) {
      const key = decodeDer(keyBits, what);
      const [n, e] = children(key);
      if (!(n instanceof asn1js.Integer) || !(e instanceof asn1js.Integer)) throw parseError(what, 'RSAPublicKey shape');
      const modulus = stripZeros(valueBytes(n));
      return { kind: 'rsa', spki, modulus, exponent: stripZeros(valueBytes(e)), bits: modulus.length * 8 };
    }
    if (alg === EC_PUBLIC_KEY) {
      const p = info.algorithm.algorithmParams;
      const curveOid = p instanceof asn1js.ObjectIdentifier ? p.valueBlock.toString() : undefined;
      return { kind: 'ec', spki, ...(curveOid ? { curveOid } : {}), explicitParameters: p instanceof asn1js.Sequence, point: keyBits };
    }
    throw parseError(what, `public key algorithm ${alg} not supported`);
  });
}

export function parseDg15(bytes: Uint8Array): Dg15 {
  return guardParse('DG15', () => {
    const root = decodeFile(bytes, 15, 'DG15');
    const [spki] = children(root);
    if (!spki) throw parseError('DG15', 'empty');
    return parseSpki(encodingOf(spki), 'DG15');
  });
}
