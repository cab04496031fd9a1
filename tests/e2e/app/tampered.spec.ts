/**
 * A launch secret presented twice: the host shuts the bridge for everyone, and the officer's
 * screen is replaced by one plain instruction (no personal data left on it, no reconnect loop).
 */
import { expect, test } from '@playwright/test';
import WebSocket from 'ws';
import { SECRET_PROTOCOL_PREFIX, TAMPERED_CLOSE_CODE, WIRE_PROTOCOL } from '../../../shared/contract/index';
import type { RunningBrowserShell } from '../../../electron/browser/main';
import { shellForTests, signIn } from './shell';

let shell: RunningBrowserShell;
shellForTests((s) => (shell = s), { perTest: true });

test('an intruder replaying the page\'s launch secret: the officer sees the tampered screen, also after a reload', async ({ page }) => {
  const launch = shell.server.launchUrl();
  await page.goto(launch);
  await signIn(page);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
  await page.getByTestId('start-intake').click();

  const intruder = new WebSocket(shell.server.origin.replace('http', 'ws') + '/bridge', [WIRE_PROTOCOL, SECRET_PROTOCOL_PREFIX + new URL(launch).hash.slice(3)], {
    origin: shell.server.origin,
  });
  expect(await new Promise((ok) => intruder.once('close', (code) => ok(code)))).toBe(TAMPERED_CLOSE_CODE);

  const screen = page.getByTestId('tampered');
  await expect(screen).toContainText('Máy trạm có dấu hiệu bị can thiệp');
  await expect(screen).toContainText('khởi động lại ứng dụng');
  await expect(page.getByTestId('start-intake')).toHaveCount(0);
  // A reload cannot get back in either: the session secret was revoked with everything else.
  await page.reload();
  await expect(page.getByTestId('tampered')).toBeVisible();
});
