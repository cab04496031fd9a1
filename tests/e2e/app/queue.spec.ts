/**
 * The queue and status screen in the real app (browser shell): counts by state that follow a
 * submission, search without diacritics, a dossier's detail with its history from the audit
 * trail, officers seeing only their own dossiers, and a returned dossier's reason with the way
 * back into the intake. Dossiers are made over the bridge (the intake screens have their own specs).
 */
import { expect, test, type Page } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { createAccount } from '../../../electron/host/auth/accounts';
import { openApp, startShell, storeChipDossier, TRAINING_PASSWORD } from './shell';

let shell: RunningBrowserShell;
type Answer = { ok: boolean; value?: { id: string }; error?: { code: string } };
const call = (ch: string, p?: unknown) => shell.host.dispatch(ch, p, { shell: 'browser', senderUrl: shell.server.origin }) as Promise<Answer>;

/** Signs the host's one session in as `username`, as the screen would. */
async function as(username: string): Promise<void> {
  await call('auth.signOut');
  expect((await call('auth.signIn', { username, password: TRAINING_PASSWORD })).ok).toBe(true);
}

/** A complete dossier for the signed-in officer, saved with both portraits; submitted unless told otherwise. */
async function take(idNumber: string, fullName: string, opts: { submit?: boolean } = {}): Promise<string> {
  const id = storeChipDossier(shell, { idNumber, fullName });
  if (opts.submit ?? true) expect((await call('dossier.submit', { id })).ok).toBe(true);
  return id;
}

async function openQueue(page: Page): Promise<void> {
  await page.getByTestId('open-queue').click();
  await expect(page.getByRole('heading', { name: 'Theo dõi và tra cứu hồ sơ' })).toBeFocused();
  await expect(page.getByTestId('queue-loading')).toBeHidden();
}

const count = (page: Page, state: string) => page.getByTestId(`count-${state}`);

let demoCitizen: string;
let otherOfficers: string;

test.beforeAll(async () => {
  shell = await startShell();
  // A second officer, with a citizen whose name also folds to "nguyen".
  await as('quantri');
  const admin = shell.host.context.auth.db.prepare("SELECT id FROM officers WHERE username = 'quantri'").get() as { id: string };
  await createAccount(shell.host.context.auth.db, admin.id, { username: 'canbo2', displayName: 'Cán bộ thứ hai', role: 'officer', password: TRAINING_PASSWORD });
  await as('canbo2');
  otherOfficers = await take('079201000888', 'Nguyễn Văn Khác');
  // The demo citizen, saved by canbo but not yet submitted.
  await as('canbo');
  demoCitizen = await take('001190012345', 'Nguyễn Thị Hồng Nhung', { submit: false });
});
test.afterAll(async () => {
  await shell.stop();
});

test('an officer sees counts of their own dossiers that follow a submission, filters by state, and finds the demo citizen by "nguyen" but never another officer’s dossier', async ({ page }) => {
  await openApp(page, shell);
  await openQueue(page);
  await expect(page.getByTestId('queue-screen')).toContainText('Chỉ hiện các hồ sơ do bạn tiếp nhận.');
  await expect(count(page, 'draft')).toHaveAttribute('data-count', '1');
  await expect(count(page, 'submitted')).toHaveAttribute('data-count', '0');
  await expect(count(page, 'all')).toHaveAttribute('data-count', '1');
  const draftRow = page.getByTestId('queue-row').filter({ hasText: demoCitizen });
  await expect(draftRow.getByTestId('queue-resume')).toHaveText('Tiếp tục');

  // The officer submits (the session is the screen's); the counts follow when the screen opens again.
  expect((await call('dossier.submit', { id: demoCitizen })).ok).toBe(true);
  await page.getByTestId('queue-back').click();
  await openQueue(page);
  await expect(count(page, 'submitted')).toHaveAttribute('data-count', '1');
  await expect(count(page, 'submitted')).toContainText('Chờ duyệt');
  await expect(count(page, 'draft')).toHaveAttribute('data-count', '0');
  await expect(count(page, 'all')).toHaveAttribute('data-count', '1'); // canbo2's dossier is not counted

  // A state filters the list (by keyboard too); choosing it again shows all.
  await count(page, 'draft').focus();
  await page.keyboard.press('Enter');
  await expect(count(page, 'draft')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('queue-empty')).toHaveText('Không có hồ sơ nào.');
  await count(page, 'submitted').click();
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-row')).toHaveAttribute('data-state', 'submitted');
  await count(page, 'submitted').click();
  await expect(count(page, 'all')).toHaveAttribute('aria-pressed', 'true');

  // Search without diacritics: the demo citizen, not canbo2's Nguyễn Văn Khác.
  await page.getByTestId('queue-search').fill('nguyen');
  await page.getByTestId('queue-search').press('Enter');
  const rows = page.getByTestId('queue-row');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Nguyễn Thị Hồng Nhung');
  await expect(rows).toContainText('001190012345');
  await expect(rows).toContainText(demoCitizen);
  await expect(rows).toContainText('Chờ duyệt');
  await expect(rows).toContainText('Cán bộ tiếp nhận (đào tạo)');
  await expect(rows).toContainText(/Nộp: \d\d\/\d\d\/\d{4} \d\d:\d\d/);
  await expect(page.getByTestId('queue-screen')).not.toContainText('Nguyễn Văn Khác');

  // Nor by its ID number; nor by opening it directly.
  await page.getByTestId('queue-search').fill('079201000888');
  await page.getByTestId('queue-search-submit').click();
  await expect(page.getByTestId('queue-empty')).toContainText('Không tìm thấy hồ sơ nào');
  expect(await call('dossier.get', { id: otherOfficers })).toMatchObject({ ok: false, error: { code: 'dossier.not_found' } });
  expect(await call('dossier.history', { id: otherOfficers })).toMatchObject({ ok: false, error: { code: 'dossier.not_found' } });
});

