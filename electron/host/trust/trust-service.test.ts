import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTrustCli } from '../../cli/trust/run';
import { buildDg1, composeTd1 } from '../sim/lds-builder/dg1';
import { NHUNG } from '../sim/lds-builder/sample-citizens';
import { buildSod } from '../sim/lds-builder/sod';
import { createTestPki } from '../sim/test-pki/pki';
import { parseSod } from '../card/icao/lds/sod';
import { passiveAuth } from '../card/icao/auth/passive';
import { HostError } from '../bridge/host-error';
import { silentLogger } from '../log';
import { TrustService } from './trust-service';
import { sharedPath } from '../../../tests/support/shared-dir';

const ML = sharedPath('pki', 'DE_ML_2026-05-28-08-28-45.ml');
const ROOT = sharedPath('pki', 'DE_ROOT_CA_CSCA07.cer');
const haveShared = existsSync(ML) && existsSync(ROOT);

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof HostError ? e.code : `untyped: ${String(e)}`;
  }
}

/** A data folder with `files` written into it; returns the folder and the path of each file. */
function dataDirWith(files: Record<string, Uint8Array | string>): { dir: string; path: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-trust-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  return { dir, path: (name) => join(dir, name) };
}

const quiet = () => undefined;
const changes = (dir: string) => readFileSync(join(dir, 'trust/changes.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the trust CLI on the kiosk data folder', () => {
  it('imports a self-signed CSCA, logs it with SHA-256 and subject, and a running kiosk verifies with it at its next read', async () => {
    const pki = createTestPki();
    const { dir, path } = dataDirWith({ 'csca.der': pki.csca.der });
    const kiosk = await TrustService.open(dir, silentLogger); // the app, started before the change
    const dgs = new Map([[1, buildDg1(composeTd1(NHUNG))]]);
    const sod = parseSod(buildSod(dgs, { cert: pki.ds }));
    expect(passiveAuth(sod, dgs, await kiosk.current()).chain.status).toBe('no_anchor');

    expect(await runTrustCli(['import', path('csca.der')], dir, quiet)).toEqual({ total: 1, added: 1 });

    expect(passiveAuth(sod, dgs, await kiosk.current()).chain.status).toBe('trusted');
    const [line] = changes(dir);
    expect(line).toMatchObject({ event: 'trust.anchor_added', sha256: kiosk.list().anchors[0]?.sha256, subject: 'C=VN, O=Test PKI (synthetic), CN=Test CSCA Vietnam' });

    const sha = kiosk.list().anchors[0]!.sha256;
    expect(await runTrustCli(['remove', sha], dir, quiet)).toMatchObject({ removed: { sha256: sha } });
    expect((await kiosk.current()).size).toBe(0);
    expect(changes(dir)[1]).toMatchObject({ event: 'trust.removed', sha256: sha, subject: 'C=VN, O=Test PKI (synthetic), CN=Test CSCA Vietnam' });
  });

  it('refuses as a CSCA anything but a self-signed CA certificate, and writes nothing', async () => {
    const pki = createTestPki();
    const notCa = createTestPki({ cscaPurpose: { cA: false } }).csca;
    const noCertSign = createTestPki({ cscaPurpose: { keyUsage: ['digitalSignature'] } }).csca;
    const { dir, path } = dataDirWith({ 'ds.der': pki.ds.der, 'not-ca.der': notCa.der, 'no-certsign.der': noCertSign.der, 'junk.pem': 'hello' });
    expect(await code(runTrustCli(['import', path('ds.der')], dir))).toBe('trust.not_csca');
    expect(await code(runTrustCli(['import', path('not-ca.der')], dir))).toBe('trust.not_csca');
    expect(await code(runTrustCli(['import', path('no-certsign.der')], dir))).toBe('trust.not_csca');
    expect(await code(runTrustCli(['import', path('junk.pem')], dir))).toBe('trust.invalid_file');
    expect(await code(runTrustCli(['remove', '0'.repeat(64)], dir))).toBe('trust.not_found');
    expect(await code(runTrustCli(['import-master-list', path('ds.der')], dir))).toBe('trust.usage');
    expect((await TrustService.open(dir, silentLogger)).list().anchors).toHaveLength(0);
  });
});

describe.runIf(haveShared)('the trust CLI on the real German master list (runs when ../shared/pki is beside the checkout)', () => {
  it('imports the list against its signer root: CSCA entries become anchors, the root is listed, every change is logged', async () => {
    const { dir } = dataDirWith({});
    const r = await runTrustCli(['import-master-list', ML, '--signer-root', ROOT], dir, quiet);
    expect(r).toMatchObject({ total: 588, added: 579, notCsca: 9, signerIssuer: 'C=DE, O=bund, OU=bsi, CN=csca-germany' });
    expect(readdirSync(join(dir, 'trust/csca')).filter((f) => f.endsWith('.der'))).toHaveLength(579);
    const again = await TrustService.open(dir, silentLogger);
    expect(again.list().anchors.some((a) => a.subject.includes('CSCA ePassport Vietnam'))).toBe(true);
    expect(again.list().mlRoots.map((e) => e.subject)).toEqual(['C=DE, O=bund, OU=bsi, CN=csca-germany']);
    const log = changes(dir);
    expect(log.filter((l) => l.event === 'trust.anchor_added')).toHaveLength(579);
    expect(log.every((l) => typeof l.sha256 === 'string' && typeof l.subject === 'string')).toBe(true);
  }, 60_000);

  it('refuses a tampered list and leaves the store as it was', async () => {
    const ml = new Uint8Array(readFileSync(ML));
    ml[Math.floor(ml.length / 2)]! ^= 0x01;
    const { dir, path } = dataDirWith({ 'bad.ml': ml });
    expect(await code(runTrustCli(['import-master-list', path('bad.ml'), '--signer-root', ROOT], dir))).toMatch(/^trust\.(signature_invalid|invalid_file)$/);
    expect((await TrustService.open(dir, silentLogger)).list().anchors).toHaveLength(0);
  });
});
