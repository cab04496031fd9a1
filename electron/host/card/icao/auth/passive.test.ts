import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDg1, composeTd1 } from '../../../sim/lds-builder/dg1';
import { buildDg13 } from '../../../sim/lds-builder/dg13';
import { buildSod } from '../../../sim/lds-builder/sod';
import { NHUNG } from '../../../sim/lds-builder/sample-citizens';
import { createTestPki, type TestPki } from '../../../sim/test-pki/pki';
import { issueCertificate } from '../../../sim/test-pki/certificate';
import { generateKey } from '../../../sim/test-pki/keys';
import type { SignatureScheme } from './algorithms';
import { parseSod } from '../lds/sod';
import { fuzzParser } from '../lds/parse-fuzz';
import { passiveAuth } from './passive';
import { TrustStore } from './trust-store';

const NOW = new Date('2026-11-23T08:00:00Z');
const DGS = new Map<number, Uint8Array>([
  [1, buildDg1(composeTd1(NHUNG))],
  [13, buildDg13(NHUNG)],
]);

function storeWith(...pkis: TestPki[]): TrustStore {
  const s = new TrustStore();
  for (const p of pkis) s.add(p.csca.der, 'test');
  return s;
}

const ec = createTestPki({ now: NOW });
const rsa = createTestPki({ now: NOW, cscaKey: 'rsa-2048', dsKey: 'rsa-2048' });
const brainpool = createTestPki({ now: NOW, cscaKey: 'ec-brainpoolP256r1', dsKey: 'ec-brainpoolP256r1' });

