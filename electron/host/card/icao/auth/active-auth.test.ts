import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signAaEcdsa, signAaRsa } from '../../../sim/lds-builder/active-auth-sign';
import { buildDg15 } from '../../../sim/lds-builder/dg14-15';
import { generateKey } from '../../../sim/test-pki/keys';
import { parseDg15 } from '../lds/dg15';
import { verifyActiveAuth } from './active-auth';

const challenge = new Uint8Array(randomBytes(8));

describe('active authentication (verify side)', () => {
  const rsa = generateKey('rsa-1024');
  const rsaDg15 = parseDg15(buildDg15(rsa.spki));

  it('verifies RSA ISO 9796-2 scheme 1 with the SHA-1 trailer BC', () => {
    expect(verifyActiveAuth(rsaDg15, challenge, signAaRsa(rsa.privateKey, challenge))).toEqual({ valid: true });
  });
  it('verifies RSA 9796-2 with an explicit SHA-256 trailer (34 CC)', () => {
    expect(verifyActiveAuth(rsaDg15, challenge, signAaRsa(rsa.privateKey, challenge, 'SHA-256'))).toEqual({ valid: true });
  });
  it('verifies the min(s, n − s) form of ISO 9796-2 (a chip returning n − s half of the time)', () => {
    if (rsaDg15.kind !== 'rsa') throw new Error('RSA key expected');
    const n = BigInt(`0x${Buffer.from(rsaDg15.modulus).toString('hex')}`);
    let nMinusS = 0;
    for (let i = 0; i < 40; i++) {
      const c = new Uint8Array(randomBytes(8));
      const sig = signAaRsa(rsa.privateKey, c, 'SHA-1', true);
      // The representative of an n − s answer does not end in the nibble C.
      const plain = signAaRsa(rsa.privateKey, c, 'SHA-1');
      const sv = BigInt(`0x${Buffer.from(sig).toString('hex')}`);
      if (sv <= n / 2n && Buffer.compare(Buffer.from(sig), Buffer.from(plain)) !== 0) nMinusS += 1;
      expect(verifyActiveAuth(rsaDg15, c, sig)).toEqual({ valid: true });
      expect(verifyActiveAuth(rsaDg15, c, signAaRsa(rsa.privateKey, c, 'SHA-256', true))).toEqual({ valid: true });
    }
    // 40 signatures all in the s form would happen once in 2^40 runs.
    expect(nMinusS).toBeGreaterThan(0);
  });
  it('refuses an n − s answer over another challenge', () => {
    for (let i = 0; i < 8; i++) {
      const sig = signAaRsa(rsa.privateKey, challenge, 'SHA-1', true);
      expect(verifyActiveAuth(rsaDg15, new Uint8Array(randomBytes(8)), sig).valid).toBe(false);
    }
  });
  it('refuses an RSA signature over another challenge or by another key', () => {
    const other = new Uint8Array(randomBytes(8));
    expect(verifyActiveAuth(rsaDg15, other, signAaRsa(rsa.privateKey, challenge)).valid).toBe(false);
    const clone = generateKey('rsa-1024');
    expect(verifyActiveAuth(rsaDg15, challenge, signAaRsa(clone.privateKey, challenge)).valid).toBe(false);
    expect(verifyActiveAuth(rsaDg15, challenge, new Uint8Array(5)).valid).toBe(false);
  });
  it('verifies ECDSA plain signatures with the hash from ActiveAuthenticationInfo', () => {
    const ec = generateKey('ec-brainpoolP256r1');
    const dg15 = parseDg15(buildDg15(ec.spki));
    expect(verifyActiveAuth(dg15, challenge, signAaEcdsa(ec.privateKey, challenge, 'SHA-256'), '0.4.0.127.0.7.1.1.4.1.3')).toEqual({ valid: true });
    expect(verifyActiveAuth(dg15, challenge, signAaEcdsa(ec.privateKey, challenge, 'SHA-256'))).toEqual({ valid: true });
    expect(verifyActiveAuth(dg15, challenge, signAaEcdsa(ec.privateKey, challenge, 'SHA-1'), '0.4.0.127.0.7.1.1.4.1.3').valid).toBe(false);
    expect(verifyActiveAuth(dg15, challenge, new Uint8Array(64)).valid).toBe(false);
  });
});