test('the detail shows both portraits, the data and the history: who submitted, who approved; a supervisor sees every officer’s dossiers', async ({ page }) => {
  await as('lanhdao');
  expect((await call('dossier.decide', { id: demoCitizen, decision: 'approve' })).ok).toBe(true);

  await openApp(page, shell);
  await openQueue(page);
  await expect(count(page, 'queued')).toHaveAttribute('data-count', '1');
  await page.getByTestId('queue-search').fill('NGUYEN thi hong');
  await page.getByTestId('queue-search').press('Enter');
  await page.getByTestId('queue-row').filter({ hasText: demoCitizen }).getByTestId('queue-open').click();

  const detail = page.getByTestId('queue-detail');
  await expect(detail.getByRole('heading', { name: `Hồ sơ ${demoCitizen}` })).toBeFocused();
  await expect(detail.getByTestId('queue-chip_portrait')).toBeVisible();
  await expect(detail.getByTestId('queue-live_portrait')).toBeVisible();
  await expect(detail.getByTestId('queue-detail-state')).toHaveText('Đã duyệt, chờ gửi');
  await expect(detail).toContainText('Nguyễn Thị Hồng Nhung');
  await expect(detail).toContainText('001190012345');
  await expect(detail).toContainText('05/03/1990');
  await expect(detail.getByTestId('queue-resume')).toHaveCount(0);

  const history = detail.getByTestId('history').locator('li');
  // The submission compares the live face with the chip photo first (electron/host/face).
  await expect(history).toHaveCount(4);
  expect(await history.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')))).toEqual(['draft.created', 'face.compared', 'dossier.submitted', 'dossier.approved']);
  await expect(history.locator('.what')).toHaveText(['Tạo hồ sơ', 'So khuôn mặt với ảnh trong chip', 'Gửi duyệt', 'Duyệt']);
  await expect(history.nth(2)).toContainText('Cán bộ tiếp nhận (đào tạo)');
  await expect(history.nth(3)).toContainText('Lãnh đạo duyệt hồ sơ (đào tạo)');
  await expect(history.nth(3).locator('time')).toHaveText(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);

  // Escape goes back to the list, whose heading takes the focus.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Theo dõi và tra cứu hồ sơ' })).toBeFocused();

  await openApp(page, shell, { role: 'supervisor' });
  await openQueue(page);
  await expect(page.getByTestId('queue-screen')).toContainText('Hồ sơ của cả trạm.');
  await page.getByTestId('queue-search').fill('nguyen');
  await page.getByTestId('queue-search').press('Enter');
  await expect(page.getByTestId('queue-row')).toHaveCount(2);
  await expect(page.getByTestId('queue-row').filter({ hasText: otherOfficers })).toContainText('Cán bộ thứ hai');
  await expect(page.getByTestId('queue-resume')).toHaveCount(0);
});

test('a returned dossier shows the supervisor’s reason first, and “Sửa và gửi lại” opens the intake on it', async ({ page }) => {
  await as('canbo');
  const returned = await take('001190000444', 'Trần Văn Trả');
  await as('lanhdao');
  expect((await call('dossier.decide', { id: returned, decision: 'return', reason: 'Ảnh chân dung bị mờ, chụp lại' })).ok).toBe(true);

  await openApp(page, shell);
  await openQueue(page);
  await expect(count(page, 'returned')).toHaveAttribute('data-count', '1');
  await count(page, 'returned').click();
  const row = page.getByTestId('queue-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Lý do trả lại: Ảnh chân dung bị mờ, chụp lại');
  await row.getByTestId('queue-open').click();

  const notice = page.getByTestId('queue-detail').getByTestId('return-reason');
  await expect(notice).toContainText('Lãnh đạo đã trả lại hồ sơ này');
  await expect(notice).toContainText('Ảnh chân dung bị mờ, chụp lại');
  const history = page.getByTestId('history').locator('li');
  await expect(history.last()).toHaveAttribute('data-action', 'dossier.returned');
  await expect(history.last()).toContainText('Trả lại');
  await notice.getByTestId('queue-resume').click();
  // The intake wizard opens on that dossier (its re-capture is intake-dossier.spec.ts's subject).
  await expect(page.getByTestId('dossier-id')).toContainText(returned);
  await expect(page.getByTestId('returned-banner')).toContainText('Ảnh chân dung bị mờ, chụp lại');
});
