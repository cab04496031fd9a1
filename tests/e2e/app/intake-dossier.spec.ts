/**
 * The dossier around the intake, through the browser shell: the age rules of Decree 69/2024 (a
 * child under 6 is refused with the reason and nothing is saved; a child of 6–13 with a Căn cước
 * card goes through a present guardian), the integration requests, a draft that survives a restart
 * of the host and is resumed (or cancelled and erased), and a dossier the supervisor returned,
 * corrected and submitted again.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { BE_AN, MINH, NHUNG } from '../../../electron/host/sim/lds-builder/sample-citizens';
import { plaintextFound } from './at-rest';
import { openApp, readVirtualCard, shellForTests, skipIntegration, startShell, storeChipDossier } from './shell';

// The bridge's answers are checked field by field below; typing each channel here would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Call = (ch: string, p?: unknown) => Promise<{ ok: boolean; value?: any; error?: { code: string } }>;
const caller = (shell: RunningBrowserShell): Call => {
  const ctx = { shell: 'browser' as const, senderUrl: shell.server.origin };
  return (ch, p) => shell.host.dispatch(ch, p, ctx) as ReturnType<Call>;
};

async function signInOverBridge(call: Call, username: string): Promise<void> {
  await call('auth.signOut');
  expect((await call('auth.signIn', { username, password: 'Demo-2026!' })).ok).toBe(true);
}

/** The virtual card with this citizen on the reader, read by ID number from a new intake. */
async function readCitizen(page: Page, shell: RunningBrowserShell, citizen: 'nhung' | 'minh' | 'bean', idNumber: string): Promise<void> {
  await readVirtualCard(page, shell, citizen, idNumber);
  await page.getByTestId('card-continue').click();
}

async function fillMobile(page: Page, mobile = '0912 345 678'): Promise<void> {
  const step = page.getByTestId('contact-step');
  await expect(step).toBeVisible({ timeout: 30_000 });
  await step.locator('input[name=mobile]').fill(mobile);
  await step.getByTestId('contact-next').click();
}

async function draftsOf(call: Call, idNumber: string): Promise<Array<{ id: string; state: string }>> {
  const r = await call('dossier.list', { query: idNumber });
  expect(r.ok).toBe(true);
  return r.value.rows;
}

test.beforeEach(({ page }) => {
  page.on('pageerror', (e) => console.log('PAGEERROR', e.stack));
});
test.afterEach(async ({ page }, info) => {
  if (info.status !== info.expectedStatus) console.log('PAGE TEXT:\n' + (await page.locator('body').innerText().catch(() => '?')));
});

