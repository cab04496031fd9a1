/**
 * The contact step's rules, and a submitted dossier reaching the supervisor's approval over the
 * bridge. (The whole intake with the live portrait, consent and submission is in
 * intake-portrait-review.spec.ts.)
 */
import { expect, test } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { openApp, shellForTests, skipIntegration, storeChipDossier } from './shell';

let shell: RunningBrowserShell;
shellForTests((s) => (shell = s));

test('the contact step refuses a landline and a foreign number, accepts +84, and says why in Vietnamese', async ({ page }) => {
  await openApp(page, shell);
  await page.getByTestId('start-intake').click();
  await page.getByRole('tab', { name: 'Nhập tay' }).click();
  await page.locator('input[name=idNumber]').fill('001190012345');
  await page.getByRole('button', { name: 'Đọc chip', exact: true }).click();
  await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'genuine', { timeout: 30_000 });
  await page.getByTestId('card-continue').click();
  const step = page.getByTestId('contact-step');
  const mobile = step.locator('input[name=mobile]');
  // The step opens on the field the officer types into first (the region is named by its heading).
  await expect(mobile).toBeFocused();
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
  await skipIntegration(page);
  await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'portrait');
});

test('a supervisor sees the submitted dossier with both portraits, returns one with a reason and approves another (queued for upload)', async ({ page }) => {
  const ctx = { shell: 'browser' as const, senderUrl: shell.server.origin };
  const call = (ch: string, p?: unknown) => shell.host.dispatch(ch, p, ctx) as Promise<{ ok: boolean; value?: { id: string; revision: number } }>;
  // The officer's side over the bridge (the screens for it are covered by intake-portrait-review.spec.ts).
  await call('auth.signOut');
  expect((await call('auth.signIn', { username: 'canbo', password: 'Demo-2026!' })).ok).toBe(true);
  const ids: string[] = [];
  for (const [idNumber, fullName] of [['001190000111', 'Lê Văn Một'], ['001190000222', 'Phạm Thị Hai']] as const) {
    const id = storeChipDossier(shell, { idNumber, fullName });
    expect((await call('dossier.submit', { id })).ok).toBe(true);
    ids.push(id);
  }

  await openApp(page, shell, { role: 'supervisor' });
  await page.getByTestId('open-approval').click();
  const queue = page.getByTestId('approval-queue');
  await expect(queue.getByTestId('approval-item')).toHaveCount(2);
  await queue.getByTestId('approval-item').filter({ hasText: 'Lê Văn Một' }).click();
  const detail = page.getByTestId('approval-detail');
  await expect(detail).toContainText('001190000111');
  await expect(detail).toContainText('từ chip, đã xác thực');
  await expect(detail.getByTestId('approval-live')).toBeVisible();
  await expect(detail.getByRole('img', { name: 'Ảnh trong chip' })).toBeVisible();
  await expect(detail.getByTestId('return')).toBeDisabled();
  await detail.locator('input[name=reason]').fill('Ảnh chân dung bị mờ, chụp lại');
  await detail.getByTestId('return').click();
  await expect(queue.getByTestId('approval-item')).toHaveCount(1);

  await queue.getByTestId('approval-item').click();
  await page.getByTestId('approval-detail').getByTestId('approve').click();
  await expect(page.getByTestId('approval-empty')).toBeVisible();

  const counts = await shell.host.dispatch('dossier.counts', undefined, ctx);
  expect(counts).toMatchObject({ ok: true, value: { counts: { returned: 1, queued: 1 } } });
  const returned = await shell.host.dispatch('dossier.get', { id: ids[0] }, ctx);
  expect(returned).toMatchObject({ ok: true, value: { row: { state: 'returned', returnReason: 'Ảnh chân dung bị mờ, chụp lại' } } });
});
