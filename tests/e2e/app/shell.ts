/**
 * Starts the real browser shell (host + loopback server) in this test process, in demo mode
 * unless told otherwise, with a throwaway data folder.
 */
import { mkdtempSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBrowserShell, type RunningBrowserShell } from '../../../electron/browser/main';
import { configSchema } from '../../../electron/host/config';
import { silentLogger } from '../../../electron/host/log';
import { seedAssets, type SeedAssets } from '../../../electron/cli/store/seed-dossiers';
import * as D from '../../../electron/host/store/dossiers';
import { sampleDossier } from '../../../electron/host/store/test-dossier';
import { buildCardFiles, FILE_IDS } from '../../../electron/host/sim/lds-builder/card-files';
import { NHUNG } from '../../../electron/host/sim/lds-builder/sample-citizens';
import { cardIssuer } from '../../../electron/host/sim/virtual-cccd/card-issuer';

export async function startShell(
  opts: { demo?: boolean; stationName?: string | null; dataDir?: string; upstream?: { url: string; caFile: string } } = {},
): Promise<RunningBrowserShell> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const stationName = opts.stationName === undefined ? 'Công an phường Bến Nghé' : opts.stationName;
  return runBrowserShell({
    appVersion: '0.0.0-e2e',
    config: configSchema.parse({ dataDir, stationName, ...(opts.upstream ? { upstream: opts.upstream } : {}) }),
    demo: opts.demo ?? true,
    log: silentLogger,
    rendererDir: new URL('../../../out/renderer', import.meta.url).pathname,
    open: false,
  });
}

/**
 * A shell (demo mode, a throwaway data folder) started before the tests of this file, or of the
 * describe it is called in, and stopped after them; `perTest` gives every test a fresh one.
 * `use` receives the running shell.
 */
export function shellForTests(use: (shell: RunningBrowserShell) => void, opts: { perTest?: boolean } = {}): void {
  let shell: RunningBrowserShell | undefined;
  const start = async () => {
    shell = await startShell();
    use(shell);
  };
  const stop = async () => {
    await shell?.stop();
    shell = undefined;
  };
  if (opts.perTest) {
    test.beforeEach(start);
    test.afterEach(stop);
  } else {
    test.beforeAll(start);
    test.afterAll(stop);
  }
}

/**
 * A complete chip-read dossier of the signed-in officer's, with the chip and live portraits and the
 * raw chip files a read keeps (the seed tool's), written straight into the store: over the bridge a
 * chip verdict needs the host's own card read, which these specs do not walk through (the intake specs do).
 */
let assets: SeedAssets | undefined;
export function storeChipDossier(shell: RunningBrowserShell, citizen: { idNumber: string; fullName: string }, images?: SeedAssets['images']): string {
  const officer = shell.host.context.auth.officer();
  if (!officer) throw new Error('sign an officer in first');
  assets ??= seedAssets();
  return D.createDraft(shell.host.context.auth.db, officer, sampleDossier(citizen), images ?? assets.images).id;
}

/**
 * The seed's images with chip files signed by the demo cards' issuer (DemoCards.cscaDer(), the
 * CSCA demo mode trusts), so an upstream trusting that CSCA finds the chain trusted.
 */
export function demoSignedImages(): SeedAssets['images'] {
  assets ??= seedAssets();
  const { csca, ds } = cardIssuer();
  const chip = assets.images.chip_portrait!;
  const card = buildCardFiles(NHUNG, { pki: { csca, ds }, portrait: { bytes: chip, kind: 'jpeg', width: 240, height: 320 } });
  const f = (id: number) => card.files.get(id)!;
  const ids = { ef_com: FILE_IDS.COM, ef_sod: FILE_IDS.SOD, dg1: FILE_IDS.DG1, dg2: FILE_IDS.DG2, dg13: FILE_IDS.DG13, dg14: FILE_IDS.DG14, dg15: FILE_IDS.DG15 };
  return { ...assets.images, ...Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, f(id)])) };
}

const TRAINING_USER = { officer: 'canbo', supervisor: 'lanhdao', admin: 'quantri' } as const;
export const TRAINING_PASSWORD = 'Demo-2026!';

/** Signs in through the sign-in screen with a training account (demo mode). */
export async function signIn(page: Page, role: keyof typeof TRAINING_USER = 'officer'): Promise<void> {
  const form = page.getByTestId('sign-in');
  // The host holds one session for its one screen: a page opened on a shared host may find someone signed in.
  await expect(form.or(page.getByTestId('officer-bar'))).toBeVisible({ timeout: 30_000 });
  if (await page.getByTestId('officer-bar').isVisible()) await page.getByTestId('sign-out').click();
  await expect(form).toBeVisible({ timeout: 30_000 });
  await form.locator('input[name=username]').fill(TRAINING_USER[role]);
  await form.locator('input[name=password]').fill(TRAINING_PASSWORD);
  await form.getByTestId('auth-submit').click();
  await expect(page.getByTestId('officer-bar')).toBeVisible({ timeout: 30_000 });
}

