/**
 * The intake on a kiosk screen (issue 13), at 1366x768 and 1024x768, through the browser shell in
 * demo mode: for every step, the main action is in view without scrolling and has the focus (or
 * the field typed first has it), no English word shows in the Vietnamese UI, and every touch
 * target is at least 44x44 px. A chip that fails verification cannot reach the summary except
 * through a supervisor's password and a reason, and that override travels with the dossier to the
 * summary and the supervisor's approval queue.
 *
 * The portrait itself is taken in layout-portrait.spec.ts (it needs the fake camera and the shared
 * face clip); here the portrait step is seen as a kiosk without a camera shows it (intake-walk.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { bridge, consentSubmitSummary, contactAndIntegration, portraitThenResume, readCard, type StepHook } from './intake-walk';
import { expectInView, expectStepReady } from './layout-checks';
import { openApp, shellForTests, signIn, TRAINING_PASSWORD } from './shell';

let shell: RunningBrowserShell;
shellForTests((s) => (shell = s));
test.beforeEach(({ page }) => {
  page.on('pageerror', (e) => console.log('PAGEERROR', e.stack));
});
test.afterEach(async ({ page }, info) => {
  if (info.status !== info.expectedStatus) console.log('PAGE TEXT:\n' + (await page.locator('body').innerText().catch(() => '?')));
});

const call = (ch: string, p?: unknown) => bridge(shell)(ch, p);
/** Each step as it opens: opened at the top, main action in view, focus, Vietnamese only, 44 px. */
const ready = (page: Page): StepHook => (_step, main, focus) => expectStepReady(page, main, focus ?? main);

