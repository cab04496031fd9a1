/** The demo folder policy: simulated citizens never among real dossiers, however the folders are named. */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const base = () => mkdtempSync(join(tmpdir(), 'kiosk-config-'));

describe('demo data folder', () => {
  it('is a folder of its own beside the live one by default', () => {
    const live = join(base(), 'live');
    expect(loadConfig({ KIOSK_DATA_DIR: live }, { demo: true }).dataDir).toBe(`${live}-DEMO-training`);
    expect(loadConfig({ KIOSK_DATA_DIR: live }).dataDir).toBe(live);
  });

  it.each([
    ['the live folder itself', (live: string) => live],
    ['the live folder with a trailing slash', (live: string) => `${live}/`],
    ['a folder inside the live one', (live: string) => join(live, 'demo')],
    ['a folder holding the live one', (live: string) => join(live, '..')],
  ])('refuses KIOSK_DEMO_DATA_DIR = %s', (_label, demoOf) => {
    const live = join(base(), 'live');
    expect(() => loadConfig({ KIOSK_DATA_DIR: live, KIOSK_DEMO_DATA_DIR: demoOf(live) }, { demo: true })).toThrow(ConfigError);
  });

  it("refuses a demo folder that is the config file's live dataDir, or a link to it", () => {
    const b = base();
    const live = join(b, 'real-live');
    mkdirSync(live);
    mkdirSync(join(b, 'cfg'));
    writeFileSync(join(b, 'cfg', 'config.json'), JSON.stringify({ dataDir: live }));
    symlinkSync(live, join(b, 'link'));
    const env = { KIOSK_DATA_DIR: join(b, 'cfg'), KIOSK_CONFIG: join(b, 'cfg', 'config.json') };
    expect(() => loadConfig({ ...env, KIOSK_DEMO_DATA_DIR: live }, { demo: true })).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, KIOSK_DEMO_DATA_DIR: join(b, 'link') }, { demo: true })).toThrow(ConfigError);
    expect(loadConfig({ ...env, KIOSK_DEMO_DATA_DIR: join(b, 'training') }, { demo: true }).dataDir).toBe(join(b, 'training'));
  });
});
