/**
 * The portrait step on a kiosk screen (issue 13 items 3, 4), at 1366x768 and 1024x768, with a real
 * face clip in Chromium's fake camera (?seed=D12_SEED asks for the clip's actions): the step opens at
 * the top, so the challenge prompt and the whole preview are in view during a challenge; the
 * review shows both photos, "Đạt 9/9 tiêu chí" and its buttons in one view with Confirm focused,
 * the measures folded under "Chi tiết"; Vietnamese only, 44 px targets throughout.
 */
import { existsSync } from 'node:fs';
import { chromium, expect, test, type Browser } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import { cooperativeHoldY4m, D12_CLIP, D12_SEED } from './cooperative-hold';
import { expectLivenessPass, VERDICT_TIMEOUT_MS } from '../portrait/support';
import { expectInView, expectStepReady, englishWords, smallTargets } from './layout-checks';
import { fillContact, readCardInApp, startShell } from './shell';

let shell: RunningBrowserShell;
let browser: Browser;
test.beforeAll(async () => {
  if (!existsSync(D12_CLIP)) return;
  shell = await startShell();
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${await cooperativeHoldY4m()}`],
  });
});
test.afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

for (const viewport of [{ width: 1366, height: 768 }, { width: 1024, height: 768 }]) {
  test(`at ${viewport.width}x${viewport.height}: the challenge and the preview in view from the start; the review in one view with Confirm focused`, async () => {
    test.skip(!existsSync(D12_CLIP), 'the shared face media (../shared/faces) is not beside this checkout');
    test.setTimeout(VERDICT_TIMEOUT_MS + 120_000);
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    try {
      await readCardInApp(page, shell, D12_SEED);
      // Scroll the card step down, as an officer reading the folded data would: the portrait step must not inherit it.
      await page.locator('details.more-fields summary').click();
      await page.mouse.wheel(0, 600);
      await page.getByTestId('card-continue').click();
      await fillContact(page);
      await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'portrait');
      expect(await page.evaluate(() => scrollY)).toBe(0);

      const guidance = page.getByTestId('guidance');
      await expect(guidance).toHaveAttribute('data-challenge', /\w+/, { timeout: VERDICT_TIMEOUT_MS });
      await expectInView(guidance);
      await expectInView(page.locator('.portrait-preview'));
      expect(await englishWords(page)).toEqual([]);
      expect(await smallTargets(page)).toEqual([]);

      await expectLivenessPass(page);
      const review = page.getByTestId('portrait-review');
      await expect(review).toBeVisible({ timeout: 30_000 });
      await expectStepReady(page, review.getByTestId('confirm'), review.getByTestId('confirm'), { atTop: false });
      await expectInView(review.getByTestId('captured-portrait'));
      await expectInView(review.getByTestId('review-chip-portrait'));
      await expect(review.getByTestId('review-passed')).toHaveText('Đạt 9/9 tiêu chí');
      await expect(review.locator('table.portrait-report')).toBeHidden();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('consent-step')).toBeVisible({ timeout: 30_000 });
      expect(await page.evaluate(() => scrollY)).toBe(0);
      // MediaPipe's informational lines ("INFO: Created TensorFlow Lite XNNPACK delegate") are not errors.
      expect(consoleErrors.filter((e) => /^INFO: |XNNPACK/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
}
