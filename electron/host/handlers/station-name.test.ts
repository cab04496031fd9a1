/** Naming the station on the kiosk (first run, settings): the administrator only, audited, kept across restarts. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log';
import { readStationName } from '../station-name';
import { demoHost, signInAs, testCtx } from '../test-host';

async function hostOn(dataDir: string, stationName: string | null = null) {
  return demoHost('', silentLogger, { dataDir, stationName });
}

describe('station.setName', () => {
  it('the administrator names the station: system.info shows it, the audit names who, and a restarted host keeps it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-station-'));
    const host = await hostOn(dir);
    const call = (ch: string, p?: unknown) => host.dispatch(ch, p, testCtx);
    try {
      expect(await call('system.info')).toMatchObject({ ok: true, value: { stationName: null } });
      expect(await signInAs(host, 'canbo')).toBe(true);
      expect(await call('station.setName', { name: 'Công an phường Bến Nghé' })).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
      expect(await signInAs(host, 'quantri')).toBe(true);
      // NFD input and stray spaces come back as one NFC name
      const r = await call('station.setName', { name: '  Công an   phường Bến Nghé '.normalize('NFD') });
      expect(r).toEqual({ ok: true, value: { stationName: 'Công an phường Bến Nghé' } });
      expect(await call('system.info')).toMatchObject({ ok: true, value: { stationName: 'Công an phường Bến Nghé' } });
      const audit = host.context.auth.db.prepare(`SELECT actor, detail FROM audit WHERE action = 'station.named'`).all();
      expect(audit).toEqual([{ actor: host.context.auth.officer()!.id, detail: JSON.stringify({ stationName: 'Công an phường Bến Nghé' }) }]);
      for (const bad of ['ab', 'x'.repeat(121), 'Công an <script>', 'Công an\u0007phường']) {
        expect(await call('station.setName', { name: bad }), bad).toMatchObject({ ok: false, error: { code: 'station.bad_name' } });
      }
    } finally {
      host.close();
    }
    expect(readStationName(dir)).toBe('Công an phường Bến Nghé');
    const again = await hostOn(dir);
    try {
      expect(await again.dispatch('system.info', undefined, testCtx)).toMatchObject({ ok: true, value: { stationName: 'Công an phường Bến Nghé' } });
    } finally {
      again.close();
    }
  });

  it('a name in the configuration file wins and the kiosk cannot change it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-station-'));
    writeFileSync(join(dir, 'station.json'), JSON.stringify({ stationName: 'Tên cũ trên máy' }));
    const host = await hostOn(dir, 'Công an xã Tân Phú');
    try {
      expect(await host.dispatch('system.info', undefined, testCtx)).toMatchObject({ ok: true, value: { stationName: 'Công an xã Tân Phú' } });
      expect(await signInAs(host, 'quantri')).toBe(true);
      expect(await host.dispatch('station.setName', { name: 'Công an phường khác' }, testCtx)).toMatchObject({ ok: false, error: { code: 'station.fixed_by_config' } });
    } finally {
      host.close();
    }
  });

  it('a damaged station file is read as no name, never a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-station-'));
    for (const junk of ['{not json', JSON.stringify({ stationName: 'x' }), JSON.stringify({ stationName: 'Công an', extra: 1 }), '\u0000\u0001']) {
      writeFileSync(join(dir, 'station.json'), junk);
      expect(readStationName(dir), junk).toBeNull();
    }
  });
});
