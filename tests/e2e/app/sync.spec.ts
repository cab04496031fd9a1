/**
 * Sync end to end in the browser shell (issue 11): the reference upstream runs in this test
 * process (real HTTPS with mutual TLS, its own SQLite, trusting the demo cards' CSCA) and the
 * kiosk host reaches it through its configuration, as a station would. The administrator enrols
 * the kiosk in the settings screen; with the upstream down a supervisor approves an officer's
 * dossier, which waits with the reason in words; the upstream comes up and the dossier is sent;
 * the upstream rejects its portrait and the kiosk's own status pull returns it to the officer,
 * whose re-capture path opens. Then refusals the officer must see: chip files altered after the
 * read, and a device the upstream revoked. Everything is waited for on the screens, never slept.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { TrustStore } from '../../../electron/host/card/icao/auth/trust-store';
import { DemoCards } from '../../../electron/host/sim/demo-cards';
import { startUpstream, type Upstream } from '../../../electron/host/sim/upstream/server';
import { demoSignedImages, openApp, startShell, storeChipDossier, TRAINING_PASSWORD } from './shell';

test.describe.configure({ mode: 'serial' });

let shell: RunningBrowserShell;
let up: Upstream | null = null;
let upstreamDir: string;
let ports: { port: number; enrolmentPort: number };
const trust = new TrustStore();

type Answer = { ok: boolean; value?: unknown; error?: { code: string } };
const call = (ch: string, p?: unknown) => shell.host.dispatch(ch, p, { shell: 'browser', senderUrl: shell.server.origin }) as Promise<Answer>;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The upstream on its fixed ports and folder (a restart keeps its CA, devices and packets), deciding nothing by itself. */
async function upstreamUp(): Promise<Upstream> {
  up = await startUpstream({ dataDir: upstreamDir, trust, ...ports });
  up.control.mode('hold');
  return up;
}

async function upstreamDown(): Promise<void> {
  await up?.stop();
  up = null;
}

/** Resolves on the upstream's next `event` about this dossier. */
function upstreamEvent(u: Upstream, event: string, match: (e: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const on = (e: Record<string, unknown>) => {
      if (!match(e)) return;
      u.events.off(event, on);
      resolve(e);
    };
    u.events.on(event, on);
  });
}

async function as(username: string): Promise<void> {
  await call('auth.signOut');
  expect((await call('auth.signIn', { username, password: TRAINING_PASSWORD })).ok).toBe(true);
}

/** An officer's complete chip dossier (chip files signed by the demo CSCA), submitted over the bridge. */
async function submitted(idNumber: string, fullName: string, images = demoSignedImages()): Promise<string> {
  await as('canbo');
  const id = storeChipDossier(shell, { idNumber, fullName }, images);
  expect((await call('dossier.submit', { id })).ok).toBe(true);
  return id;
}

/** The officer's queue screen with this dossier's detail open. */
async function officerOpens(page: Page, id: string): Promise<void> {
  await openApp(page, shell);
  await page.getByTestId('open-queue').click();
  await expect(page.getByTestId('queue-loading')).toBeHidden();
  await page.getByTestId('queue-row').filter({ hasText: id }).getByTestId('queue-open').click();
  await expect(page.getByTestId('queue-detail').getByRole('heading', { name: `Hồ sơ ${id}` })).toBeFocused();
}

/** Back to the list (which loads again) and into the detail again. */
async function reopen(page: Page, id: string): Promise<void> {
  await page.getByTestId('queue-detail-back').click();
  await expect(page.getByTestId('queue-loading')).toBeHidden();
  await page.getByTestId('queue-row').filter({ hasText: id }).getByTestId('queue-open').click();
  await expect(page.getByTestId('queue-detail').getByRole('heading', { name: `Hồ sơ ${id}` })).toBeFocused();
}

/** Submitted, approved by the supervisor (over the bridge), refused by the upstream with `code`; then opened by its officer. */
async function refusedThenOpened(page: Page, code: string, idNumber: string, fullName: string, images?: ReturnType<typeof demoSignedImages>) {
  const refused = upstreamEvent(up!, 'refused', (e) => e.code === code);
  const id = await submitted(idNumber, fullName, images);
  await as('lanhdao');
  expect((await call('dossier.decide', { id, decision: 'approve' })).ok).toBe(true);
  await refused;
  await officerOpens(page, id);
  return { id, line: page.getByTestId('queue-detail').getByTestId('dossier-sync') };
}

