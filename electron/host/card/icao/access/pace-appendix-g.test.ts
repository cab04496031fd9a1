import { describe, it, expect } from 'vitest';
import { encodeCommand } from '../../iso7816/apdu';
import { bytesToBigInt, fromHex, hex } from '../../iso7816/bytes';
import { choosePace, parseCardAccess } from './card-access';
import { PaceCard } from './pace-card';
import { decodePoint, encodePoint, mapGenerator, type PaceRandom } from './pace-crypto';
import { standardCurve } from './pace-params';
import { PaceTerminal, dynamicData } from './pace';

/** ICAO 9303-11 appendix G.1: PACE, ECDH generic mapping, brainpoolP256r1, AES-128, MRZ password. */
const CARD_ACCESS = '31143012060A04007F0007020204020202010202010D';
const MRZ = { kind: 'MRZ' as const, mrz: { documentNumber: 'T22000129', dateOfBirth: '640812', dateOfExpiry: '101031' } };
const Z = '95A3A016522EE98D01E76CB6B98B42C3';
const S = '3F00C4D39D153F2B2A214A078D899B22';
const SK_PCD_MAP = '7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99';
const PK_PCD_MAP =
  '047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D';
const SK_PICC_MAP = '498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560';
const PK_PICC_MAP =
  '04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F5730D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54';
const H = '0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD50840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181';
const G_MAPPED =
  '048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E28C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522';
const SK_PCD = 'A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595';
const PK_PCD =
  '042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462';
const SK_PICC = '107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A';
const PK_PICC =
  '049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094';
const KS_ENC = 'F5F0E35C0D7161EE6724EE513A0D9A7F';
const KS_MAC = 'FE251C7858B356B24514B3BD5F4297D1';
const T_PCD = 'C2B0BD78D94BA866';
const T_PICC = '3ABB9674BCE93C08';

function fixed(bytes: string[], scalars: string[]): PaceRandom {
  return {
    bytes: () => fromHex(bytes.shift() ?? ''),
    scalar: () => bytesToBigInt(fromHex(scalars.shift() ?? '')),
  };
}

describe('PACE, 9303-11 appendix G.1 worked example', () => {
  const access = parseCardAccess(fromHex(CARD_ACCESS));
  const info = choosePace(access);

  it('parses EF.CardAccess: id-PACE-ECDH-GM-AES-CBC-CMAC-128, version 2, parameter 13', () => {
    expect(info?.protocol).toEqual({ oid: '0.4.0.127.0.7.2.2.4.2.2', agreement: 'ECDH', mapping: 'GM', cipher: 'AES-128' });
    expect(info?.version).toBe(2);
    expect(info?.parameterId).toBe(13);
  });

  it('mapping: H and the mapped generator', () => {
    const curve = standardCurve(13);
    const h = decodePoint(curve, fromHex(PK_PICC_MAP)).multiply(bytesToBigInt(fromHex(SK_PCD_MAP)));
    expect(hex(encodePoint(curve, h))).toBe(H);
    expect(hex(encodePoint(curve, mapGenerator(curve, fromHex(S), h)))).toBe(G_MAPPED);
  });

  it('terminal and card reproduce every exchanged value and the session keys', () => {
    if (!info) throw new Error('no PACEInfo');
    const terminal = new PaceTerminal(info, MRZ, fixed([], [SK_PCD_MAP, SK_PCD]));
    const card = new PaceCard(info.protocol, 13, MRZ, fixed([S], [SK_PICC_MAP, SK_PICC]));

    expect(hex(encodeCommand(terminal.mseSetAt()))).toBe('0022C1A412800A04007F0007020204020283010184010D');
    const r1 = card.answer(terminal.requestNonce().data ?? new Uint8Array(0));
    expect(hex(dynamicData(r1, 0x80, 'z'))).toBe(Z);

    const c2 = terminal.onEncryptedNonce(r1);
    expect(hex(terminal.decryptedNonce ?? new Uint8Array(0))).toBe(S);
    expect(hex(dynamicData(c2.data ?? new Uint8Array(0), 0x81, 'map'))).toBe(PK_PCD_MAP);
    const r2 = card.answer(c2.data ?? new Uint8Array(0));
    expect(hex(dynamicData(r2, 0x82, 'map'))).toBe(PK_PICC_MAP);

    const c3 = terminal.onMappingKey(r2);
    expect(hex(dynamicData(c3.data ?? new Uint8Array(0), 0x83, 'key'))).toBe(PK_PCD);
    const r3 = card.answer(c3.data ?? new Uint8Array(0));
    expect(hex(dynamicData(r3, 0x84, 'key'))).toBe(PK_PICC);

    const c4 = terminal.onEphemeralKey(r3);
    expect(hex(terminal.sessionKeys?.kEnc ?? new Uint8Array(0))).toBe(KS_ENC);
    expect(hex(terminal.sessionKeys?.kMac ?? new Uint8Array(0))).toBe(KS_MAC);
    expect(c4.cla).toBe(0x00);
    expect(hex(dynamicData(c4.data ?? new Uint8Array(0), 0x85, 'token'))).toBe(T_PCD);
    const r4 = card.answer(c4.data ?? new Uint8Array(0));
    expect(hex(dynamicData(r4, 0x86, 'token'))).toBe(T_PICC);

    const sm = terminal.finish(r4);
    expect(hex(sm.ksEnc)).toBe(KS_ENC);
    expect(hex(sm.ksMac)).toBe(KS_MAC);
    expect(hex(sm.ssc)).toBe('00000000000000000000000000000000');
    expect(card.session?.ksMac).toEqual(sm.ksMac);
  });
});
