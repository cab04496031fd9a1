/**
 * No dead end after the last failed liveness attempt (issue 13 item 5), in the real app with a
 * printed photo held to Chromium's fake camera: after three failed attempts the screen offers the
 * supervisor's actions; the supervisor's password allows one more attempt (recorded for this
 * dossier), and after that one fails too, the supervisor ends the intake with a reason: the draft
 * is erased and the audit keeps who ended it, why, and for which dossier.
 */
import { existsSync } from 'node:fs';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { chromiumArgs } from '../../../electron/cli/pad-eval/page';
import { CHROMIUM_PATH } from '../../support/chromium';
import { FACES, VERDICT_TIMEOUT_MS, y4m } from '../portrait/support';
import { expectInView, englishWords, smallTargets } from './layout-checks';
import { fillContact, readCardInApp, startShell, TRAINING_PASSWORD } from './shell';

const PHOTO = 'photos/liveportrait_s11_printed_photo_in_hand.jpg';

let shell: RunningBrowserShell;
let browser: Browser;
test.beforeAll(async () => {
  if (!existsSync(`${FACES}/${PHOTO}`)) return;
  shell = await startShell();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs(await y4m(PHOTO)) });
});
test.afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

async function failedAttempt(page: Page): Promise<void> {
  await expect(page.locator('.portrait-step')).toHaveAttribute('data-verdict', 'fail', { timeout: VERDICT_TIMEOUT_MS });
}

async function supervisorConfirms(page: Page, reason?: string): Promise<void> {
  const form = page.getByTestId('supervisor-confirm');
  await expect(form.locator('input[name=supervisorUsername]')).toBeFocused();
  await form.locator('input[name=supervisorUsername]').fill('lanhdao');
  await form.locator('input[name=supervisorPassword]').fill(TRAINING_PASSWORD);
  if (reason) await form.locator('select[name=supervisorReason]').selectOption(reason);
  await form.getByTestId('supervisor-submit').click();
}

test('after the last failed attempt a supervisor allows one more, then ends the intake with a reason', async () => {
  test.skip(!existsSync(`${FACES}/${PHOTO}`), 'the shared face media (../shared/faces) is not beside this checkout');
  test.setTimeout(5 * VERDICT_TIMEOUT_MS);
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  try {
    await readCardInApp(page, shell, 5);
    await page.getByTestId('card-continue').click();
    await fillContact(page);
    const id = (await page.getByTestId('dossier-id').textContent())!.match(/HS-\w{10}/)![0];
    for (let n = 1; n < 3; n++) {
      await failedAttempt(page);
      await page.getByRole('button', { name: 'Làm lại' }).click();
    }
    await failedAttempt(page);
    await expect(page.getByTestId('too-many')).toContainText('Mời lãnh đạo');
    const retry = page.getByTestId('supervisor-retry');
    await expect(retry).toBeFocused();
    await expectInView(retry);
    await expectInView(page.getByTestId('supervisor-end'));
    expect(await englishWords(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);

    await retry.click();
    await supervisorConfirms(page);
    // One more session runs (and this photo fails it again).
    await expect(page.locator('.portrait-step')).toHaveAttribute('data-verdict', 'pending');
    await failedAttempt(page);
    await page.getByTestId('supervisor-end').click();
    await supervisorConfirms(page, 'suspected_spoof');
    await expect(page.getByTestId('start-intake')).toBeVisible({ timeout: 30_000 });

    const ctx = { shell: 'browser' as const, senderUrl: shell.server.origin };
    expect(await shell.host.dispatch('dossier.get', { id }, ctx)).toMatchObject({ ok: false, error: { code: 'dossier.not_found' } });
    const audit = shell.host.context.auth.db
      .prepare("SELECT json_extract(detail, '$.purpose') AS purpose, json_extract(detail, '$.reason') AS reason FROM audit WHERE action = 'auth.supervisor_checked' AND dossier_id = ? ORDER BY seq")
      .all(id);
    expect(audit).toEqual([
      { purpose: 'liveness_retry', reason: null },
      { purpose: 'end_intake', reason: 'Nghi vấn giả mạo khuôn mặt' },
    ]);
  } finally {
    await page.close();
  }
});