for (const viewport of [{ width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test('every step of a genuine card’s intake: main action in view and focused, Vietnamese only, 44 px targets; the next citizen starts a new intake', async ({ page }) => {
      test.setTimeout(180_000);
      await openApp(page, shell);
      await expect(page.getByTestId('today-count')).toBeVisible();
      const before = Number(await page.getByTestId('today-count').getAttribute('data-count'));
      await readCard(page, shell, 'genuine', ready(page));
      await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'genuine');
      // Identity and portrait at the top with the verdict line; the technical lines folded.
      await expectStepReady(page, page.getByTestId('card-continue'), page.getByTestId('card-continue'), { atTop: false });
      await expectInView(page.getByTestId('identity-name'));
      await expectInView(page.getByTestId('chip-portrait'));
      await expect(page.getByTestId('verify-todo')).toBeVisible();
      await expect(page.getByTestId('verify-signature')).toBeHidden();
      await page.keyboard.press('Enter');
      await contactAndIntegration(page, ready(page));
      await portraitThenResume(page, shell, ready(page));
      await consentSubmitSummary(page, ready(page));
      await expect(page.getByTestId('summary-reference')).toHaveText(/^HS-\w{10}$/);
      await expect(page.getByTestId('summary-time')).toHaveText(/^\d\d:\d\d \d\d\/\d\d\/\d{4}$/);
      await expect(page.getByTestId('verdict-row')).toHaveAttribute('data-overall', 'genuine');
      await expect(page.getByTestId('today-count')).toHaveAttribute('data-count', String(before + 1));
      // "Công dân tiếp theo" opens the next intake at its first step, not the home screen.
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('card-step')).toBeVisible();
      await expect(page.locator('input[name=qr]')).toBeFocused();
    });

    test('a chip that fails verification stops the normal path: read again, or a supervisor’s password and a reason, which reach the summary and the approval queue', async ({ page }) => {
      test.setTimeout(180_000);
      await openApp(page, shell);
      await readCard(page, shell, 'tampered-dg', ready(page));
      await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'failed');
      // No "Continue": the main action is to read again; the altered fields are named and marked.
      await expect(page.getByTestId('card-continue')).toHaveCount(0);
      await expectStepReady(page, page.getByTestId('card-read-again'), page.getByTestId('card-read-again'), { atTop: false });
      await expect(page.getByTestId('verify-altered')).toContainText('nơi thường trú');
      await expect(page.locator('.row.suspect').filter({ hasText: 'Nơi thường trú' })).toContainText('có thể đã bị sửa');

      // Going on saves the draft with its failed verdict and asks for the supervisor first.
      await page.getByTestId('card-override').click();
      await expect(page.getByTestId('chip-override')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('chip-override-verdict')).toContainText('Chip không đạt · dữ liệu bị sửa');
      const form = page.getByTestId('supervisor-confirm');
      await expectStepReady(page, form.getByTestId('supervisor-submit'), form.locator('input[name=supervisorUsername]'));
      const confirmAs = async (username: string, password: string, reason: string) => {
        await form.locator('input[name=supervisorUsername]').fill(username);
        await form.locator('input[name=supervisorPassword]').fill(password);
        await form.locator('select[name=supervisorReason]').selectOption(reason);
        await form.getByTestId('supervisor-submit').click();
      };
      // The officer's own password is not a supervisor's; nor is a wrong one; a reason is required.
      await confirmAs('canbo', TRAINING_PASSWORD, 'checked_documents');
      await expect(form.getByTestId('supervisor-error')).toContainText('cần một lãnh đạo khác');
      await confirmAs('lanhdao', 'sai-mat-khau', 'checked_documents');
      await expect(form.getByTestId('supervisor-error')).toContainText('Sai tên đăng nhập hoặc mật khẩu');
      await confirmAs('lanhdao', TRAINING_PASSWORD, '');
      await expect(form.getByTestId('supervisor-error')).toContainText('Chọn một lý do');
      // Left here and resumed later, the draft opens at this confirmation again, never past it.
      const draftId = (await page.getByTestId('dossier-id').textContent())!.match(/HS-\w{10}/)![0];
      await openApp(page, shell);
      await page.getByTestId('resume-item').filter({ hasText: draftId }).getByTestId('resume').click();
      await expect(page.getByTestId('chip-override')).toBeVisible({ timeout: 30_000 });
      await form.locator('input[name=supervisorUsername]').fill('lanhdao');
      await form.locator('select[name=supervisorReason]').selectOption('other');
      await form.locator('input[name=supervisorPassword]').fill(TRAINING_PASSWORD);
      await form.getByTestId('supervisor-submit').click();
      await expect(form.getByTestId('supervisor-error')).toContainText('cần ghi chú');
      await form.locator('input[name=supervisorNote]').fill('Đã gọi xác minh với Công an phường');
      await form.locator('input[name=supervisorPassword]').fill(TRAINING_PASSWORD);
      await form.getByTestId('supervisor-submit').click();
      // The officer is still the one signed in.
      await expect(page.getByTestId('signed-in-as')).toContainText('Cán bộ tiếp nhận');

      await contactAndIntegration(page, ready(page));
      const id = await portraitThenResume(page, shell, ready(page));
      await consentSubmitSummary(page, ready(page));
      const summary = page.getByTestId('summary');
      await expect(summary.getByTestId('verdict-row')).toHaveAttribute('data-overall', 'failed');
      await expect(summary.getByTestId('override-row')).toContainText('Khác — Đã gọi xác minh với Công an phường');
      const stored = (await call('dossier.get', { id })) as { ok: true; value: { body: { overrides: Array<{ kind: string; reason: string }> } } };
      expect(stored.value.body.overrides).toEqual([expect.objectContaining({ kind: 'chip_failed', reason: 'Khác — Đã gọi xác minh với Công an phường' })]);

      // The supervisor sees the failed chip and the override in the queue and in the dossier.
      await page.getByTestId('sign-out').click();
      await signIn(page, 'supervisor');
      await page.getByTestId('open-approval').click();
      const item = page.getByTestId('approval-item').filter({ hasText: id });
      await expect(item.getByTestId('approval-item-verdict')).toHaveAttribute('data-overall', 'failed');
      await expect(item).toContainText('Chip không đạt · lãnh đạo đã cho phép (1)');
      await item.click();
      const detail = page.getByTestId('approval-detail');
      await expect(detail.getByTestId('approval-verdict')).toContainText('Chip không đạt');
      await expect(detail.getByTestId('override-row')).toContainText('Tiếp tục dù chip không đạt: Khác — Đã gọi xác minh với Công an phường');
      await page.getByTestId('sign-out').click();
    });
  });
}
