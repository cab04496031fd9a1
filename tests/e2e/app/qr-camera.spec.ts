/**
 * The card's QR code read from the webcam: Chromium's fake camera plays a real QR image (made with
 * zxing-wasm's writer, converted to y4m with ffmpeg) and the renderer decodes it with zxing-wasm,
 * whose wasm the app serves itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import { startShell, openApp } from './shell';

const PAYLOAD = '079088004321||Trần Đức Anh|20111958|Nam|Phường Bến Nghé, Quận 1, TP Hồ Chí Minh|01072021||||';
const Y4M = join(mkdtempSync(join(tmpdir(), 'kiosk-qr-')), 'qr.y4m');

test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${Y4M}`],
  },
});

let shell: RunningBrowserShell;
test.beforeAll(async () => {
  // The writer's wasm from node_modules (its default would be a CDN).
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/writer/zxing_writer.wasm'));
  prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) } });
  const { image } = await writeBarcode(PAYLOAD, { format: 'QRCode', scale: 4, ecLevel: 'M' });
  const png = Y4M.replace(/\.y4m$/, '.png');
  writeFileSync(png, Buffer.from(await image!.arrayBuffer()));
  // A card held up to the camera: the code on a grey background, a little off-centre.
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=gray:s=640x480:d=2', '-i', png,
    '-filter_complex', '[1]scale=300:-1[q];[0][q]overlay=x=200:y=110', '-frames:v', '20', '-r', '10', '-pix_fmt', 'yuv420p', Y4M]);
  shell = await startShell();
});
test.afterAll(async () => {
  await shell?.stop();
});

test('the QR code is read from the camera, with Vietnamese text intact, and opens a no-expiry card', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(shell.server.origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url());
  });
  await openApp(page, shell);
  await page.getByTestId('demo-citizen').selectOption('ducanh');
  await page.getByTestId('demo-variant').selectOption('bac-only');
  await page.getByTestId('demo-place').click();
  await page.getByTestId('start-intake').click();
  await page.getByTestId('qr-camera-open').click();
  await expect(page.getByTestId('qr-scanned')).toContainText('Trần Đức Anh', { timeout: 20_000 });
  await expect(page.getByTestId('qr-camera')).toHaveCount(0);
  await page.getByRole('button', { name: 'Đọc chip', exact: true }).click();
  await expect(page.getByTestId('verification')).toContainText('BAC', { timeout: 30_000 });
  await expect(page.getByTestId('identity-name')).toHaveText('Trần Đức Anh');
  expect(outside).toEqual([]);
});
