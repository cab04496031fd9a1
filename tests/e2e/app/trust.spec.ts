/**
 * The trust screen is read-only: it lists the anchors and tells the officer that the administrator
 * changes them with `npm run trust`. A change made with that tool on the running kiosk's data
 * folder shows on the screen (the real CLI, the real ICAO master list of ../shared/pki).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { sharedPath } from '../../support/shared-dir';
import { startShell, openApp, firstRun } from './shell';

const ML = sharedPath('pki', 'DE_ML_2026-05-28-08-28-45.ml');
const ROOT = sharedPath('pki', 'DE_ROOT_CA_CSCA07.cer');
const run = promisify(execFile);

test('the trust screen only lists the anchors and names the administrator tool', async ({ page }) => {
  const shell = await startShell({ demo: true });
  try {
    await openApp(page, shell);
    await page.getByTestId('open-trust').click();
    await expect(page.getByTestId('trust-anchor-count')).toContainText('(1)'); // the demo CSCA
    await expect(page.getByTestId('trust-admin-only')).toContainText('Chỉ quản trị viên');
    await expect(page.getByTestId('trust-admin-only')).toContainText('npm run trust -- import-master-list');
    await expect(page.getByTestId('trust-screen').locator('input[type=file]')).toHaveCount(0);
    await expect(page.getByTestId('trust-screen').getByRole('button')).toHaveText(['Quay lại']);
  } finally {
    await shell.stop();
  }
});

test('a master list the administrator imports with the CLI shows on the running kiosk', async ({ page }) => {
  test.skip(!existsSync(ML), 'the shared master list (../shared/pki) is not beside this checkout');
  test.setTimeout(120_000);
  const shell = await startShell({ demo: false });
  try {
    await page.goto(shell.server.launchUrl());
    await firstRun(page);
    await page.getByTestId('open-trust').click();
    await expect(page.getByTestId('trust-anchor-count')).toContainText('(0)');
    const { stdout } = await run('npx', ['tsx', 'electron/cli/trust.ts', 'import-master-list', ML, '--signer-root', ROOT], {
      env: { ...process.env, KIOSK_DATA_DIR: shell.host.context.config.dataDir },
    });
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, value: { total: 588, added: 579 } });
    await page.getByRole('button', { name: 'Quay lại' }).click();
    await page.getByTestId('open-trust').click();
    await expect(page.getByTestId('trust-anchor-count')).toContainText('(579)', { timeout: 30_000 }); // re-reading 579 files
    await page.getByTestId('trust-filter').fill('Vietnam');
    await expect(page.getByTestId('trust-anchors')).toContainText('CSCA ePassport Vietnam');
  } finally {
    await shell.stop();
  }
});
