/**
 * The end of the portrait step in the real app (browser shell, the app's own CSP): after liveness
 * passes, the portrait is captured automatically once every ICAO check has held for 500 ms, the
 * review shows it beside the chip portrait with the quality report, and the officer confirms
 * (click or Enter) — the intake then asks for consent and submits the dossier — or retakes (R or the button), which goes
 * back to live capture with a fresh session.
 *
 * Camera input: the shared d12 clip (after its lead-in, its actions match ?seed=D12_SEED) followed by a short hold of the
 * same person, still and frontal (see cooperative-hold.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import { cooperativeHoldY4m, D12_CLIP, D12_SEED } from './cooperative-hold';
import { expectLivenessPass, VERDICT_TIMEOUT_MS } from '../portrait/support';
import { fillContact, giveConsentAndSubmit, readCardInApp, signIn, startShell } from './shell';

/** Every measure the review's quality report lists (ISO/IEC 29794-5 / OFIQ names, in each row's data-measure). */
const MEASURES = [
  'SingleFacePresent', 'InterEyeDistance', 'HeadSize',
  'LeftwardCropOfTheFaceImage', 'RightwardCropOfTheFaceImage', 'MarginAboveOfTheFaceImage', 'MarginBelowOfTheFaceImage',
  'HeadPoseYaw', 'HeadPosePitch', 'HeadPoseRoll', 'EyesOpen', 'MouthClosed', 'FaceOcclusionPrevention',
  'LuminanceMean', 'IlluminationUniformity', 'UnderExposurePrevention', 'OverExposurePrevention', 'Sharpness',
];

let shell: RunningBrowserShell;
let browser: Browser;
test.beforeAll(async () => {
  if (!existsSync(D12_CLIP)) return;
  shell = await startShell();
  const y4m = await cooperativeHoldY4m();
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
  });
});
test.afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});
test.beforeEach(() => {
  test.skip(!existsSync(D12_CLIP), 'the shared face media (../shared/faces) is not beside this checkout');
  test.setTimeout(VERDICT_TIMEOUT_MS + 90_000);
});

interface AtReview {
  page: Page;
  /** The chip portrait's URL as the card step showed it. */
  chipSrc: string;
  cspViolations: string[];
}

/** Card (demo virtual card, read by ID number) → portrait → liveness pass → auto-capture → review. */
async function reachReview(): Promise<AtReview> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const { cspViolations } = await readCardInApp(page, shell, D12_SEED);
  const chipSrc = await page.getByTestId('chip-portrait').getAttribute('src');
  expect(chipSrc, 'the virtual card carries a portrait (DG2)').toBeTruthy();
  await page.getByTestId('card-continue').click();
  await fillContact(page);
  await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'portrait');

  await expectLivenessPass(page);
  // Auto-capture needs 500 ms of camera time with every check held (the clip's hold follows the verdict).
  await expect(page.getByTestId('portrait-review')).toBeVisible({ timeout: 30_000 });
  const step = page.locator('.portrait-step');
  // The session is over: captured after the pass, and the verdict still stands.
  await expect(step).toHaveAttribute('data-phase', 'done');
  await expect(step).toHaveAttribute('data-verdict', 'pass');
  return { page, chipSrc: chipSrc!, cspViolations };
}

/** The bytes behind a blob: URL of the page, saved through a download. */
async function blobBytes(page: Page, url: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.evaluate((u) => {
      const a = document.createElement('a');
      a.href = u;
      a.download = 'portrait.jpg';
      a.click();
    }, url),
  ]);
  return readFileSync(await download.path());
}

/** Whether an image URL loads in the page (an <img> may load blob: URLs under the app's CSP). */
function loads(page: Page, url: string): Promise<boolean> {
  return page.evaluate((u) => new Promise<boolean>((resolve) => {
    const img = new Image();
    img.onload = () => resolve(true);
    img.onerror = () => resolve(false);
    img.src = u;
  }), url);
}

/** Width and height from a JPEG's start-of-frame segment; null when it is not a JPEG. */
function jpegSize(b: Buffer): { width: number; height: number } | null {
  if (b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length && b[i] === 0xff) {
    const marker = b[i + 1] ?? 0;
    if (marker >= 0xc0 && marker <= 0xc2) return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    i += 2 + b.readUInt16BE(i + 2);
  }
  return null;
}

