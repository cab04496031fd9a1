import { existsSync } from 'node:fs';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../../electron/cli/electron-binary';

const exe = electronBinary();
const built = existsSync(new URL('../../../out/main/index.js', import.meta.url));

test.describe('Electron shell', () => {
  test.skip(!exe, 'Electron binary not installed: it cannot be downloaded on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD); the browser-shell project covers the app, and the Electron rules are unit-tested against a mocked electron module');
  test.skip(!built, 'out/main is not built: run `npm run build` first');

  test('opens the locked-down window in demo mode and answers device.status', async () => {
    const app = await electron.launch({ executablePath: exe!, args: [new URL('../../..', import.meta.url).pathname, '--demo'] });
    const page = await app.firstWindow();
    await expect(page.getByTestId('demo-banner')).toBeVisible();
    await expect(page.getByTestId('readers')).toContainText('Đầu đọc CCCD ảo (đào tạo)');
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!;
      return w.webContents.getURL();
    });
    expect(prefs).toMatch(/^app:\/\/kiosk\//);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  });
});
