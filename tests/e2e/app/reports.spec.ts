/**
 * Issue 12 through the browser shell: a supervisor opens a drive with two companies; an officer
 * enrols two workers with the virtual card (card → contact → live portrait → consent → submit),
 * switching the company in one touch between them, and prints the first one's receipt; the
 * supervisor exports Form 02 for the second company and finds exactly its worker, then looks at
 * the statistics' charts. Under the app's own CSP, with no outside request.
 *
 * Camera input: the shared d12 clip (after its lead-in, its actions match ?seed=D12_SEED) and a short hold (cooperative-hold.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { DUC_ANH, NHUNG } from '../../../electron/host/sim/lds-builder/sample-citizens';
import { D12_CLIP, D12_SEED, holdCameraBrowser } from './cooperative-hold';
import { expectLivenessPass, VERDICT_TIMEOUT_MS } from '../portrait/support';
import { fillContact, giveConsentAndSubmit, openApp, readVirtualCard, signIn, startShell } from './shell';

let shell: RunningBrowserShell;
let browser: Browser;
test.beforeAll(async () => {
  if (!existsSync(D12_CLIP)) return;
  shell = await startShell({ stationName: 'Công an xã Tân Quang' });
  browser = await holdCameraBrowser();
});
test.afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

/** Reads the virtual card of `citizen` by its ID number and takes the intake to the summary. */
async function enrol(page: Page, citizen: 'nhung' | 'ducanh', idNumber: string, mobile: string): Promise<string> {
  await readVirtualCard(page, shell, citizen, idNumber);
  await page.getByTestId('card-continue').click();
  await fillContact(page, mobile);
  await expect(page.getByTestId('intake')).toHaveAttribute('data-step', 'portrait');
  await expectLivenessPass(page);
  const review = page.getByTestId('portrait-review');
  await expect(review).toBeVisible({ timeout: 30_000 });
  await review.getByRole('button', { name: 'Xác nhận ảnh' }).click();
  await giveConsentAndSubmit(page);
  return (await page.getByTestId('dossier-reference').textContent())!.match(/HS-[2-9A-HJ-NP-Z]{10}/)![0];
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' }).normalize('NFC');

test('a drive with two companies, two workers enrolled one per company, Form 02 of one company, the receipt, the charts', async () => {
  test.skip(!existsSync(D12_CLIP), 'the shared face media (../shared/faces) is not beside this checkout');
  test.setTimeout(2 * VERDICT_TIMEOUT_MS + 180_000);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const outside: string[] = [];
  const csp: string[] = [];
  page.on('request', (r) => {
    if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(shell.server.origin)) outside.push(r.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  try {
    // The supervisor opens the drive.
    await openApp(page, shell, { role: 'supervisor', query: `?seed=${D12_SEED}` });
    await page.getByTestId('open-reports').click();
    const form = page.getByTestId('drive-open-form');
    await form.getByTestId('drive-name').fill('Đợt KCN Quang Minh');
    await form.getByTestId('drive-place').fill('KCN Quang Minh, Mê Linh');
    await form.getByTestId('drive-companies').fill('Công ty TNHH Điện tử Quang Minh\nCông ty CP May Mê Linh');
    await form.getByTestId('drive-open').click();
    await expect(page.getByTestId('drive-item')).toContainText('Đợt KCN Quang Minh');
    await expect(page.getByTestId('drive-state')).toHaveText('Đang mở');
    await page.getByTestId('reports-back').click();

    // The officer enrols one worker per company, switching the company in one touch.
    await page.getByTestId('sign-out').click();
    await signIn(page, 'officer');
    const switcher = page.getByTestId('company-switch');
    await expect(switcher).toContainText('Đợt KCN Quang Minh');
    await expect(switcher.getByTestId('company-0')).toHaveAttribute('aria-pressed', 'true');
    const first = await enrol(page, 'nhung', NHUNG.idNumber, '0912 345 678');
    const receipt = await download(page, 'receipt-a5');
    expect(receipt.name).toBe(`PhieuTiepNhan_${first}_a5.pdf`);
    const slip = pdfText(receipt.bytes);
    for (const want of [first, 'Nguyễn Thị Hồng Nhung', 'VNeID', 'Công an xã Tân Quang'.toUpperCase()]) expect(slip).toContain(want);
    expect(slip).not.toContain(NHUNG.idNumber);
    await page.getByTestId('summary-home').click();

    await switcher.getByTestId('company-1').click();
    await expect(switcher.getByTestId('company-1')).toHaveAttribute('aria-pressed', 'true');
    await expect(switcher.getByTestId('company-0')).toHaveAttribute('aria-pressed', 'false');
    await enrol(page, 'ducanh', DUC_ANH.idNumber, '0987 654 321');
    await page.getByTestId('summary-home').click();

    // The supervisor exports Form 02 for the second company: exactly its worker, as on the paper form.
    await page.getByTestId('sign-out').click();
    await signIn(page, 'supervisor');
    await page.getByTestId('open-reports').click();
    await page.getByTestId('reports-tab-form02').click();
    await page.getByTestId('form02-drive').selectOption({ label: 'Đợt KCN Quang Minh' });
    await page.getByTestId('form02-company').selectOption({ label: 'Công ty CP May Mê Linh' });
    const xlsx = await download(page, 'form02-export-xlsx');
    expect(xlsx.name).toMatch(/^Mau02_\d{8}_CO-[0-9A-F]{12}\.xlsx$/);
    await expect(page.getByTestId('form02-export-message')).toContainText('Đã xuất 1 dòng');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('Mẫu số 02');
    expect(ws.getCell('A5').value).toBe('Doanh nghiệp: Công ty CP May Mê Linh');
    let header = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === 'STT') header = n;
    });
    expect((ws.getRow(header + 1).values as unknown[]).slice(1)).toEqual([1, DUC_ANH.fullName, '20/11/1958', DUC_ANH.placeOfResidence, DUC_ANH.idNumber, '0987654321', 'Mức 2']);
    expect(ws.getRow(header + 2).getCell(2).value ?? null).toBeNull();

    // The statistics: two dossiers today, one per company, drawn as charts.
    await page.getByTestId('reports-tab-stats').click();
    await page.getByTestId('stats-show').click();
    await expect(page.getByTestId('stats-total')).toContainText('2');
    for (const chart of ['chart-by-day', 'chart-by-outcome', 'chart-by-officer', 'chart-by-company']) {
      await expect(page.getByTestId(chart).getByRole('application')).toBeVisible();
      await expect(page.getByTestId(chart).locator('.recharts-bar-rectangle').first()).toBeVisible();
    }
    // Long tick labels are wrapped into lines (tspans) by the chart.
    await expect(page.getByTestId('chart-by-company')).toContainText('Công ty CP May');
    await expect(page.getByTestId('chart-by-company')).toContainText('Điện tử Quang');
    await page.screenshot({ path: test.info().outputPath('reports-stats.png'), fullPage: true });
    expect(outside).toEqual([]);
    expect(csp).toEqual([]);
  } finally {
    await context.close();
  }
});
