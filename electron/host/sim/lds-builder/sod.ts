/** EF.SOD for the virtual card: LDSSecurityObject over the given data groups, signed by a DS. */
import * as asn1js from 'asn1js';
import { digestAlgorithmIdentifier, type HashName } from '../../card/icao/auth/algorithms';
import { digest } from '../../card/icao/auth/signature';
import { decodeDer } from '../../card/icao/lds/der';
import { ID_LDS_SECURITY_OBJECT } from '../../card/icao/lds/sod';
import { signCms, type CmsSigner } from './cms-sign';
import { app, der, int } from './der-build';

export interface SodOptions extends CmsSigner {
  /** Hash of the data groups (also the CMS digest unless `digest` says otherwise). */
  dgHash?: HashName;
}

export function buildLdsSecurityObject(dataGroups: ReadonlyMap<number, Uint8Array>, hash: HashName): Uint8Array {
  const hashes = [...dataGroups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([n, bytes]) => new asn1js.Sequence({ value: [int(n), new asn1js.OctetString({ valueHex: digest(hash, bytes) })] }));
  return der(new asn1js.Sequence({ value: [int(0), digestAlgorithmIdentifier(hash).toSchema(), new asn1js.Sequence({ value: hashes })] }));
}

export function buildSod(dataGroups: ReadonlyMap<number, Uint8Array>, o: SodOptions): Uint8Array {
  const lso = buildLdsSecurityObject(dataGroups, o.dgHash ?? 'SHA-256');
  const contentInfo = signCms(ID_LDS_SECURITY_OBJECT, lso, o);
  return der(app(23, [decodeDer(contentInfo, 'SOD content')]));
}
