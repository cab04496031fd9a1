/**
 * The administrator's settings screen: only the administrator finds it on the home screen; a value
 * out of bounds is explained before anything is sent; a saved change is what the host answers with.
 */
import { expect, test } from '@playwright/test';
import { openApp, signIn, startShell } from './shell';

test('only the administrator opens the settings; a change is saved and shown after reopening', async ({ page }) => {
  const shell = await startShell({ demo: true });
  try {
    await openApp(page, shell, { role: 'officer' });
    await expect(page.getByTestId('open-settings')).toHaveCount(0);
    await signIn(page, 'supervisor');
    await expect(page.getByTestId('open-settings')).toHaveCount(0);

    await signIn(page, 'admin');
    await page.getByTestId('open-settings').click();
    const days = page.getByTestId('setting-retentionDays');
    await expect(days).toHaveValue('30');
    await expect(page.getByTestId('setting-idleLockMinutes')).toHaveValue('5');
    await days.fill('0');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-message')).toContainText('từ 1 đến 3650');
    await days.fill('45');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-message')).toContainText('Đã lưu');

    await page.getByRole('button', { name: 'Quay lại' }).click();
    await page.getByTestId('open-settings').click();
    await expect(page.getByTestId('setting-retentionDays')).toHaveValue('45');
  } finally {
    await shell.stop();
  }
});
