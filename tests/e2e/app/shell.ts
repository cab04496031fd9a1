/**
 * Starts the real browser shell (host + loopback server) in this test process, in demo mode
 * unless told otherwise, with a throwaway data folder.
 */
import { mkdtempSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
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

/**
 * Opens the app with the liveness order fixed by `seed` (demo mode only) and reads the virtual
 * card by its ID number, up to a genuine verdict. Returns the CSP violations seen on the way.
 */
export async function readCardInApp(page: Page, shell: RunningBrowserShell, seed: number): Promise<{ cspViolations: string[] }> {
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  const url = new URL(shell.server.launchUrl());
  await page.goto(`${url.origin}/?seed=${seed}${url.hash}`);
  await page.getByTestId('start-intake').click();
  await page.getByRole('tab', { name: 'Nhập tay' }).click();
  await page.locator('input[name=idNumber]').fill('001190012345');
  await page.getByRole('button', { name: 'Đọc chip', exact: true }).click();
  await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'genuine', { timeout: 30_000 });
  return { cspViolations };
}
