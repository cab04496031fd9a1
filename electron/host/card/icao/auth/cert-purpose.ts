/**
 * What a certificate may be used for, checked as ICAO 9303-12 §7.1 (certificate profiles) and
 * RFC 5280 §4.2.1.3/9/12 require for each role in the eMRTD PKI:
 *   CSCA (trust anchor, link certificate): basicConstraints cA TRUE and keyUsage keyCertSign;
 *   document signer: keyUsage digitalSignature, not a CA;
 *   master-list signer: keyUsage digitalSignature, not a CA, and when extendedKeyUsage is present
 *   it names id-icao-cscaMasterListSigningKey (2.23.136.1.1.3).
 * Each check returns why the certificate does not fit the role (technical English), or undefined.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const KEY_USAGE = '2.5.29.15';
const BASIC_CONSTRAINTS = '2.5.29.19';
const EXT_KEY_USAGE = '2.5.29.37';
export const ID_ICAO_ML_SIGNING_KEY = '2.23.136.1.1.3';

/** RFC 5280 §4.2.1.3 bit numbers. */
const BIT = { digitalSignature: 0, keyCertSign: 5 } as const;

function extension(cert: pkijs.Certificate, oid: string): pkijs.Extension | undefined {
  return cert.extensions?.find((e) => e.extnID === oid);
}

function keyUsageHas(cert: pkijs.Certificate, bit: number): boolean | undefined {
  const v = extension(cert, KEY_USAGE)?.parsedValue;
  if (!(v instanceof asn1js.BitString)) return undefined;
  const byte = v.valueBlock.valueHexView[bit >> 3] ?? 0;
  return (byte & (0x80 >> (bit & 7))) !== 0;
}

/** cA of basicConstraints; false when the extension is absent (RFC 5280 §4.2.1.9). */
export function isCa(cert: pkijs.Certificate): boolean {
  const v = extension(cert, BASIC_CONSTRAINTS)?.parsedValue;
  return v instanceof pkijs.BasicConstraints && v.cA === true;
}

export function cscaPurposeProblem(cert: pkijs.Certificate): string | undefined {
  if (!isCa(cert)) return 'not a CA certificate (basicConstraints cA is not TRUE)';
  const sign = keyUsageHas(cert, BIT.keyCertSign);
  if (sign === undefined) return 'no keyUsage extension';
  if (!sign) return 'keyUsage lacks keyCertSign';
  return undefined;
}

function signerProblem(cert: pkijs.Certificate): string | undefined {
  if (isCa(cert)) return 'a CA certificate cannot sign documents or lists';
  const sign = keyUsageHas(cert, BIT.digitalSignature);
  if (sign === undefined) return 'no keyUsage extension';
  if (!sign) return 'keyUsage lacks digitalSignature';
  return undefined;
}

export function dsPurposeProblem(cert: pkijs.Certificate): string | undefined {
  return signerProblem(cert);
}

export function mlSignerPurposeProblem(cert: pkijs.Certificate): string | undefined {
  const problem = signerProblem(cert);
  if (problem) return problem;
  const eku = extension(cert, EXT_KEY_USAGE)?.parsedValue;
  if (eku instanceof pkijs.ExtKeyUsage && !eku.keyPurposes.includes(ID_ICAO_ML_SIGNING_KEY)) {
    return `extendedKeyUsage does not name ${ID_ICAO_ML_SIGNING_KEY} (CSCA master list signing)`;
  }
  if (extension(cert, EXT_KEY_USAGE) && !(eku instanceof pkijs.ExtKeyUsage)) return 'extendedKeyUsage unreadable';
  return undefined;
}