/** A live kiosk's first start through its screen: station passphrase and the first administrator (signed in after). */
export async function firstRun(page: Page): Promise<void> {
  const form = page.getByTestId('first-run');
  await expect(form).toBeVisible({ timeout: 30_000 });
  await form.locator('input[name=passphrase]').fill('trạm thử nghiệm e2e 2026');
  await form.locator('input[name=passphrase2]').fill('trạm thử nghiệm e2e 2026');
  await form.locator('input[name=displayName]').fill('Quản trị viên');
  await form.locator('input[name=username]').fill('qtv01');
  await form.locator('input[name=password]').fill('Quản-trị-2026!');
  await form.locator('input[name=password2]').fill('Quản-trị-2026!');
  await form.getByTestId('auth-submit').click();
  await expect(page.getByTestId('officer-bar')).toBeVisible({ timeout: 60_000 });
}

/** Opens the app with a fresh launch secret (and an optional query) and signs in. */
export async function openApp(page: Page, shell: RunningBrowserShell, opts: { role?: keyof typeof TRAINING_USER; query?: string } = {}): Promise<void> {
  const url = new URL(shell.server.launchUrl());
  await page.goto(`${url.origin}/${opts.query ?? ''}${url.hash}`);
  await signIn(page, opts.role);
}

/**
 * Opens the app with the liveness order fixed by `seed` (demo mode only), signs in and reads the
 * virtual card by its ID number, up to a genuine verdict. Returns the CSP violations seen on the way.
 */
export async function readCardInApp(page: Page, shell: RunningBrowserShell, seed: number): Promise<{ cspViolations: string[] }> {
  const cspViolations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await openApp(page, shell, { query: `?seed=${seed}` });
  await page.getByTestId('start-intake').click();
  await page.getByRole('tab', { name: 'Nhập tay' }).click();
  await page.locator('input[name=idNumber]').fill('001190012345');
  await page.getByRole('button', { name: 'Đọc chip', exact: true }).click();
  await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'genuine', { timeout: 30_000 });
  return { cspViolations };
}

/** From the home screen: the virtual card with this demo citizen on the reader, a new intake, the chip read by ID number (genuine). */
export async function readVirtualCard(page: Page, shell: RunningBrowserShell, citizen: 'nhung' | 'ducanh' | 'minh' | 'bean', idNumber: string): Promise<void> {
  const ctx = { shell: 'browser' as const, senderUrl: shell.server.origin };
  expect((await shell.host.dispatch('demo.setCard', { present: true, variant: 'genuine', citizen }, ctx)).ok).toBe(true);
  await page.getByTestId('start-intake').click();
  await page.getByRole('tab', { name: 'Nhập tay' }).click();
  await page.locator('input[name=idNumber]').fill(idNumber);
  await page.getByRole('button', { name: 'Đọc chip', exact: true }).click();
  await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'genuine', { timeout: 30_000 });
}

/** The contact step: the citizen's mobile number (grouped, as officers type it); then no integration requests. */
export async function fillContact(page: Page, mobile = '0912 345 678'): Promise<void> {
  const step = page.getByTestId('contact-step');
  await expect(step).toBeVisible();
  await step.locator('input[name=mobile]').fill(mobile);
  await step.getByTestId('contact-next').click();
  await skipIntegration(page);
}

/** The integration-requests step with nothing ticked. */
export async function skipIntegration(page: Page): Promise<void> {
  const step = page.getByTestId('integration-step');
  await expect(step).toBeVisible({ timeout: 30_000 });
  await step.getByTestId('integration-next').click();
  await expect(step).toHaveCount(0, { timeout: 30_000 });
}

/** Consent (citizen agrees, officer confirms), then the review's Submit, up to the summary. */
export async function giveConsentAndSubmit(page: Page): Promise<void> {
  await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'consent');
  await expect(page.getByTestId('officer-confirms')).toBeDisabled();
  await page.getByTestId('citizen-agrees').check();
  await page.getByTestId('officer-confirms').click();
  await expect(page.getByTestId('submit-step')).toBeVisible();
  await page.getByTestId('submit-dossier').click();
  await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'summary', { timeout: 30_000 });
}
