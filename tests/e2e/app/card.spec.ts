/**
 * The read screen end to end in the browser shell (demo mode): the real renderer, the real
 * bridge and host, the card stack talking to the virtual CCCD in process. Card variants are
 * chosen with the training control, as an instructor would.
 */
import { expect, test, type Page } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { openApp, shellForTests } from './shell';

const NHUNG_QR = '001190012345|012345678|Nguyễn Thị Hồng Nhung|05031990|Nữ|Số 12 Ngõ 34, Phường Láng Thượng, Quận Đống Đa, Hà Nội|10042021';

let shell: RunningBrowserShell;
shellForTests((s) => (shell = s));

async function placeCard(page: Page, variant: string, citizen = 'nhung') {
  await page.getByTestId('demo-citizen').selectOption(citizen);
  await page.getByTestId('demo-variant').selectOption(variant);
  await page.getByTestId('demo-place').click();
  await expect(page.getByTestId('demo-state')).toContainText('đang trên đầu đọc');
}

async function typeIdAndRead(page: Page, idNumber: string) {
  await page.getByRole('tab', { name: 'Nhập tay' }).click();
  await page.locator('input[name=idNumber]').fill(idNumber);
  await page.getByRole('button', { name: 'Đọc chip', exact: true }).click();
}

async function startWithId(page: Page, idNumber: string) {
  await page.getByTestId('start-intake').click();
  await typeIdAndRead(page, idNumber);
}

/** From a result: back to the access form, another card on the reader, read it. */
async function readAgainWith(page: Page, variant: string) {
  await page.getByRole('button', { name: 'Đọc lại' }).click();
  await placeCard(page, variant);
  await typeIdAndRead(page, '001190012345');
}

test.beforeEach(async ({ page }) => {
  await openApp(page, shell);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
});

test('a genuine card read with the CAN shows the chip data, the portrait and a genuine badge', async ({ page }) => {
  await placeCard(page, 'genuine');
  await startWithId(page, '001190012345');
  const badge = page.getByTestId('verification');
  await expect(badge).toHaveAttribute('data-overall', 'genuine', { timeout: 30_000 });
  await expect(badge).toContainText('PACE-CAN');
  await expect(page.getByTestId('verify-chain')).toHaveAttribute('data-status', 'trusted');
  await expect(page.getByTestId('identity-name')).toHaveText('Nguyễn Thị Hồng Nhung');
  await expect(page.getByTestId('identity-dob')).toHaveText('05/03/1990');
  await expect(page.getByTestId('identity-source')).toHaveText('Chip (đã đọc)');
  await expect(page.getByTestId('chip-portrait')).toHaveAttribute('src', /^data:image\/jpeg;base64,/);
  await expect(page.getByTestId('disagreements')).toHaveCount(0);
  // "Read again" with the card still on the reader: the chip's old session must not get in the way.
  await page.getByRole('button', { name: 'Đọc lại' }).click();
  await typeIdAndRead(page, '001190012345');
  await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'genuine', { timeout: 30_000 });
});

test('a BAC-only card opens with keys derived from the scanned QR code (keyboard-wedge scanner)', async ({ page }) => {
  await placeCard(page, 'bac-only');
  await page.getByTestId('start-intake').click();
  const qr = page.locator('input[name=qr]');
  await qr.pressSequentially(NHUNG_QR, { delay: 0 });
  await qr.press('Enter');
  await expect(page.getByTestId('qr-scanned')).toContainText('Nguyễn Thị Hồng Nhung');
  await page.getByRole('button', { name: 'Đọc chip', exact: true }).click();
  await expect(page.getByTestId('verification')).toContainText('BAC', { timeout: 30_000 });
  await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'genuine');
  await expect(page.getByTestId('disagreements')).toHaveCount(0);
});

test('a JPEG 2000 portrait is converted for display', async ({ page }) => {
  await placeCard(page, 'jpeg2000');
  await startWithId(page, '001190012345');
  await expect(page.getByTestId('chip-portrait')).toHaveAttribute('src', /^data:image\/png;base64,/, { timeout: 30_000 });
});

test('altered data, an unknown issuer and a copied chip are each reported', async ({ page }) => {
  await placeCard(page, 'tampered-dg');
  await startWithId(page, '001190012345');
  await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'failed', { timeout: 30_000 });
  await expect(page.getByTestId('verify-hashes')).toContainText('DG13');

  await readAgainWith(page, 'unknown-csca');
  await expect(page.getByTestId('verify-chain')).toHaveAttribute('data-status', 'no_anchor', { timeout: 30_000 });
  await expect(page.getByTestId('verify-chain')).toContainText('Unknown CSCA');
  await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'unverified');

  await readAgainWith(page, 'cloned');
  await expect(page.getByTestId('verify-clone')).toHaveAttribute('data-status', 'failed', { timeout: 30_000 });
  await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'failed');
});

test('a card lifted mid-read gives a clear error, and Retry succeeds once it is back', async ({ page }) => {
  await placeCard(page, 'pulled-away');
  await startWithId(page, '001190012345');
  const error = page.getByTestId('card-error');
  await expect(error).toHaveAttribute('data-code', 'card.removed', { timeout: 30_000 });
  await expect(error).toContainText('Thẻ bị nhấc ra khi đang đọc');
  await placeCard(page, 'genuine');
  await page.getByRole('button', { name: 'Thử lại' }).click();
  await expect(page.getByTestId('verification')).toHaveAttribute('data-overall', 'genuine', { timeout: 30_000 });
});

