/**
 * An accessibility scan (axe-core, WCAG 2.x A/AA rules) of every screen of the app in Vietnamese,
 * at 1366x768: first start, sign-in, home, each intake step (both access tabs, a read card, a
 * failed chip's supervisor confirmation, data without the chip and its reason, a failed read,
 * contact, integration, the portrait step without a camera, keep-portrait, consent, review,
 * summary), the queue and a dossier, the approval queue and a dossier, the trust store and the
 * settings. No serious or critical violation may remain; each one is listed with its nodes.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { bridge, consentSubmitSummary, contactAndIntegration, portraitThenResume, readCard, type StepHook } from './intake-walk';
import { firstRun, openApp, shellForTests, signIn, startShell } from './shell';

test.use({ viewport: { width: 1366, height: 768 } });

const problems: string[] = [];

async function scan(page: Page, screen: string): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  for (const v of r.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue;
    problems.push(`${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
  }
}
const scanning = (page: Page): StepHook => async (step) => scan(page, step);

test.afterEach(() => {
  const found = problems.splice(0);
  expect(found, 'serious or critical accessibility violations').toEqual([]);
});

test('first start of a live kiosk, and the administrator naming the station', async ({ page }) => {
  const shell = await startShell({ demo: false, stationName: null });
  try {
    await page.goto(shell.server.launchUrl());
    await expect(page.getByTestId('first-run')).toBeVisible({ timeout: 30_000 });
    await scan(page, 'first-run');
    await firstRun(page);
    await expect(page.getByTestId('station-name-form')).toBeVisible();
    await scan(page, 'home-station-name');
  } finally {
    await shell.stop();
  }
});

test.describe('demo station', () => {
  let shell: RunningBrowserShell;
  shellForTests((s) => (shell = s));

  test('sign-in, home, every intake step, the queue and the approval queue', async ({ page }) => {
    test.setTimeout(240_000);
    const url = new URL(shell.server.launchUrl());
    await page.goto(`${url.origin}/${url.hash}`);
    await expect(page.getByTestId('sign-in').or(page.getByTestId('officer-bar'))).toBeVisible({ timeout: 30_000 });
    if (await page.getByTestId('sign-in').isVisible()) await scan(page, 'sign-in');
    await signIn(page, 'officer');
    await scan(page, 'home');

    // A failed read (card lifted) and data without the chip, with its reason.
    expect((await bridge(shell)('demo.setCard', { present: true, variant: 'pulled-away', citizen: 'nhung' })).ok).toBe(true);
    await page.getByTestId('start-intake').click();
    await page.getByRole('tab', { name: 'Nhập tay' }).click();
    await page.locator('input[name=idNumber]').fill('001190012345');
    await page.getByRole('button', { name: 'Đọc chip', exact: true }).click();
    await expect(page.getByTestId('card-error')).toBeVisible({ timeout: 30_000 });
    await scan(page, 'card-error');
    await page.getByTestId('error-fallback').click();
    await scan(page, 'card-manual-fallback-open');
    await page.getByTestId('intake-cancel').click(); // nothing saved yet: no question asked

    // A failed chip: the verdict and the supervisor's confirmation.
    await readCard(page, shell, 'cloned', scanning(page));
    await scan(page, 'card-failed');
    await page.getByTestId('card-override').click();
    await expect(page.getByTestId('chip-override')).toBeVisible({ timeout: 30_000 });
    await scan(page, 'card-override');
    // Without the supervisor, the dossier is cancelled (after a question) and erased.
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('supervisor-cancel').click();

    // A genuine card through to the summary.
    await readCard(page, shell, 'genuine', scanning(page));
    await page.getByTestId('verify-details').locator('summary').click();
    await page.locator('details.more-fields summary').click();
    await scan(page, 'card-genuine-details-open');
    await page.getByTestId('card-continue').click();
    await contactAndIntegration(page, scanning(page));
    await portraitThenResume(page, shell, scanning(page));
    await consentSubmitSummary(page, scanning(page));

    await page.getByTestId('summary-home').click();
    await page.getByTestId('open-queue').click();
    await expect(page.getByTestId('queue-screen')).toBeVisible({ timeout: 30_000 });
    await scan(page, 'queue');
    await page.getByTestId('sign-out').click();

    await signIn(page, 'supervisor');
    await page.getByTestId('open-approval').click();
    await expect(page.getByTestId('approval-item').first()).toBeVisible({ timeout: 30_000 });
    await scan(page, 'approval-queue');
    await page.getByTestId('approval-item').first().click();
    await expect(page.getByTestId('approval-detail')).toBeVisible();
    await scan(page, 'approval-detail');
    await page.getByTestId('sign-out').click();

    await signIn(page, 'admin');
    await page.getByTestId('open-trust').click();
    await scan(page, 'trust');
    await page.getByRole('button', { name: 'Quay lại' }).first().click();
    await page.getByTestId('open-settings').click();
    await scan(page, 'settings');
    await page.getByTestId('sign-out').click();
  });

  test('data from the QR code without the chip, and a QR field given an ID number', async ({ page }) => {
    await openApp(page, shell);
    await page.getByTestId('start-intake').click();
    const qr = page.locator('input[name=qr]');
    await qr.fill('001 190 012 345');
    await qr.press('Enter');
    await expect(page.getByTestId('qr-typed-id')).toContainText('001190012345');
    await scan(page, 'qr-typed-id');
    await qr.fill('001190012345|012345678|Nguyễn Thị Hồng Nhung|05031990|Nữ|Hà Nội|10042021');
    await qr.press('Enter');
    await page.getByRole('button', { name: 'Dùng dữ liệu mã QR (không đọc chip)' }).click();
    await expect(page.getByTestId('fallback-reason')).toBeVisible();
    await scan(page, 'card-qr-fallback');
    await page.getByTestId('intake-cancel').click();
  });
});