describe('passive authentication', () => {
  const cases: Array<[string, TestPki, SignatureScheme]> = [
    ['ECDSA P-256', ec, { kind: 'ecdsa', hash: 'SHA-256' }],
    ['ECDSA brainpoolP256r1 (not in WebCrypto)', brainpool, { kind: 'ecdsa', hash: 'SHA-256' }],
    ['ECDSA plain r||s (BSI TR-03111)', ec, { kind: 'ecdsa', hash: 'SHA-256', plain: true }],
    ['RSA PKCS#1 v1.5', rsa, { kind: 'rsa-pkcs1', hash: 'SHA-256' }],
    ['RSA-PSS', rsa, { kind: 'rsa-pss', hash: 'SHA-256', saltLength: 32 }],
  ];
  for (const [name, pki, scheme] of cases) {
    it(`accepts a SOD signed with ${name} by a DS chained to a trusted CSCA`, () => {
      const sod = parseSod(buildSod(DGS, { cert: pki.ds, scheme, signingTime: NOW }));
      const report = passiveAuth(sod, DGS, storeWith(pki), NOW);
      expect(report.signature).toBe('valid');
      expect(report.chain.status).toBe('trusted');
      expect(report.chain.anchor?.subject).toBe('C=VN, O=Test PKI (synthetic), CN=Test CSCA Vietnam');
      expect(report.hashes).toEqual([
        { dg: 1, status: 'match' },
        { dg: 13, status: 'match' },
      ]);
    });
  }
  it('accepts a DS certificate itself signed with RSA-PSS and a SHA-384 SOD', () => {
    const pss = createTestPki({ now: NOW, cscaKey: 'rsa-2048', dsKey: 'ec-p384', cscaScheme: { kind: 'rsa-pss', hash: 'SHA-256', saltLength: 32 } });
    const sod = parseSod(buildSod(DGS, { cert: pss.ds, scheme: { kind: 'ecdsa', hash: 'SHA-384' }, dgHash: 'SHA-384', signingTime: NOW }));
    const report = passiveAuth(sod, DGS, storeWith(pss), NOW);
    expect([report.signature, report.chain.status, report.hashAlgorithm]).toEqual(['valid', 'trusted', 'SHA-384']);
  });
  it('accepts a SOD without signed attributes and one naming its signer by key identifier', () => {
    for (const opts of [{ withoutSignedAttributes: true }, { sidBySubjectKeyId: true }]) {
      const sod = parseSod(buildSod(DGS, { cert: ec.ds, signingTime: NOW, ...opts }));
      expect(sod.dsCertificateDer).toEqual(ec.ds.der);
      const report = passiveAuth(sod, DGS, storeWith(ec), NOW);
      expect([report.signature, report.chain.status]).toEqual(['valid', 'trusted']);
    }
  });
  it('fuzz: passive authentication of mutated SODs never throws', () => {
    const valid = buildSod(DGS, { cert: ec.ds, signingTime: NOW });
    const store = storeWith(ec);
    fc.assert(
      fc.property(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 }), (i, v) => {
        const b = valid.slice();
        b[i] = v;
        let sod;
        try {
          sod = parseSod(b);
        } catch (e) {
          expect(e).toMatchObject({ code: 'card.parse' });
          return;
        }
        const r = passiveAuth(sod, DGS, store, NOW);
        expect(['valid', 'invalid']).toContain(r.signature);
      }),
      { numRuns: 300 },
    );
  });
  it('reports a tampered data group as a hash mismatch, signature still valid', () => {
    const sod = parseSod(buildSod(DGS, { cert: ec.ds, signingTime: NOW }));
    const dg13 = buildDg13({ ...NHUNG, placeOfResidence: 'Số 99, Hà Nội' });
    const report = passiveAuth(sod, new Map([[1, DGS.get(1)!], [13, dg13], [14, new Uint8Array([0x6e, 0])]]), storeWith(ec), NOW);
    expect(report.signature).toBe('valid');
    expect(report.hashes).toEqual([
      { dg: 1, status: 'match' },
      { dg: 13, status: 'mismatch' },
    ]);
    expect(report.notInSod).toEqual([14]);
  });
  it('reports not_read for data groups in the SOD that were not read', () => {
    const sod = parseSod(buildSod(DGS, { cert: ec.ds, signingTime: NOW }));
    expect(passiveAuth(sod, new Map([[1, DGS.get(1)!]]), storeWith(ec), NOW).hashes[1]).toEqual({ dg: 13, status: 'not_read' });
  });
  it('reports no_anchor with the issuer DN for an unknown CSCA', () => {
    const unknown = createTestPki({ now: NOW, cscaName: 'Unknown CSCA' });
    const report = passiveAuth(parseSod(buildSod(DGS, { cert: unknown.ds, signingTime: NOW })), DGS, storeWith(ec), NOW);
    expect(report.signature).toBe('valid');
    expect(report.chain).toMatchObject({ status: 'no_anchor', issuer: 'C=VN, O=Test PKI (synthetic), CN=Unknown CSCA' });
  });
  it('finds the CSCA by key identifier when the DS writes its issuer name differently', () => {
    const ds = issueCertificate({
      subject: { C: 'VN', CN: 'Test DS with odd issuer name' },
      key: generateKey('ec-p256'),
      issuer: ec.csca,
      issuerDn: { C: 'VN', CN: 'CSCA VN (name not as in the CSCA)' },
      notBefore: new Date(NOW.getTime() - 1e9),
      notAfter: new Date(NOW.getTime() + 1e10),
      serial: 9,
      ca: false,
    });
    const report = passiveAuth(parseSod(buildSod(DGS, { cert: ds, signingTime: NOW })), DGS, storeWith(ec), NOW);
    expect(report.chain.status).toBe('trusted');
    expect(report.chain.issuer).toBe('C=VN, CN=CSCA VN (name not as in the CSCA)');
  });
  it('reports untrusted when a CSCA of that name exists but did not sign the DS', () => {
    const impostor = createTestPki({ now: NOW }); // same CSCA name, different key
    const report = passiveAuth(parseSod(buildSod(DGS, { cert: impostor.ds, signingTime: NOW })), DGS, storeWith(ec), NOW);
    expect(report.chain.status).toBe('untrusted');
  });
  it('reports an expired DS distinctly', () => {
    const old = createTestPki({ now: NOW, expiredDs: true });
    const signedAt = new Date(NOW.getTime() - 2 * 365 * 24 * 3600 * 1000);
    const report = passiveAuth(parseSod(buildSod(DGS, { cert: old.ds, signingTime: signedAt })), DGS, storeWith(old), NOW);
    expect(report.signature).toBe('valid');
    expect(report.chain).toMatchObject({ status: 'expired', dsValidNow: false, dsValidAtSigning: true });
  });
  it('reports an invalid signature when the signed content was altered', () => {
    const sodBytes = buildSod(DGS, { cert: ec.ds, signingTime: NOW });
    const sod = parseSod(sodBytes);
    const forged = { ...sod, eContent: sod.eContent.slice() };
    forged.eContent[forged.eContent.length - 1]! ^= 0xff;
    const report = passiveAuth(forged, DGS, storeWith(ec), NOW);
    expect(report.signature).toBe('invalid');
    expect(report.signatureDetail).toContain('message digest');
  });
});

describe('EF.SOD parsing', () => {
  const bytes = buildSod(DGS, { cert: ec.ds, signingTime: NOW });
  it('decodes the LDSSecurityObject and the DS certificate', () => {
    const sod = parseSod(bytes);
    expect(sod.version).toBe(0);
    expect(sod.hashAlgorithm).toBe('SHA-256');
    expect([...sod.dataGroupHashes.keys()]).toEqual([1, 13]);
    expect(sod.dsCertificateDer).toEqual(ec.ds.der);
  });
  it('fuzz: random and mutated SODs give a result or card.parse', () => {
    fuzzParser(parseSod, bytes, 300);
  });
});
