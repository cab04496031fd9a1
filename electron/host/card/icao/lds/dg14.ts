/** DG14 (ICAO 9303-10 §4.7.14): 6E { SecurityInfos } — chip authentication keys and protocols. */
import { children, decodeFile, guardParse, parseError } from './der';
import { parseSecurityInfos, type SecurityInfo } from './security-infos';

export interface Dg14 {
  infos: SecurityInfo[];
}

export function parseDg14(bytes: Uint8Array): Dg14 {
  return guardParse('DG14', () => {
    const root = decodeFile(bytes, 14, 'DG14');
    const [set] = children(root);
    if (!set) throw parseError('DG14', 'empty');
    return { infos: parseSecurityInfos(set) };
  });
}

/** The CA public key and its protocol (matched by keyId when the card has several). */
export function chipAuthenticationOptions(dg14: Dg14): Array<{ publicKey: Extract<SecurityInfo, { type: 'ChipAuthenticationPublicKeyInfo' }>; info?: Extract<SecurityInfo, { type: 'ChipAuthenticationInfo' }> }> {
  const keys = dg14.infos.filter((i): i is Extract<SecurityInfo, { type: 'ChipAuthenticationPublicKeyInfo' }> => i.type === 'ChipAuthenticationPublicKeyInfo');
  const infos = dg14.infos.filter((i): i is Extract<SecurityInfo, { type: 'ChipAuthenticationInfo' }> => i.type === 'ChipAuthenticationInfo');
  return keys.map((publicKey) => {
    const info = infos.find((i) => i.keyId === publicKey.keyId && i.agreement === publicKey.agreement) ?? infos.find((i) => i.agreement === publicKey.agreement);
    return { publicKey, ...(info ? { info } : {}) };
  });
}
