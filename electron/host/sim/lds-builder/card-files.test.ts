import { randomBytes, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crossCheck } from '../../../../shared/domain/cross-check';
import { verifyActiveAuth } from '../../card/icao/auth/active-auth';
import { chipAuthCard, chipAuthTerminal } from '../../card/icao/auth/chip-auth';
import { passiveAuth } from '../../card/icao/auth/passive';
import { TrustStore } from '../../card/icao/auth/trust-store';
import { parseCom } from '../../card/icao/lds/com';
import { parseDg1 } from '../../card/icao/lds/dg1';
import { chipAuthenticationOptions, parseDg14 } from '../../card/icao/lds/dg14';
import { parseDg15 } from '../../card/icao/lds/dg15';
import { parseDg2 } from '../../card/icao/lds/dg2';
import { parseSod } from '../../card/icao/lds/sod';
import { parseDg13 } from '../../card/cccd/dg13';
import { dg13ToIdentity } from '../../card/cccd/dg13-identity';
import { signAaRsa } from './active-auth-sign';
import { buildCardFiles, FILE_IDS } from './card-files';
import { buildDg13 } from './dg13';
import { NHUNG } from './sample-citizens';

const file = (f: Map<number, Uint8Array>, id: number): Uint8Array => {
  const b = f.get(id);
  if (!b) throw new Error(`missing file ${id.toString(16)}`);
  return b;
};

describe('virtual card files: build → parse → verify', () => {
  const card = buildCardFiles(NHUNG);

  it('the test PKI certificates verify with OpenSSL too', () => {
    const csca = new X509Certificate(Buffer.from(card.pki.csca.der));
    const ds = new X509Certificate(Buffer.from(card.pki.ds.der));
    expect(ds.verify(csca.publicKey)).toBe(true);
    expect(csca.verify(csca.publicKey)).toBe(true);
    expect(ds.checkIssued(csca)).toBe(true);
  });

  it('round-trips the identity and passes passive authentication', () => {
    expect(parseCom(file(card.files, FILE_IDS.COM)).dataGroups).toEqual([1, 2, 13, 14, 15]);
    const dg1 = parseDg1(file(card.files, FILE_IDS.DG1));
    const identity = dg13ToIdentity(parseDg13(file(card.files, FILE_IDS.DG13)), dg1, '2026-11-23');
    expect(identity).toEqual(NHUNG);
    expect(parseDg2(file(card.files, FILE_IDS.DG2)).images[0]?.mime).toBe('image/jpeg');
    const store = new TrustStore();
    store.add(card.pki.csca.der, 'test');
    const report = passiveAuth(parseSod(file(card.files, FILE_IDS.SOD)), card.dataGroups, store);
    expect(report.signature).toBe('valid');
    expect(report.chain.status).toBe('trusted');
    expect(report.hashes.every((h) => h.status === 'match')).toBe(true);
    expect(report.hashes.map((h) => h.dg)).toEqual([1, 2, 13, 14, 15]);
    expect(crossCheck({ dg1: { idNumber: dg1.idNumber, fullName: dg1.nameField }, dg13: identity })).toEqual([]);
  });

  it('supports active and chip authentication with the card-side keys', () => {
    const challenge = new Uint8Array(randomBytes(8));
    const dg15 = parseDg15(file(card.files, FILE_IDS.DG15));
    expect(verifyActiveAuth(dg15, challenge, signAaRsa(card.aaKey.privateKey, challenge))).toEqual({ valid: true });
    const [ca] = chipAuthenticationOptions(parseDg14(file(card.files, FILE_IDS.DG14)));
    expect(ca?.info?.cipher).toBe('AES-128');
    const t = chipAuthTerminal(ca!.publicKey.publicKey, 'ECDH', 'AES-128');
    expect(chipAuthCard(card.caKey.privateKey, t.ephemeralPublicKey, 'AES-128').ksMac).toEqual(t.ksMac);
  });

  it('a tampered DG13 gives a hash mismatch for 13 only', () => {
    const tampered = buildCardFiles(NHUNG, { pki: card.pki, tamper: { 13: buildDg13({ ...NHUNG, fullName: 'Trần Đức Anh' }) } });
    const store = new TrustStore();
    store.add(card.pki.csca.der, 'test');
    const report = passiveAuth(parseSod(file(tampered.files, FILE_IDS.SOD)), tampered.dataGroups, store);
    expect(report.hashes.filter((h) => h.status !== 'match')).toEqual([{ dg: 13, status: 'mismatch' }]);
  });
});