test('a wrong ID number is refused by the chip with a message saying what to check', async ({ page }) => {
  await placeCard(page, 'genuine');
  await startWithId(page, '001190999999');
  await expect(page.getByTestId('card-error')).toHaveAttribute('data-code', 'card.access_denied', { timeout: 30_000 });
  await expect(page.getByTestId('card-error')).toContainText('Kiểm tra lại thông tin in trên thẻ');
  await page.getByRole('button', { name: 'Sửa thông tin mở khoá' }).click();
  // Back on the form the officer used, with what was typed, to correct it.
  await expect(page.locator('input[name=idNumber]')).toHaveValue('001190999999');
});

test('without a card the read waits, shows guidance, and can be cancelled', async ({ page }) => {
  await page.getByTestId('demo-remove').click();
  await startWithId(page, '001190012345');
  await expect(page.getByTestId('read-step')).toHaveAttribute('data-step', 'waiting_card');
  await expect(page.getByTestId('card-reading')).toContainText('Đặt thẻ CCCD nằm phẳng');
  await page.getByRole('button', { name: 'Huỷ', exact: true }).click();
  await expect(page.getByTestId('card-error')).toHaveAttribute('data-code', 'card.cancelled');
  // What was typed is still there for the next attempt.
  await page.getByRole('button', { name: 'Sửa thông tin mở khoá' }).click();
  await expect(page.locator('input[name=idNumber]')).toHaveValue('001190012345');
});

test('after a failed chip read of a scanned card, the QR data can be used without the chip', async ({ page }) => {
  await placeCard(page, 'pulled-away');
  await page.getByTestId('start-intake').click();
  await page.locator('input[name=qr]').fill(NHUNG_QR);
  await page.locator('input[name=qr]').press('Enter');
  await page.getByRole('button', { name: 'Đọc chip', exact: true }).click();
  await expect(page.getByTestId('card-error')).toHaveAttribute('data-code', 'card.removed', { timeout: 30_000 });
  await page.getByTestId('error-use-qr').click();
  await expect(page.getByTestId('identity-source')).toHaveText('Mã QR (chưa xác thực bằng chip)');
  await expect(page.getByTestId('identity-name')).toHaveText('Nguyễn Thị Hồng Nhung');
});

test('a malformed QR code is explained, and the QR data can be used without the chip', async ({ page }) => {
  await page.getByTestId('start-intake').click();
  const qr = page.locator('input[name=qr]');
  await qr.fill('this is not a card code');
  await qr.press('Enter');
  await expect(page.getByRole('alert')).toContainText('không phải mã của thẻ CCCD');
  await qr.fill(NHUNG_QR);
  await qr.press('Enter');
  await page.getByRole('button', { name: 'Dùng dữ liệu mã QR (không đọc chip)' }).click();
  await expect(page.getByTestId('identity-source')).toHaveText('Mã QR (chưa xác thực bằng chip)');
  await expect(page.getByTestId('identity-name')).toHaveText('Nguyễn Thị Hồng Nhung');
});

test('the read screen in English', async ({ page }) => {
  await page.getByTestId('lang-en').click();
  await placeCard(page, 'genuine').catch(() => undefined);
  await page.getByTestId('demo-place').click();
  await page.getByTestId('start-intake').click();
  await page.getByRole('tab', { name: 'Type' }).click();
  await page.locator('input[name=idNumber]').fill('001190012345');
  await page.getByRole('button', { name: 'Read the chip', exact: true }).click();
  await expect(page.getByTestId('verification')).toContainText('Valid card', { timeout: 30_000 });
  await expect(page.getByTestId('identity-dob')).toHaveText('05/03/1990');
  await page.getByTestId('lang-vi').click();
});

test('typed data without the chip: ID digits that disagree with the sex or birth year are warnings, not refusals', async ({ page }) => {
  await page.getByTestId('start-intake').click();
  await page.getByRole('tab', { name: 'Nhập tay' }).click();
  // Century/sex digit 0 = male born in the 1900s; the citizen is a woman born in 2003.
  await page.locator('input[name=idNumber]').fill('001090012345');
  await page.locator('input[name=dateOfBirth]').fill('05/03/2003');
  await page.locator('input[name=dateOfExpiry]').fill('05/03/2028');
  await page.locator('details summary').click();
  await page.locator('input[name=fullName]').fill('Lê Thị Thu Hà');
  await page.locator('details select').selectOption('F');
  await page.getByRole('button', { name: 'Dùng dữ liệu nhập tay (không đọc chip)' }).last().click();
  await expect(page.getByTestId('identity-source')).toHaveText('Nhập tay (chưa xác thực bằng chip)');
  const warnings = page.getByTestId('disagreements');
  await expect(warnings).toContainText('Năm sinh trong số định danh khác với ngày sinh');
  await expect(warnings).toContainText('Chữ số giới tính trong số định danh khác với giới tính');
  await expect(page.getByTestId('card-continue')).toBeEnabled();
});

test('no usable camera for the QR code: the officer is told what to do and can close it', async ({ page }) => {
  // This project's Chromium has no (fake) camera: opening one fails like a kiosk without a webcam.
  await page.getByTestId('start-intake').click();
  await page.getByTestId('qr-camera-open').click();
  const problem = page.getByTestId('qr-camera-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toHaveAttribute('data-problem', /^(noCamera|permissionDenied)$/);
  await expect(problem).toContainText(/camera/i);
  await page.getByRole('button', { name: 'Đóng camera' }).click();
  await expect(page.getByTestId('qr-camera-open')).toBeVisible();
});
