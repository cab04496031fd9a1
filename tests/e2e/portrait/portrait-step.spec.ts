// The PortraitStep screen in its stand-alone harness (renderer/src/screens/portrait/dev).
import { test, expect, chromium } from '@playwright/test';
import { D12_LEAD_IN, D12_SEED, expectLivenessPass, facesAvailable, VERDICT_TIMEOUT_MS, openPortrait, PORTRAIT_BUILD } from './support';
import { serveStatic } from '../../../electron/cli/pad-eval/serve';
import { CHROMIUM_PATH } from '../../support/chromium';

test.skip(!facesAvailable(), 'shared face media not present (set FACES_DIR)');

test('guides a genuine subject through the seeded challenges in Vietnamese, on a mirrored preview', async () => {
  const { browser, page, server } = await openPortrait('video/liveportrait_d12.mp4', { seed: String(D12_SEED) }, D12_LEAD_IN);
  try {
    const transform = await page.locator('.portrait-preview video').evaluate((v) => getComputedStyle(v).transform);
    expect(transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
    // Record every prompt shown (they can be brief), then check the order once the verdict is in.
    await page.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { __prompts: string[] }).__prompts = seen;
      new MutationObserver(() => {
        const g = document.querySelector('[data-testid="guidance"]');
        const text = g?.getAttribute('data-challenge') ? (g.textContent ?? '') : '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await expectLivenessPass(page);
    const prompts = await page.evaluate(() => (globalThis as unknown as { __prompts: string[] }).__prompts);
    const order = ['Quay sang trái', 'Quay sang phải', 'Há miệng'].map((p) => prompts.findIndex((x) => x.includes(p)));
    expect(order.every((i) => i >= 0), prompts.join(' | ')).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Turn-left prompt: the arrow points to the screen's left, where the mirrored head goes.
    expect(prompts.some((x) => x.startsWith('←Quay sang trái'))).toBe(true);
    await expect(page.locator('[data-check="singleFace"]')).toContainText('Một khuôn mặt');
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a printed photo is refused; the officer can start over or cancel from the keyboard', async () => {
  const { browser, page, server } = await openPortrait('photos/liveportrait_s11_printed_photo_in_hand.jpg', { seed: '5' });
  try {
    const verdict = page.getByTestId('verdict');
    await expect(verdict).toBeVisible({ timeout: VERDICT_TIMEOUT_MS });
    await expect(verdict).toContainText('Không xác thực được người thật');
    await expect(page.getByRole('button', { name: 'Làm lại' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(verdict).toBeHidden();
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (globalThis as unknown as { __portrait: { cancelled: boolean } }).__portrait.cancelled)).toBe(true);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('camera permission denied: says what to do, in the screen’s language only', async () => {
  const server = await serveStatic(PORTRAIT_BUILD);
  // A fake camera exists, but the permission prompt is denied.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--use-fake-device-for-media-stream', '--deny-permission-prompts', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/index.html?seed=1`);
    const problem = page.getByTestId('camera-problem');
    await expect(problem).toBeVisible({ timeout: 20_000 });
    await expect(problem).toHaveAttribute('data-code', 'permissionDenied');
    await expect(problem).toContainText('chưa được phép dùng camera');
    await expect(problem).not.toContainText('not allowed to use the camera');
  } finally {
    await browser.close();
    await server.close();
  }
});

test('no camera: says what to do, in the screen’s language only', async () => {
  const server = await serveStatic(PORTRAIT_BUILD);
  // No fake-device flags: headless Chromium then has no camera at all.
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--use-fake-ui-for-media-stream', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/index.html?seed=1`);
    const problem = page.getByTestId('camera-problem');
    await expect(problem).toBeVisible({ timeout: 20_000 });
    await expect(problem).toHaveAttribute('data-code', 'noCamera');
    await expect(problem).toContainText('Không tìm thấy camera');
    await expect(problem).not.toContainText('No camera found');
    await expect(page.getByRole('button', { name: 'Thử lại' })).toBeVisible();
  } finally {
    await browser.close();
    await server.close();
  }
});
