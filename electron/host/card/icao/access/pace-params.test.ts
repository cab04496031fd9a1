import { describe, it, expect } from 'vitest';
import { CardError } from '../../errors';
import { paceOid, paceProtocol, standardCurve } from './pace-params';

describe('PACE parameters', () => {
  it('brainpoolP320r1 (defined here from RFC 5639): G on the curve and of order n', () => {
    const c = standardCurve(14);
    const { n } = c.Point.CURVE();
    c.Point.BASE.assertValidity();
    expect(c.Point.BASE.multiply(n - 1n).add(c.Point.BASE).is0()).toBe(true);
    expect(c.fieldLength).toBe(40);
  });
  it('standardized ids map to the 9303 table: 12 = P-256, 13 = brainpoolP256r1, 18 = P-521', () => {
    expect(standardCurve(12).name).toBe('NIST P-256');
    expect(standardCurve(13).name).toBe('brainpoolP256r1');
    expect(standardCurve(18).fieldLength).toBe(66);
    expect(() => standardCurve(2)).toThrow(CardError);
  });
  it('decodes and builds PACE OIDs', () => {
    expect(paceProtocol('0.4.0.127.0.7.2.2.4.2.4')).toMatchObject({ agreement: 'ECDH', mapping: 'GM', cipher: 'AES-256' });
    expect(paceProtocol('0.4.0.127.0.7.2.2.4.1.1')).toMatchObject({ agreement: 'DH', mapping: 'GM', cipher: '3DES' });
    expect(paceProtocol('0.4.0.127.0.7.2.2.4.2')).toBeUndefined();
    expect(paceOid('ECDH', 'IM', 'AES-128')).toBe('0.4.0.127.0.7.2.2.4.4.2');
  });
});
