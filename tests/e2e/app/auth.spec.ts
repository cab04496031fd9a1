/**
 * Start-up and sign-in in the real app: the first start of a live kiosk, the locked store after a
 * restart (wrong passphrase refused and counted), sign-in errors, and sign-out clearing the screen.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { firstRun, openApp, startShell } from './shell';

test('sign-out clears every screen of personal data; a wrong password is refused in Vietnamese', async ({ page }) => {
  const shell = await startShell();
  try {
    await openApp(page, shell);
    await expect(page.getByTestId('officer-bar')).toContainText('Cán bộ tiếp nhận (đào tạo)');
    await page.getByTestId('start-intake').click();
    await page.getByRole('tab', { name: 'Nhập tay' }).click();
    await page.locator('input[name=idNumber]').fill('001190012345');
    await page.getByRole('button', { name: 'Đọc chip', exact: true }).click();
    await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'genuine', { timeout: 30_000 });
    await expect(page.getByText('Nguyễn Thị Hồng Nhung').first()).toBeVisible();

    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('sign-in')).toBeVisible();
    // (the training panel's citizen list stays: it is the demo, not an intake)
    await expect(page.locator('main').getByText('001190012345')).toHaveCount(0);
    await expect(page.getByTestId('verification')).toHaveCount(0);
    await expect(page.getByTestId('start-intake')).toHaveCount(0);

    const form = page.getByTestId('sign-in');
    await form.locator('input[name=username]').fill('canbo');
    await form.locator('input[name=password]').fill('not-the-password');
    await form.getByTestId('auth-submit').click();
    await expect(page.getByTestId('auth-error')).toContainText('Sai tên đăng nhập hoặc mật khẩu');
  } finally {
    await shell.stop();
  }
});

test('a live kiosk: first start sets it up and asks the administrator to name the station; after a restart the store is locked until the station passphrase', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-live-'));
  let shell = await startShell({ demo: false, dataDir, stationName: null });
  try {
    await page.goto(shell.server.launchUrl());
    await expect(page.locator('.topbar')).toContainText('Trạm: chưa đặt tên');
    await firstRun(page);
    await expect(page.getByTestId('officer-bar')).toContainText('quản trị viên');
    const station = page.getByTestId('station-name-form');
    await expect(station).toContainText('Đặt tên trạm trước khi tiếp nhận hồ sơ');
    await station.locator('input[name=stationName]').fill('ab');
    await station.getByTestId('station-save').click();
    await expect(station.getByTestId('station-message')).toContainText('ít nhất 3 ký tự');
    await station.locator('input[name=stationName]').fill('Công an phường Bến Nghé');
    await station.getByTestId('station-save').click();
    await expect(page.locator('.topbar')).toContainText('Trạm: Công an phường Bến Nghé');
    await expect(station).toHaveCount(0);
  } finally {
    await shell.stop();
  }
  shell = await startShell({ demo: false, dataDir, stationName: null });
  try {
    await page.goto(shell.server.launchUrl());
    await expect(page.locator('.topbar')).toContainText('Trạm: Công an phường Bến Nghé');
    const unlock = page.getByTestId('unlock');
    await expect(unlock).toBeVisible();
    await unlock.locator('input[name=passphrase]').fill('sai mật khẩu trạm 2026');
    await unlock.getByTestId('auth-submit').click();
    await expect(page.getByTestId('auth-error')).toContainText('Sai mật khẩu trạm');
    await expect(page.getByTestId('unlock-failures')).toContainText('Đã nhập sai 1 lần');
    await unlock.locator('input[name=passphrase]').fill('trạm thử nghiệm e2e 2026');
    await unlock.getByTestId('auth-submit').click();
    const signIn = page.getByTestId('sign-in');
    await expect(signIn).toBeVisible({ timeout: 30_000 });
    await signIn.locator('input[name=username]').fill('qtv01');
    await signIn.locator('input[name=password]').fill('Quản-trị-2026!');
    await signIn.getByTestId('auth-submit').click();
    await expect(page.getByTestId('officer-bar')).toBeVisible({ timeout: 30_000 });
  } finally {
    await shell.stop();
  }
});
