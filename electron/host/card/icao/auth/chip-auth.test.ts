import { getDiffieHellman } from 'node:crypto';
import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { generateKey } from '../../../sim/test-pki/keys';
import { kdf } from '../crypto/kdf';
import { chipAuthCard, chipAuthTerminal, deriveSessionKeys } from './chip-auth';

describe('chip authentication key agreement', () => {
  for (const kind of ['ec-p256', 'ec-brainpoolP256r1'] as const) {
    it(`terminal and card derive the same session keys (${kind}, AES-128)`, () => {
      const card = generateKey(kind);
      const t = chipAuthTerminal(card.spki, 'ECDH', 'AES-128');
      expect(t.ephemeralPublicKey[0]).toBe(0x04);
      const c = chipAuthCard(card.privateKey, t.ephemeralPublicKey, 'AES-128');
      expect(c.sharedSecret).toEqual(t.sharedSecret);
      expect([c.ksEnc, c.ksMac]).toEqual([t.ksEnc, t.ksMac]);
      expect(t.ksEnc).toHaveLength(16);
    });
  }
  it('derives 3DES keys with parity through the shared KDF', () => {
    const secret = new Uint8Array(32).fill(7);
    const keys = deriveSessionKeys(secret, '3DES');
    expect(keys.ksEnc).toEqual(kdf(secret, 1, '3DES'));
    expect(keys.ksMac).toEqual(kdf(secret, 2, '3DES'));
  });
  it('supports DH (PKCS#3 parameters)', () => {
    const card = getDiffieHellman('modp14');
    card.generateKeys();
    const int = (b: Uint8Array): asn1js.Integer => new asn1js.Integer({ valueHex: (b[0] ?? 0) >= 0x80 ? new Uint8Array([0, ...b]) : b });
    const spki = new asn1js.Sequence({
      value: [
        new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.3.1' }), new asn1js.Sequence({ value: [int(card.getPrime()), int(card.getGenerator())] })] }),
        new asn1js.BitString({ valueHex: int(card.getPublicKey()).toBER(false) }),
      ],
    }).toBER(false);
    const t = chipAuthTerminal(new Uint8Array(spki), 'DH', 'AES-256');
    const cardSecret = new Uint8Array(card.computeSecret(t.ephemeralPublicKey));
    expect(t.sharedSecret.slice(-cardSecret.length)).toEqual(cardSecret);
    expect(t.ksEnc).toHaveLength(32);
  });
  it('refuses a point not on the curve with card.crypto', () => {
    const card = generateKey('ec-p256');
    expect(() => chipAuthCard(card.privateKey, new Uint8Array([4, ...new Array(64).fill(1)]), 'AES-128')).toThrow(expect.objectContaining({ code: 'card.crypto' }));
  });
});
