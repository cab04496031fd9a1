import { describe, expect, it } from 'vitest';
import { passiveAuth } from '../../card/icao/auth/passive';
import { TrustStore } from '../../card/icao/auth/trust-store';
import { parseSod } from '../../card/icao/lds/sod';
import { cardIssuer } from '../virtual-cccd/card-issuer';
import { derProblems } from './der-strict';
import { buildSod } from './sod';

const groups = new Map([
  [1, Uint8Array.of(0x61, 0x01, 0x00)],
  [13, Uint8Array.of(0x6d, 0x02, 0x01, 0x02)],
]);

describe('EF.SOD of the virtual card (ICAO 9303-10 §4.6.2: DER)', () => {
  const issuer = cardIssuer();
  const trust = new TrustStore();
  trust.add(issuer.csca.der, 'test');

  it('is DER by default: primitive eContent, signed attributes in SET OF order', () => {
    expect(derProblems(buildSod(groups, { cert: issuer.ds }))).toEqual([]);
  });
  it('the strict check sees the BER form some issuers write (constructed OCTET STRING)', () => {
    expect(derProblems(buildSod(groups, { cert: issuer.ds, berContent: true }))).toContainEqual(expect.stringMatching(/constructed string/));
  });
  it('the reader verifies both the DER and the BER form', () => {
    for (const berContent of [false, true]) {
      const report = passiveAuth(parseSod(buildSod(groups, { cert: issuer.ds, berContent })), groups, trust, new Date());
      expect(report.signature).toBe('valid');
      expect(report.chain.status).toBe('trusted');
      expect(report.hashes.every((h) => h.status === 'match')).toBe(true);
    }
  });
});
