import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrustStore } from '../card/icao/auth/trust-store';
import { readCard } from '../card/read-card';
import { DemoCards } from './demo-cards';
import { NHUNG } from './lds-builder/sample-citizens';

describe('demo cards', () => {
  it('place and lift the virtual card on the simulated reader', async () => {
    const demo = new DemoCards();
    expect(demo.watcher.readers()).toEqual([expect.objectContaining({ cardPresent: false })]);
    expect(await demo.set({ present: true, variant: 'bac-only', citizen: 'ducanh' })).toEqual({ present: true, variant: 'bac-only', citizen: 'ducanh' });
    expect(demo.watcher.readers()[0]!.cardPresent).toBe(true);
    await demo.set({ present: false });
    expect(demo.watcher.readers()[0]!.cardPresent).toBe(false);
    await demo.close();
  });
});

describe('the CSCA offered for download in demo mode', () => {
  it('is the trust anchor of the demo card: a reader trusting only it finds the SOD chain trusted', async () => {
    const csca = DemoCards.cscaExport();
    expect(createHash('sha256').update(Buffer.from(csca.derBase64, 'base64')).digest('hex')).toBe(csca.sha256);
    expect(csca.subject).toMatch(/Test CSCA Vietnam/);
    const demo = new DemoCards();
    await demo.set({ present: true, variant: 'genuine', citizen: 'nhung' });
    const trust = new TrustStore();
    trust.add(new Uint8Array(Buffer.from(csca.derBase64, 'base64')), 'downloaded');
    const transport = demo.watcher.transportFor(demo.watcher.readerName)!;
    const r = await readCard(transport, { keys: { can: NHUNG.idNumber.slice(-6) }, trustStore: trust });
    expect(r.verification.passive.chain.status).toBe('trusted');
    await demo.close();
  });
});

describe('virtual card CLI --csca-out', () => {
  it('writes the same CSCA the card reports, as DER', () => {
    const dir = mkdtempSync(join(tmpdir(), 'csca-'));
    const out = join(dir, 'csca.der');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/sim/virtual-cccd/cli.ts', '--control', '--csca-out', out], { input: '', encoding: 'utf8', timeout: 30_000 });
    const ready = JSON.parse(r.stdout.split('\n')[0] ?? '{}') as { cscaDer?: string };
    expect(readFileSync(out).toString('hex')).toBe(ready.cscaDer);
    rmSync(dir, { recursive: true, force: true });
  }, 40_000);
});
