/** An ICAO CSCA master list (9303-12 §9) signed at test time, for the import checks. */
import * as asn1js from 'asn1js';
import { ID_CSCA_MASTER_LIST } from '../../card/icao/auth/master-list';
import { signCms } from '../lds-builder/cms-sign';
import type { IssuedCert } from './certificate';

export function buildMasterList(certificates: Uint8Array[], signer: IssuedCert, signingTime: Date): Uint8Array {
  const list = new asn1js.Sequence({
    value: [new asn1js.Integer({ value: 0 }), new asn1js.Set({ value: certificates.map((der) => asn1js.fromBER(der).result) })],
  });
  return signCms(ID_CSCA_MASTER_LIST, new Uint8Array(list.toBER(false)), { cert: signer, signingTime });
}