test.describe('age rules and the guardian', () => {
  let shell: RunningBrowserShell;
  shellForTests((s) => (shell = s));

  test('a child under 6 is refused with the reason and nothing about them is saved', async ({ page }) => {
    await openApp(page, shell);
    await readCitizen(page, shell, 'bean', BE_AN.idNumber);
    const refusal = page.getByTestId('age-refusal');
    await expect(refusal).toHaveAttribute('data-rule', 'under_6');
    await expect(refusal).toContainText('dưới 6 tuổi');
    await expect(refusal).toContainText('Nghị định 69/2024/NĐ-CP');
    await expect(refusal).toContainText('Không có dữ liệu nào của công dân được lưu');
    await expect(refusal.getByTestId('refusal-done')).toBeFocused();
    await refusal.getByTestId('refusal-done').click();
    await expect(page.getByTestId('start-intake')).toBeVisible();
    expect(await draftsOf(caller(shell), BE_AN.idNumber)).toEqual([]);
  });

  test('a child of 6 to 13 with a Căn cước card goes through a guardian who is present; the integration requests are checked and saved', async ({ page }) => {
    await openApp(page, shell);
    await readCitizen(page, shell, 'minh', MINH.idNumber);
    await fillMobile(page);
    const g = page.getByTestId('guardian-step');
    await expect(g).toBeVisible();
    await expect(g.locator('input[name=guardianId]')).toBeFocused();
    await expect(g).toContainText('Nghị định 69/2024/NĐ-CP');
    // The father's name from the card is offered; the ID number and presence are the officer's to record.
    await expect(g.locator('input[name=guardianName]')).toHaveValue(MINH.fatherName!);
    await g.getByTestId('guardian-next').click();
    await expect(page.getByTestId('guardian-error')).toContainText('12 chữ số');
    await g.locator('input[name=guardianId]').fill(MINH.idNumber);
    await g.getByTestId('guardian-next').click();
    await expect(page.getByTestId('guardian-error')).toContainText('trùng với của công dân');
    await g.locator('input[name=guardianId]').fill('079 088 004 321');
    await g.getByTestId('guardian-next').click();
    await expect(page.getByTestId('guardian-error')).toContainText('phải có mặt');
    await g.locator('input[name=guardianPresent]').check();
    await g.getByTestId('guardian-next').click();

    const step = page.getByTestId('integration-step');
    await expect(step).toBeVisible();
    await step.locator('input[name=healthInsurance]').check();
    await step.locator('input[name=healthNumber]').fill('12');
    await step.getByTestId('integration-next').click();
    await expect(page.getByTestId('integration-error')).toHaveAttribute('data-field', 'healthInsurance.number');
    await step.locator('input[name=healthNumber]').fill('01 2345 6789');
    await step.getByTestId('integration-next').click();
    await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'portrait');

    const [row] = await draftsOf(caller(shell), MINH.idNumber);
    const saved = await caller(shell)('dossier.get', { id: row!.id });
    expect(saved.value.row.state).toBe('draft');
    expect(saved.value.body.identity.cardKind).toBe('can_cuoc');
    expect(saved.value.body.guardian).toEqual({ fullName: MINH.fatherName, idNumber: '079088004321', relationship: 'father', present: true });
    expect(saved.value.body.integration).toEqual({ healthInsurance: { number: '0123456789' }, dependants: [] });
    // The raw chip files of this read went into the dossier with it (for upstream re-verification).
    const kinds = (shell.host.context.auth.db.prepare('SELECT kind FROM dossier_images WHERE dossier_id = ?').all(row!.id) as Array<{ kind: string }>).map((k) => k.kind);
    expect(kinds).toEqual(expect.arrayContaining(['chip_portrait', 'dg1', 'dg13', 'dg2', 'ef_com', 'ef_sod']));
  });
});

test('a draft is encrypted at rest, survives a restart of the host, is resumed where it stopped, and cancelling it erases it', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-restart-'));
  let shell = await startShell({ dataDir });
  let id = '';
  let needles: Record<string, string | Buffer> = {};
  try {
    await openApp(page, shell);
    await readCitizen(page, shell, 'nhung', NHUNG.idNumber);
    await fillMobile(page, '+84 912 345 678');
    const step = page.getByTestId('integration-step');
    await step.locator('input[name=drivingLicence]').check();
    await step.locator('input[name=licenceNumber]').fill('0123 4567 8901');
    await step.getByTestId('add-dependant').click();
    await step.locator('input[name=dependant-0-fullName]').fill('Trần Minh Khôi');
    await step.locator('input[name=dependant-0-dateOfBirth]').fill('02/09/2019');
    await step.locator('input[name=dependant-0-birthCertificate]').fill('45/2019');
    await step.getByTestId('integration-next').click();
    await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'portrait');
    id = (await page.getByTestId('dossier-id').textContent())!.match(/HS-\w{10}/)![0];

    // Nothing of the citizen is readable in the data folders: database, WAL, journal, temp files, key file.
    const chip = (await caller(shell)('dossier.image', { id, kind: 'chip_portrait' })).value.dataUrl as string;
    const chipBytes = Buffer.from(chip.split(',')[1]!, 'base64');
    needles = {
      'name NFC': NHUNG.fullName.normalize('NFC'),
      'name NFD': NHUNG.fullName.normalize('NFD'),
      'name without diacritics': 'nguyen thi hong nhung',
      'ID number': NHUNG.idNumber,
      mobile: '0912345678',
      address: NHUNG.placeOfResidence!,
      dependant: 'Trần Minh Khôi',
      'chip portrait head': chipBytes.subarray(0, 16),
      'chip portrait middle': chipBytes.subarray(chipBytes.length >> 1, (chipBytes.length >> 1) + 32),
      'SQLite header': 'SQLite format 3',
    };
    expect(plaintextFound([dataDir, `${dataDir}-DEMO-training`], needles)).toEqual([]);
  } finally {
    await shell.stop();
  }
  // …and after the host has closed the database (the WAL checkpointed into the main file).
  expect(plaintextFound([dataDir, `${dataDir}-DEMO-training`], needles)).toEqual([]);

  shell = await startShell({ dataDir });
  try {
    await openApp(page, shell);
    const item = page.getByTestId('resume-item');
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute('data-state', 'draft');
    await expect(item).toContainText(NHUNG.fullName);
    await item.getByTestId('resume').click();
    await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'portrait', { timeout: 30_000 });
    const saved = (await caller(shell)('dossier.list', { state: 'draft' })).value.rows[0];
    expect(saved.id).toBe(id);
    const body = (await caller(shell)('dossier.get', { id: saved.id })).value.body;
    expect(body.contact.mobile).toBe('0912345678');
    expect(body.integration).toEqual({
      drivingLicence: { number: '012345678901', class: 'B' },
      dependants: [{ fullName: 'Trần Minh Khôi', dateOfBirth: '2019-09-02', relationship: 'child_under_14', birthCertificateNumber: '45/2019' }],
    });

    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('intake-cancel').click();
    await expect(page.getByTestId('start-intake')).toBeVisible();
    await expect(page.getByTestId('resume-item')).toHaveCount(0);
    expect((await caller(shell)('dossier.get', { id: saved.id })).error?.code).toBe('dossier.not_found');
  } finally {
    await shell.stop();
  }
});

