/**
 * The intake walked through the screens, step by step, with a hook called as each step opens
 * (`at(step, main, focus)`): the layout specs check the step's layout there, the accessibility
 * spec scans it. The portrait is stored on the draft by the host (this Chromium has no camera;
 * layout-portrait.spec.ts takes a real one), and the officer resumes the draft.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { seedAssets } from '../../../electron/cli/store/seed-dossiers';
import * as D from '../../../electron/host/store/dossiers';
import { openApp } from './shell';

export type StepHook = (step: string, main: Locator, focus?: Locator) => Promise<void>;

export const bridge = (shell: RunningBrowserShell) => (ch: string, p?: unknown) =>
  shell.host.dispatch(ch as never, p as never, { shell: 'browser', senderUrl: shell.server.origin });

/** From the home screen: a new intake, both access tabs (arrow keys), the chip read by ID number. */
export async function readCard(page: Page, shell: RunningBrowserShell, variant: string, at: StepHook): Promise<void> {
  expect((await bridge(shell)('demo.setCard', { present: true, variant, citizen: 'nhung' })).ok).toBe(true);
  await page.getByTestId('start-intake').click();
  await at('card-qr', page.locator('input[name=qr]'));
  // The QR / typed-data tabs follow the WAI-ARIA tabs pattern: the arrow keys move and select.
  await page.getByRole('tab', { name: 'Quét mã QR' }).focus();
  await page.keyboard.press('ArrowRight');
  const manualTab = page.getByRole('tab', { name: 'Nhập tay' });
  await expect(manualTab).toBeFocused();
  await expect(manualTab).toHaveAttribute('aria-selected', 'true');
  const readButton = page.getByRole('button', { name: 'Đọc chip', exact: true });
  await at('card-manual', readButton, manualTab);
  await page.locator('input[name=idNumber]').fill('001190012345');
  await readButton.click();
  await expect(page.getByTestId('verification')).toBeVisible({ timeout: 30_000 });
}

/** Contact and integration, up to the portrait step. */
export async function contactAndIntegration(page: Page, at: StepHook): Promise<void> {
  const contact = page.getByTestId('contact-step');
  await expect(contact).toBeVisible({ timeout: 30_000 });
  await at('contact', contact.getByTestId('contact-next'), contact.locator('input[name=mobile]'));
  await contact.locator('input[name=mobile]').fill('0912 345 678');
  await page.keyboard.press('Enter');
  const integration = page.getByTestId('integration-step');
  await expect(integration).toBeVisible({ timeout: 30_000 });
  await at('integration', integration.getByTestId('integration-next'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'portrait', { timeout: 30_000 });
}

/** The portrait step without a camera (Retry in view), then a stored portrait and the draft resumed (at consent). */
export async function portraitThenResume(page: Page, shell: RunningBrowserShell, at: StepHook): Promise<string> {
  const problem = page.getByTestId('camera-problem');
  await expect(problem).toBeVisible({ timeout: 30_000 });
  await at('portrait-no-camera', problem.getByRole('button', { name: 'Thử lại' }));
  const id = (await page.getByTestId('dossier-id').textContent())!.match(/HS-\w{10}/)![0];
  const db = shell.host.context.auth.db;
  const officer = shell.host.context.auth.officer()!;
  const portrait = { qualityPassed: 9, qualityTotal: 9, liveness: 'passed', attempts: 1, evidence: '[]' };
  D.saveDraft(db, officer, id, D.get(db, id).revision, { ...D.body(db, id), portrait }, { live_portrait: seedAssets().images.live_portrait! });
  // Resumed, a draft with its portrait opens at the consent step.
  await openApp(page, shell);
  await page.getByTestId('resume-item').filter({ hasText: id }).getByTestId('resume').click();
  return id;
}

/** Consent, review and submit, up to the summary. */
export async function consentSubmitSummary(page: Page, at: StepHook): Promise<void> {
  const consent = page.getByTestId('consent-step');
  await expect(consent).toBeVisible({ timeout: 30_000 });
  await at('consent', consent.getByTestId('officer-confirms'), consent.getByTestId('citizen-agrees'));
  await page.keyboard.press('Space');
  await consent.getByTestId('officer-confirms').click();
  const submit = page.getByTestId('submit-step');
  await expect(submit).toBeVisible({ timeout: 30_000 });
  await at('submit', submit.getByTestId('submit-dossier'));
  await page.keyboard.press('Enter');
  const summary = page.getByTestId('summary');
  // The same demo citizen may already have a dossier here: the officer checks and submits anyway.
  const anyway = page.getByTestId('submit-anyway');
  await expect(summary.or(anyway)).toBeVisible({ timeout: 30_000 });
  if (await anyway.isVisible()) await anyway.click();
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await at('summary', summary.getByTestId('summary-next'));
}
