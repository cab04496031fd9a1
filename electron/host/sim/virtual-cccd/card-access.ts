/**
 * EF.CardAccess of the virtual card: the SecurityInfos that tell a terminal PACE is offered
 * (9303-11 §9.2.1). One PACEInfo: generic mapping, ECDH, AES-128, on NIST P-256 (standardized
 * domain parameter 12). A card without PACE simply has no EF.CardAccess.
 */
import * as asn1js from 'asn1js';

/** id-PACE-ECDH-GM-AES-CBC-CMAC-128 */
export const PACE_ECDH_GM_AES128 = '0.4.0.127.0.7.2.2.4.2.2';
export const PACE_PARAM_P256 = 12;

export function buildCardAccess(oid = PACE_ECDH_GM_AES128, parameterId = PACE_PARAM_P256): Uint8Array {
  const paceInfo = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: oid }),
      new asn1js.Integer({ value: 2 }),
      new asn1js.Integer({ value: parameterId }),
    ],
  });
  return new Uint8Array(new asn1js.Set({ value: [paceInfo] }).toBER(false));
}
