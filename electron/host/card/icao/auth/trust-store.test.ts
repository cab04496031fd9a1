import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importMasterList, verifyMasterList } from './master-list';
import { TrustStore } from './trust-store';
import { createTestPki } from '../../../sim/test-pki/pki';
import { sharedPath } from '../../../../../tests/support/shared-dir';

const PKI = sharedPath('pki');
const ML = new Uint8Array(readFileSync(join(PKI, 'DE_ML_2026-05-28-08-28-45.ml')));
const ROOT = new Uint8Array(readFileSync(join(PKI, 'DE_ROOT_CA_CSCA07.cer')));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('master list import (German list of 28 May 2026)', () => {
  const store = new TrustStore();
  const result = importMasterList(store, ML, [ROOT], 'DE 2026-05-28');

  it('verifies and imports every certificate', () => {
    // 588 certificates in certList, all distinct (counted independently with openssl asn1parse + sha256sum);
    // 9 are not CA certificates (openssl x509 -ext basicConstraints,keyUsage: CA:FALSE or absent, or no
    // keyCertSign — BE, CM, CN, IT, PT, TR ×2, LU ×2) and are never anchors.
    expect(result).toMatchObject({ total: 588, added: 579, duplicates: 0, notCsca: 9 });
    expect(result.signerIssuer).toBe('C=DE, O=bund, OU=bsi, CN=csca-germany');
    expect(store.size).toBe(579);
  });
  it('finds the Vietnamese passport CSCA', () => {
    const vn = store.list().filter((e) => e.subject.includes('CSCA ePassport Vietnam'));
    expect(vn).toHaveLength(1);
    expect(vn[0]).toMatchObject({
      country: 'VN',
      subject: 'C=VN, O=Vietnam Government Information Security Commission, CN=CSCA ePassport Vietnam',
      sha256: '6b5fa6fe45cc4e855a73760413e08b7a9ac50a27722c702f3909a90facc991bd',
    });
    expect(vn[0]?.notBefore.slice(0, 10)).toBe('2022-06-29');
    expect(vn[0]?.notAfter.slice(0, 10)).toBe('2037-10-01');
  });
  it('deduplicates a second import', () => {
    expect(importMasterList(store, ML, [ROOT], 'again')).toMatchObject({ added: 0, duplicates: 579 });
  });
  it('refuses a tampered list', () => {
    const bad = ML.slice();
    const i = Math.floor(bad.length / 2); // inside a certificate of the content
    bad[i] = (bad[i] ?? 0) ^ 0x01;
    expect(() => verifyMasterList(bad, [ROOT])).toThrow(expect.objectContaining({ code: expect.stringMatching(/card\.(crypto|parse)/) }));
  });
  it('refuses a list whose signer does not chain to the given root', () => {
    const other = createTestPki().csca.der;
    expect(() => verifyMasterList(ML, [other])).toThrow(expect.objectContaining({ code: 'card.crypto', message: expect.stringContaining('trusted root') }));
  });
  it('saves to and loads from a directory of DER files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trust-'));
    dirs.push(dir);
    const small = new TrustStore();
    const pki = createTestPki();
    expect(small.addPemOrDer(pki.csca.der, 'test')).toBe(1);
    const pem = `-----BEGIN CERTIFICATE-----\n${Buffer.from(ROOT).toString('base64')}\n-----END CERTIFICATE-----\n`;
    expect(small.addPemOrDer(new TextEncoder().encode(pem), 'pem')).toBe(1);
    expect(small.addPemOrDer(ROOT, 'again')).toBe(0);
    await small.save(dir);
    const { store: loaded, rejected } = await TrustStore.load(dir);
    expect(rejected).toEqual([]);
    expect(loaded.list().map((e) => e.sha256).sort()).toEqual(small.list().map((e) => e.sha256).sort());
    small.remove(small.list()[0]!.sha256);
    await small.save(dir);
    expect((await TrustStore.load(dir)).store.size).toBe(1);
  });
});
