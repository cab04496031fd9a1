/**
 * The contact step's rules, and a submitted dossier reaching the supervisor's approval over the
 * bridge. (The whole intake with the live portrait, consent and submission is in
 * intake-portrait-review.spec.ts.)
 */
import { expect, test } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { openApp, startShell } from './shell';

let shell: RunningBrowserShell;
test.beforeAll(async () => {
  shell = await startShell();
});
test.afterAll(async () => {
  await shell.stop();
});

test('the contact step refuses a landline and a foreign number, accepts +84, and says why in Vietnamese', async ({ page }) => {
  await openApp(page, shell);
  await page.getByTestId('start-intake').click();
  await page.getByRole('tab', { name: 'Nhập tay' }).click();
  await page.locator('input[name=idNumber]').fill('001190012345');
  await page.getByRole('button', { name: 'Đọc chip', exact: true }).click();
  await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'genuine', { timeout: 30_000 });
  await page.getByTestId('card-continue').click();
  const step = page.getByTestId('contact-step');
  await expect(step.getByRole('heading')).toBeFocused();
  const mobile = step.locator('input[name=mobile]');
  for (const [value, text] of [
    ['', 'Hãy nhập số điện thoại di động'],
    ['028 3812 3456', 'không phải số di động'],
    ['+1 202 555 0123', 'Chỉ nhận số di động Việt Nam'],
  ] as const) {
    await mobile.fill(value);
    await step.getByTestId('contact-next').click();
    await expect(page.getByTestId('contact-error')).toContainText(text);
  }
  await step.locator('input[name=email]').fill('not-an-email');
  await mobile.fill('+84 912 345 678');
  await step.getByTestId('contact-next').click();
  await expect(page.getByTestId('contact-error')).toContainText('thư điện tử không hợp lệ');
  await step.locator('input[name=email]').fill('');
  await step.getByTestId('contact-next').click();
  await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'portrait');
});