test('liveness passes, the portrait is captured automatically and reviewed beside the chip portrait; Confirm (click) leads to consent and submission, and a supervisor approves the dossier (queued for upload)', async () => {
  const { page, chipSrc, cspViolations } = await reachReview();
  try {
    const review = page.getByTestId('portrait-review');
    const captured = review.getByTestId('captured-portrait');
    const chip = review.getByRole('img', { name: 'Ảnh trong chip CCCD' });
    await expect(captured).toBeVisible();
    await expect(chip).toBeVisible();
    // The live preview is hidden (not unmounted) while reviewing.
    await expect(page.locator('.portrait-live')).toBeHidden();

    // The captured portrait: a blob URL the page decodes (under the app's CSP) at 480x640…
    const src = (await captured.getAttribute('src'))!;
    expect(src).toMatch(/^blob:/);
    await expect.poll(() => captured.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    const shown = await captured.evaluate((el: HTMLImageElement) => {
      // Not a blank picture: the grey levels of the decoded portrait spread out.
      const c = document.createElement('canvas');
      c.width = el.naturalWidth;
      c.height = el.naturalHeight;
      const ctx = c.getContext('2d');
      if (!ctx) return null;
      ctx.drawImage(el, 0, 0);
      const px = ctx.getImageData(0, 0, c.width, c.height).data;
      let sum = 0;
      let sq = 0;
      for (let i = 0; i < px.length; i += 4) {
        const g = 0.299 * (px[i] ?? 0) + 0.587 * (px[i + 1] ?? 0) + 0.114 * (px[i + 2] ?? 0);
        sum += g;
        sq += g * g;
      }
      const n = px.length / 4;
      return { w: el.naturalWidth, h: el.naturalHeight, std: Math.sqrt(sq / n - (sum / n) ** 2) };
    });
    expect(shown && { w: shown.w, h: shown.h }).toEqual({ w: 480, h: 640 });
    expect(shown?.std).toBeGreaterThan(20);
    // …and whose bytes are a baseline/progressive JPEG of 480x640 (read through a download: the
    // CSP's connect-src rightly keeps fetch() away from blob: URLs).
    const jpeg = await blobBytes(page, src);
    expect(jpeg.length).toBeGreaterThan(10_000);
    expect(jpegSize(jpeg)).toEqual({ width: 480, height: 640 });
    await test.info().attach('captured portrait', { body: jpeg, contentType: 'image/jpeg' });

    // The chip portrait is the one read from the card, decoded.
    expect(await chip.getAttribute('src')).toBe(chipSrc);
    await expect.poll(() => chip.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);

    // Side by side: the captured portrait on the left, the chip portrait on its right, same row.
    const a = (await captured.boundingBox())!;
    const b = (await chip.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(a.x + a.width);
    expect(Math.abs(b.y - a.y)).toBeLessThan(a.height / 2);

    // "Đạt 9/9 tiêu chí" with the checklist in words; the measures are folded under "Chi tiết".
    await expect(review.getByTestId('review-passed')).toHaveText('Đạt 9/9 tiêu chí');
    await expect(review.locator('.portrait-checklist li[data-ok=true]')).toHaveCount(9);
    const report = review.locator('table.portrait-report');
    await expect(report).toBeHidden();
    await review.getByTestId('review-details').locator('summary').click();
    await expect(report).toBeVisible();
    const rows = report.locator('tbody tr');
    await expect(rows).toHaveCount(MEASURES.length);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-measure')))).toEqual(MEASURES);
    const labels = await rows.locator('td:first-child').allTextContents();
    expect(labels.filter((l) => MEASURES.includes(l)), 'shown in Vietnamese, not by their standard names').toEqual([]);
    await expect(report.locator('tbody tr.warn')).toHaveCount(0);
    const value = async (name: string) => Number(await report.locator(`tbody tr[data-measure=${name}]`).getAttribute('data-value'));
    expect(await value('SingleFacePresent')).toBe(1);
    const ied = await value('InterEyeDistance');
    expect(ied).toBeGreaterThanOrEqual(56);
    expect(ied).toBeLessThanOrEqual(120);
    expect(Math.abs(await value('HeadPoseYaw'))).toBeLessThanOrEqual(5);
    expect(Math.abs(await value('HeadPosePitch'))).toBeLessThanOrEqual(5);
    expect(await value('EyesOpen')).toBeGreaterThanOrEqual(0.6);
    expect(await value('Sharpness')).toBeGreaterThanOrEqual(20);

    await review.getByRole('button', { name: 'Xác nhận ảnh' }).click();
    await expect(page.locator('.portrait-step')).toHaveCount(0);
    // consent → review → submitted: the dossier is saved, encrypted, and waits for a supervisor
    await giveConsentAndSubmit(page);
    const summary = page.getByTestId('summary');
    await expect(summary).toContainText('001190012345');
    await expect(summary).toContainText('Ảnh chân dung đã chụp và kiểm tra người thật.');
    await expect(page.getByTestId('dossier-reference')).toContainText(/Đã nộp hồ sơ HS-[2-9A-HJ-NP-Z]{10}/);
    const id = (await page.getByTestId('dossier-reference').textContent())!.match(/HS-[2-9A-HJ-NP-Z]{10}/)![0];

    // A supervisor signs in on the same screen, finds it in the approval queue and approves it.
    await page.getByTestId('sign-out').click();
    await signIn(page, 'supervisor');
    await page.getByTestId('open-approval').click();
    await page.getByTestId('approval-queue').getByTestId('approval-item').filter({ hasText: id }).click();
    const detail = page.getByTestId('approval-detail');
    await expect(detail).toContainText('001190012345');
    await expect(detail.getByTestId('approval-live')).toBeVisible();
    await detail.getByTestId('approve').click();
    await expect(page.getByTestId('approval-queue').getByTestId('approval-item').filter({ hasText: id })).toHaveCount(0);
    // Approved = queued for upload, with its outbox row.
    const ctx = { shell: 'browser' as const, senderUrl: shell.server.origin };
    expect(await shell.host.dispatch('dossier.get', { id }, ctx)).toMatchObject({ ok: true, value: { row: { state: 'queued' } } });
    const outbox = shell.host.context.auth.db.prepare('SELECT state FROM outbox WHERE dossier_id = ?').get(id);
    expect(outbox).toEqual({ state: 'pending' });
    expect(cspViolations).toEqual([]);
  } finally {
    await page.context().close();
  }
});

test('the review is keyboard-ready: Confirm has the focus and Enter confirms', async () => {
  const { page } = await reachReview();
  try {
    await expect(page.getByTestId('confirm')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'consent');
  } finally {
    await page.context().close();
  }
});

for (const how of ['the R key', 'the Retake button'] as const) {
  test(`retake with ${how}: back to live capture with a fresh session, the old portrait discarded`, async () => {
    const { page } = await reachReview();
    try {
      const oldSrc = (await page.getByTestId('captured-portrait').getAttribute('src'))!;
      expect(await loads(page, oldSrc)).toBe(true);
      if (how === 'the R key') await page.keyboard.press('r');
      else await page.getByTestId('portrait-review').getByRole('button', { name: 'Chụp lại' }).click();

      await expect(page.getByTestId('portrait-review')).toHaveCount(0);
      await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'portrait');
      const step = page.locator('.portrait-step');
      await expect(step).toHaveAttribute('data-verdict', 'pending');
      await expect(page.locator('.portrait-live')).toBeVisible();
      // The camera runs again and a new session is observing the face.
      await expect(step).toHaveAttribute('data-phase', /^(searching|baseline|challenge)$/, { timeout: 20_000 });
      await expect.poll(() => page.locator('.portrait-preview video').evaluate((v: HTMLVideoElement) => !v.paused && v.readyState >= 2 && v.videoWidth === 640)).toBe(true);
      await expect(page.locator('.portrait-checklist')).toBeVisible();
      // The discarded portrait's URL no longer resolves.
      expect(await loads(page, oldSrc)).toBe(false);
    } finally {
      await page.context().close();
    }
  });
}