test('a dossier the supervisor returned is corrected by its officer, keeps its portrait and is submitted again', async ({ page }) => {
  const shell = await startShell();
  try {
    const call = caller(shell);
    await signInOverBridge(call, 'canbo');
    const d = { value: { id: storeChipDossier(shell, { idNumber: '001190000333', fullName: 'Đỗ Thị Ba' }) } };
    expect((await call('dossier.submit', { id: d.value.id })).ok).toBe(true);
    await signInOverBridge(call, 'lanhdao');
    expect((await call('dossier.decide', { id: d.value.id, decision: 'return', reason: 'Số điện thoại không phải của công dân' })).ok).toBe(true);

    await openApp(page, shell);
    const item = page.getByTestId('resume-item');
    await expect(item).toHaveAttribute('data-state', 'returned');
    await expect(item).toContainText('Số điện thoại không phải của công dân');
    await item.getByTestId('resume').click();
    await expect(page.getByTestId('returned-banner')).toContainText('Số điện thoại không phải của công dân');
    const contact = page.getByTestId('contact-step');
    await expect(contact.locator('input[name=mobile]')).toHaveValue('0912 345 678');
    await contact.locator('input[name=mobile]').fill('0987 654 321');
    await contact.getByTestId('contact-next').click();
    await skipIntegration(page);
    await expect(page.getByTestId('keep-portrait')).toBeVisible();
    await page.getByTestId('keep-portrait-yes').click();
    await expect(page.getByTestId('consent-step')).toBeVisible();
    await page.getByTestId('citizen-agrees').check();
    await page.getByTestId('officer-confirms').click();
    await expect(page.getByTestId('submit-step')).toContainText('0987 654 321');
    await page.getByTestId('submit-dossier').click();
    await expect(page.getByTestId('dossier-reference')).toContainText(d.value.id);

    const after = await call('dossier.get', { id: d.value.id });
    expect(after.value.row).toMatchObject({ state: 'submitted', returnReason: null });
    expect(after.value.body.contact.mobile).toBe('0987654321');
    const history = (await call('dossier.history', { id: d.value.id })).value.entries.map((e: { action: string }) => e.action);
    expect(history.filter((a: string) => a === 'dossier.submitted')).toHaveLength(2);
    expect(history).toContain('dossier.returned');
  } finally {
    await shell.stop();
  }
});
