/**
 * The kiosk's own read path through real pcscd + vpcd + the virtual CCCD: the host in live mode
 * answering card.read over its dispatcher, and the technician CLI `read-card` as a process, both
 * with the trust store in their data folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrustStore } from '../../../electron/host/card/icao/auth/trust-store';
import { configSchema } from '../../../electron/host/config';
import { createHost, type Host } from '../../../electron/host/host';
import { silentLogger } from '../../../electron/host/log';
import { pcscdUnavailableReason } from '../../support/pcscd';
import { startCardRig, type CardRig } from '../../support/card-rig';

const skipReason = pcscdUnavailableReason();
const root = new URL('../../..', import.meta.url).pathname;
const ctx = { shell: 'test' as const, senderUrl: 'test' };

describe.skipIf(skipReason !== undefined)('kiosk card read through pcscd', () => {
  let rig: CardRig;
  let host: Host;
  let dataDir: string;

  beforeAll(async () => {
    rig = await startCardRig();
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-live-'));
    const store = new TrustStore();
    store.add(rig.card.trustedCscaDer, 'test issuer');
    await store.save(join(dataDir, 'trust', 'csca'));
    host = await createHost({
      appVersion: 'test',
      config: configSchema.parse({ dataDir }),
      mode: 'live',
      shell: 'browser',
      log: silentLogger,
      isTrustedSender: () => true,
    });
  });
  afterAll(async () => {
    await host?.close();
    await rig?.stop();
  });

  it('device.status lists the PC/SC readers and the card', async () => {
    await rig.insert({ variant: 'genuine' });
    const r = await host.dispatch('device.status', undefined, ctx);
    expect(r).toMatchObject({ ok: true, value: { cardService: 'ok', activeReader: expect.stringMatching(/^Virtual PCD 00 00/) } });
  });

  it('card.read opens with the CAN, verifies the chip, and streams progress', async () => {
    await rig.insert({ variant: 'genuine' });
    const steps = new Set<string>();
    const off = host.hub.subscribe((name, p) => name === 'card.progress' && steps.add((p as { step: string }).step));
    const r = await host.dispatch('card.read', { access: { idNumber: '001190012345' } }, ctx);
    off();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const view = r.value as { identity: { fullName: string }; verification: { overall: string; accessControl: { protocol: string } }; portrait: string };
    expect(view.identity.fullName).toBe('Nguyễn Thị Hồng Nhung');
    expect(view.verification).toMatchObject({ overall: 'genuine', accessControl: { protocol: 'PACE-CAN' } });
    expect(view.portrait).toMatch(/^data:image\/jpeg;base64,/);
    expect([...steps]).toEqual(expect.arrayContaining(['access_control', 'reading', 'verifying', 'done']));
  });

  it('card.read with BAC keys from a QR code opens a BAC-only card', async () => {
    await rig.insert({ variant: 'bac-only' });
    const r = await host.dispatch('card.read', { access: { idNumber: '001190012345', dateOfBirth: '1990-03-05', dateOfIssue: '2021-04-10' } }, ctx);
    expect(r).toMatchObject({ ok: true, value: { verification: { accessControl: { protocol: 'BAC' }, overall: 'genuine' } } });
  });

  it('card.read opens a chip that refuses the CAN with PACE and the MRZ key (typed dates)', async () => {
    await rig.insert({ variant: 'pace-mrz' });
    const r = await host.dispatch('card.read', { access: { idNumber: '001190012345', dateOfBirth: '1990-03-05', dateOfExpiry: '2030-03-05' } }, ctx);
    expect(r).toMatchObject({ ok: true, value: { verification: { accessControl: { protocol: 'PACE-MRZ', paceSkipped: 'refused' }, overall: 'genuine' } } });
  });

  it('a card pulled away mid-read gives card.removed; the next read succeeds', async () => {
    await rig.insert({ variant: 'pulled-away' });
    const r = await host.dispatch('card.read', { access: { idNumber: '001190012345' } }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'card.removed' } });
    await rig.insert({ variant: 'genuine' });
    const again = await host.dispatch('card.read', { access: { idNumber: '001190012345' } }, ctx);
    expect(again.ok).toBe(true);
  });

  it('the read-card CLI prints the verified read as JSON, and a wrong ID as a typed error', async () => {
    await rig.insert({ variant: 'genuine' });
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/read-card.ts', ...args], {
        cwd: root,
        env: { ...process.env, KIOSK_DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const ok = run(['--id', '001190012345', '--wait', '10']);
    expect(ok.status, ok.stderr).toBe(0);
    const out = JSON.parse(ok.stdout);
    expect(out).toMatchObject({ ok: true, identity: { idNumber: '001190012345' }, verification: { overall: 'genuine' } });
    expect(out.timingsMs).toEqual(expect.objectContaining({ total: expect.any(Number), access_control: expect.any(Number) }));
    const bad = run(['--id', '001190999999', '--wait', '10']);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'card.access_denied' } });
  });
});
