import { describe, expect, it } from 'vitest';
import { buildDg1, composeTd1 } from '../../../sim/lds-builder/dg1';
import { buildSod } from '../../../sim/lds-builder/sod';
import { NHUNG } from '../../../sim/lds-builder/sample-citizens';
import { issueCertificate, type IssuedCert } from '../../../sim/test-pki/certificate';
import { generateKey } from '../../../sim/test-pki/keys';
import { buildMasterList } from '../../../sim/test-pki/master-list';
import { createTestPki, type TestPkiOptions } from '../../../sim/test-pki/pki';
import type { PurposeOverrides } from '../../../sim/test-pki/purpose-extensions';
import { overallVerdict } from '../../read-view';
import { parseSod } from '../lds/sod';
import { ID_ICAO_ML_SIGNING_KEY } from './cert-purpose';
import { importMasterList, verifyMasterList } from './master-list';
import { passiveAuth } from './passive';
import { TrustStore } from './trust-store';

const NOW = new Date('2026-11-23T08:00:00Z');
const YEAR = 365 * 24 * 3600 * 1000;
const DGS = new Map<number, Uint8Array>([[1, buildDg1(composeTd1(NHUNG))]]);

function chainWith(o: TestPkiOptions) {
  const pki = createTestPki({ now: NOW, ...o });
  const store = new TrustStore();
  store.add(pki.csca.der, 'test');
  return passiveAuth(parseSod(buildSod(DGS, { cert: pki.ds, signingTime: NOW })), DGS, store, NOW).chain;
}

const verdictOf = (status: ReturnType<typeof chainWith>['status']) =>
  overallVerdict({
    accessControl: { protocol: 'PACE-CAN' },
    signature: 'valid',
    chain: { status, issuer: 'x' },
    hashes: [{ dg: 1, status: 'match' }],
    notInSod: [],
    activeAuth: 'passed',
    chipAuth: 'passed',
    dg3: 'locked',
  });

describe('document signer and CSCA purposes in passive authentication', () => {
  it('a well-formed chain is trusted', () => {
    expect(chainWith({}).status).toBe('trusted');
  });
  it.each<[string, PurposeOverrides]>([
    ['a CA certificate (cA TRUE, keyCertSign)', { cA: true, keyUsage: ['keyCertSign', 'cRLSign'] }],
    ['keyUsage without digitalSignature', { keyUsage: ['keyEncipherment'] }],
    ['no keyUsage at all', { keyUsage: null }],
  ])('refuses a document signer that is %s, and the read fails', (_l, dsPurpose) => {
    const chain = chainWith({ dsPurpose });
    expect(chain.status).toBe('ds_wrong_purpose');
    expect(chain.detail).toMatch(/^document signer: /);
    expect(verdictOf(chain.status)).toBe('failed');
  });
  it.each<[string, PurposeOverrides]>([
    ['not a CA (cA FALSE)', { cA: false }],
    ['without basicConstraints', { cA: null }],
    ['without keyCertSign', { keyUsage: ['digitalSignature'] }],
  ])('refuses a CSCA anchor %s, and the read fails', (_l, cscaPurpose) => {
    const chain = chainWith({ cscaPurpose });
    expect(chain.status).toBe('csca_wrong_purpose');
    expect(chain.detail).toMatch(/^CSCA: /);
    expect(verdictOf(chain.status)).toBe('failed');
  });
});

describe('master list signer, root and entries', () => {
  const root = createTestPki({ now: NOW, cscaName: 'Test ML Root' }).csca;
  const signer = (purpose: PurposeOverrides, issuer: IssuedCert = root): IssuedCert =>
    issueCertificate({
      subject: { C: 'VN', O: 'Test PKI (synthetic)', CN: 'Test Master List Signer' },
      key: generateKey('ec-p256'),
      issuer,
      notBefore: new Date(NOW.getTime() - YEAR),
      notAfter: new Date(NOW.getTime() + YEAR),
      serial: 9,
      ca: false,
      purpose,
    });
  const good = createTestPki({ now: NOW });
  const entries = [good.csca.der, good.ds.der];

  it('imports the CSCA entries of a list from a proper signer and keeps a non-CA entry out', () => {
    const ml = buildMasterList(entries, signer({ extKeyUsage: [ID_ICAO_ML_SIGNING_KEY] }), NOW);
    const store = new TrustStore();
    expect(importMasterList(store, ml, [root.der], 'test')).toMatchObject({ total: 2, added: 1, notCsca: 1 });
    expect(store.list().map((e) => e.subject)).toEqual(['C=VN, O=Test PKI (synthetic), CN=Test CSCA Vietnam']);
  });
  it('accepts a signer without extendedKeyUsage (optional in RFC 5280)', () => {
    expect(() => verifyMasterList(buildMasterList(entries, signer({}), NOW), [root.der])).not.toThrow();
  });
  it.each<[string, PurposeOverrides, RegExp]>([
    ['an extendedKeyUsage for another purpose', { extKeyUsage: ['1.3.6.1.5.5.7.3.1'] }, /extendedKeyUsage/],
    ['a CA certificate', { cA: true, keyUsage: ['keyCertSign', 'digitalSignature'] }, /CA certificate/],
    ['keyUsage without digitalSignature', { keyUsage: ['keyCertSign'] }, /digitalSignature/],
  ])('refuses a list whose signer has %s', (_l, purpose, why) => {
    const ml = buildMasterList(entries, signer(purpose), NOW);
    expect(() => verifyMasterList(ml, [root.der])).toThrow(expect.objectContaining({ code: 'card.crypto', message: expect.stringMatching(why) }));
  });
  it('refuses a list whose root was not valid when the list was signed', () => {
    const old = issueCertificate({
      subject: { C: 'VN', O: 'Test PKI (synthetic)', CN: 'Expired ML Root' },
      key: generateKey('ec-p256'),
      notBefore: new Date(NOW.getTime() - 10 * YEAR),
      notAfter: new Date(NOW.getTime() - YEAR),
      serial: 3,
      ca: true,
    });
    const ml = buildMasterList(entries, signer({}, old), NOW);
    expect(() => verifyMasterList(ml, [old.der])).toThrow(expect.objectContaining({ code: 'card.crypto', message: expect.stringContaining('root certificate not valid') }));
  });
  it('refuses a list whose root is not a CA', () => {
    const notCa = createTestPki({ now: NOW, cscaName: 'Not A CA Root', cscaPurpose: { cA: false } }).csca;
    const ml = buildMasterList(entries, signer({}, notCa), NOW);
    expect(() => verifyMasterList(ml, [notCa.der])).toThrow(expect.objectContaining({ code: 'card.crypto', message: expect.stringContaining('root certificate is not a CA') }));
  });
});
