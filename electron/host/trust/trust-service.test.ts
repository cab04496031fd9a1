import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostError } from '../bridge/host-error';
import { silentLogger } from '../log';
import { TrustService } from './trust-service';
import { sharedPath } from '../../../tests/support/shared-dir';

const pki = sharedPath('pki');
const ML = join(pki, 'DE_ML_2026-05-28-08-28-45.ml');
const ROOT = join(pki, 'DE_ROOT_CA_CSCA07.cer');
const ROOT_PATH = ROOT;
const haveShared = existsSync(ML) && existsSync(ROOT);

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof HostError ? e.code : `untyped: ${String(e)}`;
  }
}

describe.runIf(haveShared)('trust service on the real German master list (runs when ../shared/pki is beside the checkout)', () => {
  it('refuses a master list before its signer root is trusted, then imports it and persists it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-trust-'));
    const trust = await TrustService.open(dataDir, silentLogger);
    const ml = new Uint8Array(readFileSync(ML));
    expect(await code(trust.import('DE.ml', ml))).toBe('trust.no_ml_root');
    expect(await trust.importRoot('DE_ROOT.cer', new Uint8Array(readFileSync(ROOT)))).toEqual({ added: 1, total: 1 });
    const r = await trust.import('DE.ml', ml);
    expect(r).toMatchObject({ kind: 'master-list', total: 588, added: 579 });
    expect(trust.list().anchors.some((a) => a.subject.includes('CSCA ePassport Vietnam'))).toBe(true);
    expect(readdirSync(join(dataDir, 'trust/csca')).filter((f) => f.endsWith('.der'))).toHaveLength(579);

    const again = await TrustService.open(dataDir, silentLogger);
    expect(again.list().anchors).toHaveLength(579);
    expect(again.list().mlRoots).toHaveLength(1);
    expect((await again.import('DE.ml', ml)).added).toBe(0);
  });

  it('refuses a tampered master list and leaves the store as it was', async () => {
    const trust = await TrustService.open(mkdtempSync(join(tmpdir(), 'kiosk-trust-')), silentLogger);
    await trust.importRoot('DE_ROOT.cer', new Uint8Array(readFileSync(ROOT)));
    const ml = new Uint8Array(readFileSync(ML));
    ml[Math.floor(ml.length / 2)]! ^= 0x01;
    expect(await code(trust.import('DE.ml', ml))).toMatch(/^trust\.(signature_invalid|invalid_file)$/);
    expect(trust.list().anchors).toHaveLength(0);
  });
});

describe('trust service input handling', () => {
  it('a PEM bundle with one bad certificate is refused whole: nothing from it stays', async () => {
    const trust = await TrustService.open(null, silentLogger);
    const good = readFileSync(ROOT_PATH);
    const pem = (der: Buffer) => `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
    const bundle = pem(good) + pem(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]));
    expect(await code(trust.import('bundle.pem', new TextEncoder().encode(bundle)))).toBe('trust.invalid_file');
    expect(trust.list().anchors).toHaveLength(0);
  });

  it('rejects a file with no certificate, garbage, and an unknown removal with typed errors', async () => {
    const trust = await TrustService.open(null, silentLogger);
    expect(trust.persistent).toBe(false);
    expect(await code(trust.import('empty.pem', new TextEncoder().encode('-----BEGIN NOTHING-----')))).toBe('trust.invalid_file');
    expect(await code(trust.import('junk.der', Uint8Array.of(0x30, 0x82, 0xff, 0xff, 1, 2, 3)))).toBe('trust.invalid_file');
    expect(await code(trust.importRoot('junk.der', Uint8Array.of(1, 2, 3)))).toBe('trust.invalid_file');
    expect(await code(trust.remove('0'.repeat(64)))).toBe('trust.not_found');
  });
});