test.beforeAll(async () => {
  trust.add(DemoCards.cscaDer(), 'demo cards CSCA');
  upstreamDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-upstream-'));
  ports = { port: await freePort(), enrolmentPort: await freePort() };
  const u = await upstreamUp();
  // What the provincial administrator hands over with the token: the upstream's CA certificate.
  const caFile = join(upstreamDir, 'upstream-ca.pem');
  writeFileSync(caFile, u.caPem);
  shell = await startShell({ upstream: { url: u.enrolmentUrl, caFile } });
});
test.afterAll(async () => {
  await shell?.stop();
  await upstreamDown();
});

test('approved offline, sent when the upstream comes up, rejected for its portrait: the officer sees each step and the re-capture path opens', async ({ page }) => {
  test.setTimeout(240_000);
  // The administrator enrols the kiosk in the settings with the one-time token.
  await openApp(page, shell, { role: 'admin' });
  await page.getByTestId('open-settings').click();
  const enrol = page.getByTestId('sync-enrol');
  await enrol.getByTestId('sync-enrol-token').fill(up!.control.issueToken());
  await enrol.getByTestId('sync-enrol-submit').click();
  await expect(enrol.getByRole('status')).toContainText('Đã đăng ký: mã máy trạm KIOSK-', { timeout: 30_000 });
  await expect(enrol.getByTestId('sync-enrolled')).toContainText('Mã máy trạm: KIOSK-');

  // The upstream goes down; an officer's dossier is approved by the supervisor on the approval screen.
  await upstreamDown();
  const name = 'Lê Thị Gửi Lên';
  const id = await submitted('001190000511', name);
  await openApp(page, shell, { role: 'supervisor' });
  await page.getByTestId('open-approval').click();
  await page.getByTestId('approval-queue').getByTestId('approval-item').filter({ hasText: name }).click();
  await page.getByTestId('approval-detail').getByTestId('approve').click();
  await expect(page.getByTestId('approval-queue').getByTestId('approval-item').filter({ hasText: name })).toHaveCount(0, { timeout: 30_000 });

  // The officer sees it waiting, with why in words: the upstream cannot be reached.
  await officerOpens(page, id);
  const detail = page.getByTestId('queue-detail');
  const line = detail.getByTestId('dossier-sync');
  await expect(line).toContainText(/Chưa gửi được \(lần thử \d+\): không kết nối được máy chủ cấp trên\. Sẽ tự thử lại lúc \d\d\/\d\d\/\d{4} \d\d:\d\d/, { timeout: 60_000 });
  await page.getByTestId('queue-detail-back').click();
  const panel = page.getByTestId('sync-panel');
  await expect(panel).toContainText('Đang tự động gửi.');
  await expect(panel.getByRole('status')).toContainText('Mất kết nối cấp trên', { timeout: 60_000 });
  await expect(panel.getByRole('status')).toContainText('không kết nối được máy chủ cấp trên. Hồ sơ sẽ tự gửi lại khi có mạng.');
  await expect(panel.getByTestId('sync-counts')).toContainText('Đang thử lại: 1');
  await page.getByTestId('queue-row').filter({ hasText: id }).getByTestId('queue-open').click();

  // The upstream comes up (holding its decisions): the kiosk notices by itself and sends the dossier.
  const u = await upstreamUp();
  const stored = upstreamEvent(u, 'stored', (e) => e.dossierId === id);
  await expect(line).toContainText(/^Cấp trên đã nhận hồ sơ lúc \d\d\/\d\d\/\d{4} \d\d:\d\d\.$/, { timeout: 90_000 });
  await stored;
  // The upstream re-verified the chip files against the demo CSCA and keeps one copy.
  expect(u.control.packet(id)).toMatchObject({ chipChain: 'trusted', submission: 1 });
  expect(u.control.packetCount()).toBe(1);
  await reopen(page, id);
  await expect(detail.getByTestId('queue-detail-state')).toHaveText('Đã gửi');
  await expect(detail.getByTestId('history').locator('li').last()).toHaveAttribute('data-action', 'sync.sent');

  // The upstream rejects the portrait; the kiosk's status pull brings it back to the officer.
  const decided = upstreamEvent(u, 'decided', (e) => e.dossierId === id);
  expect(u.control.reject(id, 'portrait_quality')).toBe(true);
  await decided;
  await expect(line).toHaveText('Cấp trên từ chối hồ sơ: ảnh chân dung chưa đạt chuẩn. Hồ sơ đã được trả lại cho cán bộ để chụp lại ảnh.', { timeout: 90_000 });
  await expect(line).toHaveAttribute('role', 'alert');

  await page.getByTestId('queue-detail-back').click();
  await expect(page.getByTestId('count-returned')).toHaveAttribute('data-count', '1');
  await page.getByTestId('count-returned').click();
  const row = page.getByTestId('queue-row').filter({ hasText: id });
  await expect(row).toHaveAttribute('data-state', 'returned');
  await expect(row).toContainText('Cấp trên từ chối ảnh chân dung');
  await row.getByTestId('queue-open').click();
  await expect(detail.getByTestId('queue-detail-state')).toHaveText('Bị trả lại');
  const actions = await detail.getByTestId('history').locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')));
  expect(actions.slice(-3)).toEqual(['sync.sent', 'sync.rejected', 'dossier.returned_for_recapture']);
  await expect(detail.getByTestId('history').locator('li').last()).toContainText('Trả lại để chụp lại ảnh');
  const notice = detail.getByTestId('return-reason');
  await expect(notice).toContainText('Cấp trên trả lại hồ sơ này');
  await expect(notice).toContainText('Cấp trên từ chối ảnh chân dung (chưa đạt chuẩn): chụp lại ảnh rồi gửi lại.');
  await expect(notice).not.toContainText('Lãnh đạo');
  await expect(notice).not.toContainText('Upstream');
  const resume = notice.getByTestId('queue-resume');
  await expect(resume).toHaveText('Sửa và gửi lại');
  await resume.click();
  // The intake opens on that dossier with the reason (the re-capture itself is intake-dossier.spec.ts's subject).
  await expect(page.getByTestId('dossier-id')).toContainText(id, { timeout: 30_000 });
  await expect(page.getByTestId('returned-banner')).toContainText('Hồ sơ bị cấp trên trả lại: ảnh chân dung chưa đạt chuẩn');
});

