import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestPki } from '../../../sim/test-pki/pki';
import { importTrustFile } from './trust-import';
import { TrustStore } from './trust-store';
import { sharedPath } from '../../../../../tests/support/shared-dir';

const ML = new Uint8Array(readFileSync(sharedPath('pki', 'DE_ML_2026-05-28-08-28-45.ml')));
const ROOT = new Uint8Array(readFileSync(sharedPath('pki', 'DE_ROOT_CA_CSCA07.cer')));

describe('importTrustFile', () => {
  it('recognises a master list and needs a root for it', () => {
    const store = new TrustStore();
    expect(() => importTrustFile(store, ML, 'DE.ml', [])).toThrow(expect.objectContaining({ code: 'card.crypto' }));
    expect(importTrustFile(store, ML, 'DE.ml', [ROOT])).toMatchObject({ kind: 'master-list', total: 588, added: 579, notCsca: 9 });
  });
  it('imports PEM or DER certificates', () => {
    const store = new TrustStore();
    const a = createTestPki().csca.der;
    const b = createTestPki().csca.der;
    const pem = [a, b].map((d) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(d).toString('base64')}\n-----END CERTIFICATE-----`).join('\n');
    expect(importTrustFile(store, new TextEncoder().encode(pem), 'two.pem', [])).toEqual({ kind: 'certificates', total: 2, added: 2 });
    expect(importTrustFile(store, a, 'a.der', [])).toEqual({ kind: 'certificates', total: 1, added: 0 });
  });
  it('refuses garbage with card.parse', () => {
    expect(() => importTrustFile(new TrustStore(), new Uint8Array([1, 2, 3]), 'x', [])).toThrow(expect.objectContaining({ code: 'card.parse' }));
  });
});
