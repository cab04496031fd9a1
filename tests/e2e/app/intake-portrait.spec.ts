/**
 * The intake in the real app (browser shell, the app's own CSP, model and wasm served by the app):
 * read the virtual card, continue to the portrait step, and pass liveness with a real face clip in
 * Chromium's fake camera (the clip's actions match the challenge order fixed by ?seed=D12_SEED, after the clip's lead-in).
 */
import { existsSync } from 'node:fs';
import { chromium, expect, test } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import { D12_CLIP as CLIP, D12_SEED, d12Y4m } from './cooperative-hold';
import { expectLivenessPass, VERDICT_TIMEOUT_MS } from '../portrait/support';
import { fillContact, openApp, readCardInApp, shellForTests } from './shell';

async function fakeCameraBrowser() {
  const y4m = await d12Y4m();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
  });
}

let shell: RunningBrowserShell;
shellForTests((s) => (shell = s));

test('card → portrait: liveness passes in the app itself, under its CSP, with no outside request', async () => {
  test.skip(!existsSync(CLIP), 'the shared face media (../shared/faces) is not beside this checkout');
  test.setTimeout(VERDICT_TIMEOUT_MS + 60_000);
  const browser = await fakeCameraBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(shell.server.origin)) outside.push(r.url());
    });
    const { cspViolations: violations } = await readCardInApp(page, shell, D12_SEED);
    await page.getByTestId('card-continue').click();
    await fillContact(page);
    await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'portrait');
    await expectLivenessPass(page);
    expect(outside).toEqual([]);
    expect(violations).toEqual([]);
    // Cancelling the dossier asks first and returns to the home screen.
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('intake-cancel').click();
    await expect(page.getByTestId('start-intake')).toBeVisible();
  } finally {
    await browser.close();
  }
});

test('the camera used is remembered; a remembered camera that is missing is said, and another can be used', async () => {
  test.skip(!existsSync(CLIP), 'the shared face media (../shared/faces) is not beside this checkout');
  const browser = await fakeCameraBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    shell.host.context.devices.setCamera('Camera that is not plugged in');
    await openApp(page, shell);
    await page.getByTestId('start-intake').click();
    await page.locator('input[name=qr]').fill('001190012345|012345678|Nguyễn Thị Hồng Nhung|05031990|Nữ|Hà Nội|10042021');
    await page.locator('input[name=qr]').press('Enter');
    await page.getByRole('button', { name: 'Dùng dữ liệu mã QR (không đọc chip)' }).click();
    await page.locator('select[name=fallbackReason]').selectOption('reader_failed');
    await page.getByTestId('card-continue').click();
    await fillContact(page);
    const problem = page.getByTestId('camera-problem');
    await expect(problem).toHaveAttribute('data-code', 'allowedMissing', { timeout: 20_000 });
    await expect(problem).toContainText('Camera đã chọn cho máy trạm này chưa được cắm');
    await page.getByTestId('use-other-camera').click();
    await expect(page.locator('.portrait-step')).toHaveAttribute('data-phase', /^(?!starting$).+/, { timeout: 20_000 });
    const chosen = shell.host.context.devices.status().camera.allowedDeviceLabel;
    expect(chosen).toBeTruthy();
    expect(chosen).not.toBe('Camera that is not plugged in');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('intake-cancel').click();
    await expect(page.getByTestId('camera-allowed')).toContainText(chosen!);
  } finally {
    await browser.close();
  }
});
