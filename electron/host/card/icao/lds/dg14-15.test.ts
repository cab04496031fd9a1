import { describe, expect, it } from 'vitest';
import { buildDg14, buildDg15 } from '../../../sim/lds-builder/dg14-15';
import { generateKey } from '../../../sim/test-pki/keys';
import { chipAuthenticationOptions, parseDg14 } from './dg14';
import { parseDg15 } from './dg15';
import { fuzzParser } from './parse-fuzz';
import { parseSecurityInfos } from './security-infos';

describe('DG14', () => {
  const ca = generateKey('ec-brainpoolP256r1');
  const bytes = buildDg14({ caPublicKeySpki: ca.spki, cipher: 'AES-128', keyId: 7, aaSignatureAlgorithm: '0.4.0.127.0.7.1.1.4.1.3' });
  it('decodes the CA public key, CA info and AA info', () => {
    const dg14 = parseDg14(bytes);
    expect(dg14.infos.map((i) => i.type)).toEqual(['ChipAuthenticationPublicKeyInfo', 'ChipAuthenticationInfo', 'ActiveAuthenticationInfo']);
    const [opt] = chipAuthenticationOptions(dg14);
    expect(opt?.publicKey).toMatchObject({ agreement: 'ECDH', keyId: 7, publicKey: ca.spki });
    expect(opt?.info).toMatchObject({ protocol: '0.4.0.127.0.7.2.2.3.2.2', cipher: 'AES-128', version: 1 });
    expect(dg14.infos[2]).toMatchObject({ signatureAlgorithm: '0.4.0.127.0.7.1.1.4.1.3' });
  });
  it('classifies PACEInfo and keeps unknown protocols (EF.CardAccess shape)', () => {
    // SET { SEQUENCE { id-PACE-ECDH-GM-AES-CBC-CMAC-128, 2, 13 }, SEQUENCE { 1.2.3, NULL } } — EF.CardAccess layout.
    const hex = '311c' + '3012060a04007f0007020204020202010202010d' + '300606022a030500';
    const bytes2 = new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
    expect(parseSecurityInfos(bytes2)).toEqual([
      { type: 'PACEInfo', protocol: '0.4.0.127.0.7.2.2.4.2.2', version: 2, parameterId: 13 },
      { type: 'Unknown', protocol: '1.2.3', raw: '300606022a030500' },
    ]);
  });
  it('fuzz', () => fuzzParser(parseDg14, bytes, 300));
});

describe('DG15', () => {
  it('decodes an RSA key', () => {
    const k = generateKey('rsa-1024');
    const dg15 = parseDg15(buildDg15(k.spki));
    expect(dg15).toMatchObject({ kind: 'rsa', bits: 1024, exponent: new Uint8Array([1, 0, 1]) });
  });
  it('decodes an EC key', () => {
    const k = generateKey('ec-p256');
    const dg15 = parseDg15(buildDg15(k.spki));
    expect(dg15).toMatchObject({ kind: 'ec', curveOid: '1.2.840.10045.3.1.7', explicitParameters: false });
    expect(dg15.kind === 'ec' && dg15.point[0]).toBe(0x04);
  });
  it('fuzz', () => fuzzParser(parseDg15, buildDg15(generateKey('ec-p256').spki), 300));
});