test('chip files altered after the read are refused by the upstream, and the officer reads why in the dossier’s upload line', async ({ page }) => {
  test.setTimeout(180_000);
  const u = up!;
  const images = demoSignedImages();
  const dg13 = new Uint8Array(images.dg13!);
  dg13[dg13.length - 1]! ^= 0x01; // one bit of the citizen's data group, after the SOD signed its hash
  const { id, line } = await refusedThenOpened(page, 'packet.chip_unverified', '001190000522', 'Phạm Văn Sửa Chip', { ...images, dg13 });
  await expect(line).toHaveText('Cấp trên từ chối nhận gói hồ sơ: dữ liệu chip trong gói bị thay đổi sau khi đọc thẻ. Hồ sơ không tự gửi lại; báo lãnh đạo trạm.', { timeout: 60_000 });
  await expect(line).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('history').locator('li').last()).toContainText('Cấp trên từ chối nhận gói');
  expect(u.control.packet(id)).toBeUndefined();
  await page.getByTestId('queue-detail-back').click();
  await expect(page.getByTestId('sync-panel').getByTestId('sync-counts')).toContainText('Bị từ chối: 1');
});

test('a device the upstream revoked is refused, and the officer is told to contact the upstream’s administrator', async ({ page }) => {
  test.setTimeout(180_000);
  const u = up!;
  const status = (await call('sync.status')) as { ok: boolean; value: { enrolled: { deviceId: string } } };
  expect(u.control.revoke(status.value.enrolled.deviceId)).toBe(true);
  const { id, line } = await refusedThenOpened(page, 'device.revoked', '001190000533', 'Đỗ Thị Thu Hồi');
  await expect(line).toHaveText('Cấp trên từ chối nhận gói hồ sơ: máy trạm đã bị thu hồi quyền gửi. Liên hệ quản trị cấp trên. Hồ sơ không tự gửi lại; báo lãnh đạo trạm.', { timeout: 60_000 });
  expect(u.control.packet(id)).toBeUndefined();
});
