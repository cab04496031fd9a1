/**
 * The face comparison in the real app (browser shell): the demo card carries another person's face
 * (a chip-like 300×400 JPEG of a woman from the shared faces) while the fake camera shows the d12
 * man, who passes liveness (his clip's actions match ?seed=D12_SEED) — an impostor with someone else's
 * card. The submit step says "does not match" with the score, submission is refused until the
 * officer ticks and confirms, and the supervisor sees the acknowledged mismatch.
 */
import { existsSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { decodePortrait } from '../../../electron/host/face/decode';
import { chipPortrait, HAVE_FACES } from '../../../electron/host/face/test-faces';
import { expectLivenessPass, VERDICT_TIMEOUT_MS } from '../portrait/support';
import { D12_CLIP, D12_SEED, holdCameraBrowser } from './cooperative-hold';
import { fillContact, readCardInApp, signIn, startShell } from './shell';

const HAVE_MEDIA = HAVE_FACES && existsSync(D12_CLIP);

let shell: RunningBrowserShell;
let browser: Browser;
test.beforeAll(async () => {
  if (!HAVE_MEDIA) return;
  shell = await startShell();
  browser = await holdCameraBrowser();
});
test.afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

test('a card carrying another person\'s face: "does not match" with the score, the officer must acknowledge, the supervisor sees it', async () => {
  test.skip(!HAVE_MEDIA, 'the shared face media (../shared/faces) is not beside this checkout');
  test.setTimeout(VERDICT_TIMEOUT_MS + 180_000);
  const chip = await chipPortrait('aoc', 'jpeg300');
  const { width, height } = decodePortrait(chip);
  await shell.host.context.demo!.set({ present: true, citizen: 'nhung', portrait: { bytes: chip, width, height } });

  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  try {
    await readCardInApp(page, shell, D12_SEED);
    await page.getByTestId('card-continue').click();
    await fillContact(page);
    await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'portrait');
    await expectLivenessPass(page);
    const review = page.getByTestId('portrait-review');
    await expect(review).toBeVisible({ timeout: 30_000 });
    await review.getByRole('button', { name: 'Xác nhận ảnh' }).click();
    await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'consent');
    await page.getByTestId('citizen-agrees').check();
    await page.getByTestId('officer-confirms').click();

    const step = page.getByTestId('submit-step');
    const notice = step.getByTestId('face-match');
    await expect(notice).toHaveAttribute('data-decision', 'no_match', { timeout: 60_000 });
    await expect(notice).toContainText('Không khớp với ảnh trong chip');
    await expect(notice.getByTestId('face-score')).toHaveText(/^Điểm giống nhau 0,\d\d \(ngưỡng 0,50\)$/);
    await expect(notice).toHaveAttribute('data-acknowledged', 'false');

    // Not silently: the submission is refused until the officer acknowledges.
    await step.getByTestId('submit-dossier').click();
    await expect(step.getByTestId('submit-error')).toHaveAttribute('data-code', 'dossier.override_required');
    await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'submit');
    const confirm = notice.getByTestId('face-ack-confirm');
    await expect(confirm).toBeDisabled();
    await notice.getByTestId('face-ack-check').check();
    await confirm.click();
    await expect(notice).toHaveAttribute('data-acknowledged', 'true');
    await expect(notice).toContainText('Cán bộ đã xác nhận kết quả không khớp.');
    await step.getByTestId('submit-dossier').click();
    await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'summary', { timeout: 30_000 });
    const id = (await page.getByTestId('dossier-reference').textContent())!.match(/HS-[2-9A-HJ-NP-Z]{10}/)![0];

    // The host's record travels with the dossier: the supervisor sees the mismatch and its acknowledgement.
    const ctx = { shell: 'browser' as const, senderUrl: shell.server.origin };
    const got = (await shell.host.dispatch('dossier.get', { id }, ctx)) as { ok: boolean; value: { body: { portrait: { faceMatch: unknown } } } };
    expect(got.value.body.portrait.faceMatch).toMatchObject({ decision: 'no_match', acknowledged: true, threshold: 0.5 });
    await page.getByTestId('sign-out').click();
    await signIn(page, 'supervisor');
    await page.getByTestId('open-approval').click();
    await page.getByTestId('approval-queue').getByTestId('approval-item').filter({ hasText: id }).click();
    const detail = page.getByTestId('approval-detail');
    await expect(detail.getByTestId('face-match')).toHaveAttribute('data-decision', 'no_match');
    await expect(detail.getByTestId('face-match')).toContainText('Không khớp với ảnh trong chip');
    await expect(detail.getByTestId('face-match')).toContainText('Cán bộ đã xác nhận kết quả không khớp.');
  } finally {
    await page.context().close();
  }
});
