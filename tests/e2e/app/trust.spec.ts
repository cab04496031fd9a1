/** The administrator imports the real ICAO master list (../shared/pki) through the trust screen. */
import { existsSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { sharedPath } from '../../support/shared-dir';
import { startShell } from './shell';

const ML = sharedPath('pki', 'DE_ML_2026-05-28-08-28-45.ml');
const ROOT = sharedPath('pki', 'DE_ROOT_CA_CSCA07.cer');

let shell: RunningBrowserShell;
test.beforeAll(async () => {
  shell = await startShell({ demo: true });
});
test.afterAll(async () => {
  await shell.stop();
});

test('a master list is refused without its root, then imported and searchable', async ({ page }) => {
  test.skip(!existsSync(ML), 'the shared master list (../shared/pki) is not beside this checkout');
  await page.goto(shell.server.launchUrl());
  await page.getByTestId('open-trust').click();
  await expect(page.getByTestId('trust-anchor-count')).toContainText('(1)'); // the demo CSCA
  await page.getByTestId('trust-file').setInputFiles(ML);
  await expect(page.getByTestId('trust-message')).toContainText('Chưa có chứng thư gốc');
  await page.getByTestId('trust-root-file').setInputFiles(ROOT);
  await expect(page.getByTestId('trust-message')).toContainText('Đã nhập 1');
  await page.getByTestId('trust-file').setInputFiles(ML);
  await expect(page.getByTestId('trust-message')).toContainText('Danh sách hợp lệ', { timeout: 30_000 });
  await expect(page.getByTestId('trust-message')).toContainText('588');
  await expect(page.getByTestId('trust-anchor-count')).toContainText('(589)');
  await page.getByTestId('trust-filter').fill('Vietnam');
  await expect(page.getByTestId('trust-anchors')).toContainText('CSCA ePassport Vietnam');
});

test('a file that is not a certificate gets a clear error', async ({ page }) => {
  await page.goto(shell.server.launchUrl());
  await page.getByTestId('open-trust').click();
  await page.getByTestId('trust-file').setInputFiles({ name: 'notes.pem', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByTestId('trust-message')).toContainText('không phải chứng thư');
});
