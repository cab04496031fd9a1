import { expect, test } from '@playwright/test';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { openApp, shellForTests } from './shell';

let shell: RunningBrowserShell;
shellForTests((s) => (shell = s));

test('the app loads in Vietnamese, shows demo mode, and removes the secret from the address', async ({ page }) => {
  const outside: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(shell.server.origin) && !r.url().startsWith('data:')) outside.push(r.url());
  });
  await openApp(page, shell);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Định danh điện tử mức 2');
  await expect(page.getByTestId('demo-banner')).toContainText('CHẾ ĐỘ DEMO');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.getByText('Trạm: Công an phường Bến Nghé')).toBeVisible();
  expect(page.url()).not.toContain('#k=');
  expect(outside).toEqual([]);
});

test('the language switch changes every visible string and survives a reload', async ({ page }) => {
  await openApp(page, shell);
  await expect(page.getByTestId('card-service')).toHaveText('Mô phỏng');
  await page.getByTestId('lang-en').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Level-2 electronic identification');
  await expect(page.getByTestId('card-service')).toHaveText('Simulated');
  await expect(page.getByTestId('demo-banner')).toContainText('DEMO / TRAINING MODE');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Level-2 electronic identification');
  await page.getByTestId('lang-vi').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Định danh điện tử mức 2');
});

test('device.status arrives over the bridge, and device.changed updates the screen', async ({ page }) => {
  await openApp(page, shell);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
  const readers = page.getByTestId('readers');
  await expect(readers).toContainText('Đầu đọc CCCD ảo (đào tạo)');
  await expect(readers).toContainText('Có thẻ');
  // Take the simulated card off the reader from the host side: the host pushes device.changed.
  await shell.host.context.demo!.set({ present: false });
  await expect(readers).toContainText('Chưa có thẻ');
  await shell.host.context.demo!.set({ present: true });
  await expect(readers).toContainText('Có thẻ');
});

test('a bad payload and an unknown channel are refused with contract errors', async ({ page }) => {
  await openApp(page, shell);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
  const results = await page.evaluate(async () => {
    const secret = sessionStorage.getItem('kiosk.k')!;
    const ws = new WebSocket(`ws://${location.host}/bridge`, ['kiosk.v1', `kiosk.secret.${secret}`]);
    await new Promise((r) => (ws.onopen = r));
    const replies: unknown[] = [];
    const done = new Promise<void>((resolve) => {
      ws.onmessage = (ev) => {
        const f = JSON.parse(String(ev.data));
        if (f.type === 'result') replies.push(f);
        if (replies.length === 3) resolve();
      };
    });
    ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'system.ping', payload: { nonce: 42 } }));
    ws.send(JSON.stringify({ type: 'call', id: 2, channel: 'host.exec', payload: { cmd: 'rm -rf /' } }));
    ws.send(JSON.stringify({ type: 'call', id: 3, channel: 'system.ping', payload: { nonce: 'ok' } }));
    await done;
    ws.close();
    return replies;
  });
  expect(results).toEqual([
    { type: 'result', id: 1, result: { ok: false, error: { code: 'bridge.invalid_payload', message: expect.any(String) } } },
    { type: 'result', id: 2, result: { ok: false, error: { code: 'bridge.unknown_channel', message: expect.any(String) } } },
    { type: 'result', id: 3, result: { ok: true, value: { nonce: 'ok', hostTime: expect.any(String) } } },
  ]);
});

test('the CSP blocks requests and scripts from any other origin', async ({ page }) => {
  await openApp(page, shell);
  const violations = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    await fetch('http://127.0.0.2:9/x').catch(() => undefined);
    const s = document.createElement('script');
    s.src = 'http://127.0.0.2:9/evil.js';
    document.body.append(s);
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.body.append(inline);
    await new Promise((r) => setTimeout(r, 300));
    return { seen, inlineRan: (window as { __inlineRan?: boolean }).__inlineRan === true };
  });
  expect(violations.inlineRan).toBe(false);
  expect(violations.seen).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^connect-src http:\/\/127\.0\.0\.2:9/),
      expect.stringMatching(/^script-src(-elem)? http:\/\/127\.0\.0\.2:9/),
      expect.stringMatching(/^script-src(-elem)? inline/),
    ]),
  );
});

test('a page opened without the launch secret cannot use the bridge and says what to do', async ({ page }) => {
  await page.goto(shell.server.origin + '/');
  await expect(page.getByRole('alert')).toContainText('Không kết nối được với dịch vụ của máy trạm');
});
