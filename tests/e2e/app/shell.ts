/**
 * Starts the real browser shell (host + loopback server) in this test process, in demo mode
 * unless told otherwise, with a throwaway data folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBrowserShell, type RunningBrowserShell } from '../../../electron/browser/main';
import { configSchema } from '../../../electron/host/config';
import { silentLogger } from '../../../electron/host/log';

export async function startShell(opts: { demo?: boolean; stationName?: string } = {}): Promise<RunningBrowserShell> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  return runBrowserShell({
    appVersion: '0.0.0-e2e',
    config: configSchema.parse({ dataDir, stationName: opts.stationName ?? 'Công an phường Bến Nghé' }),
    demo: opts.demo ?? true,
    log: silentLogger,
    rendererDir: new URL('../../../out/renderer', import.meta.url).pathname,
    open: false,
  });
}
