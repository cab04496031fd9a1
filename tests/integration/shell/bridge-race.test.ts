/**
 * Another local user races the real kiosk page for the bridge, and loses. The browser shell is
 * started as the product starts it (runBrowserShell opening the system Chromium, headless here);
 * meanwhile a process running as `nobody` watches every command line and environment it can read
 * in /proc, tries to read any file a command line names, and offers every secret-shaped token it
 * finds to the bridge with a forged Origin. It must find nothing usable and never get a session,
 * and the real page must still open the bridge (its launcher file is consumed only by a
 * successful launch-secret upgrade).
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { chmodSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBrowserShell } from '../../../electron/browser/main';
import { configSchema } from '../../../electron/host/config';
import { createLogger } from '../../../electron/host/log';
import { CHROMIUM_PATH } from '../../support/chromium';

const root = resolve(import.meta.dirname, '../../..');
const rendererDir = join(root, 'out/renderer');
const NOBODY = 65534;

const notRoot = process.getuid?.() !== 0 ? 'needs root to run the intruder as another user (uid 65534)' : undefined;
const noBuild = !existsSync(join(rendererDir, 'index.html')) ? 'the renderer is not built (npm run build)' : undefined;
const noChromium = !existsSync(CHROMIUM_PATH) ? `no Chromium at ${CHROMIUM_PATH}` : undefined;
const skipReason = notRoot ?? noBuild ?? noChromium;

/** Runs as another user: harvests tokens and files from /proc and tries each on the bridge. */
const INTRUDER = String.raw`
const fs = require('node:fs');
const [origin, stopFile] = process.argv.slice(2);
const tokens = new Set(), filesTried = new Set(), filesRead = [];
const attempts = [];
const harvest = () => {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    for (const what of ['cmdline', 'environ']) {
      let text = '';
      try { text = fs.readFileSync('/proc/' + pid + '/' + what, 'latin1').replace(/\0/g, ' '); } catch { continue; }
      for (const m of text.matchAll(/[0-9a-f]{64}/g)) tokens.add(m[0]);
      for (const m of text.matchAll(/file:\/\/(\S+)/g)) {
        const path = decodeURIComponent(m[1]);
        if (filesTried.has(path)) continue;
        filesTried.add(path);
        try { const body = fs.readFileSync(path, 'utf8'); filesRead.push(path); for (const t of body.matchAll(/[0-9a-f]{64}/g)) tokens.add(t[0]); } catch {}
      }
    }
  }
};
const tried = new Set();
const net = require('node:net');
const upgrade = (t) => new Promise((ok) => {
  const u = new URL(origin);
  const sock = net.connect(Number(u.port), '127.0.0.1');
  let head = '';
  sock.on('data', (d) => { head += d; if (head.includes('\r\n')) { ok(/^HTTP\/1\.1 101/.test(head)); sock.destroy(); } });
  sock.on('error', () => ok(false));
  sock.on('close', () => ok(/^HTTP\/1\.1 101/.test(head)));
  sock.write('GET /bridge HTTP/1.1\r\nHost: ' + u.host + '\r\nOrigin: ' + origin + '\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
    'Sec-WebSocket-Key: ' + Buffer.from(String(Math.random()).slice(0, 16).padEnd(16, '0')).toString('base64') + '\r\nSec-WebSocket-Version: 13\r\n' +
    'Sec-WebSocket-Protocol: kiosk.v1, kiosk.secret.' + t + '\r\n\r\n');
});
const tryTokens = async () => {
  for (const t of tokens) {
    if (tried.has(t)) continue;
    tried.add(t);
    attempts.push(upgrade(t));
  }
};
(async () => {
  while (!fs.existsSync(stopFile)) { harvest(); await tryTokens(); await new Promise((r) => setTimeout(r, 5)); }
  const results = await Promise.all(attempts);
  process.stdout.write(JSON.stringify({ tokens: tokens.size, filesTried: [...filesTried], filesRead, sessions: results.filter(Boolean).length }));
})();
`;

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => ok(port));
    });
  });
}

describe.skipIf(skipReason)(`bridge race against another local user${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('the intruder finds no secret, opens no session, and the page opens the bridge', async () => {
    const work = mkdtempSync(join(tmpdir(), 'kiosk-race-'));
    chmodSync(work, 0o755); // like a home folder others may enter: only launch/ (0700) protects the launcher
    const dataDir = join(work, 'data');
    const intruderJs = join(work, 'intruder.cjs');
    writeFileSync(intruderJs, INTRUDER, { mode: 0o644 });
    const stopFile = join(work, 'stop');

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    // The intruder is watching before Chromium exists; then the shell starts as the product does.
    const intruder = spawn(process.execPath, [intruderJs, origin, stopFile], { uid: NOBODY, gid: NOBODY });
    let out = '';
    intruder.stdout.on('data', (d) => (out += d));
    const intruderDone = new Promise<void>((ok) => intruder.on('exit', () => ok()));
    const live = await runBrowserShell({
      appVersion: '0.0.0-test',
      config: configSchema.parse({ dataDir }),
      demo: true,
      log: createLogger(() => {}),
      rendererDir,
      open: true,
      port,
      chromiumExtraArgs: ['--headless=new', '--disable-gpu'],
    });
    try {
      const launchDir = join(dataDir, 'launch');
      // The page consumed its launch secret: the launcher file is gone only after a good upgrade.
      await expect.poll(() => readdirSync(launchDir).filter((f) => f.endsWith('.html')).length, { timeout: 45_000, interval: 100 }).toBe(0);
      writeFileSync(stopFile, '');
      chmodSync(stopFile, 0o644);
      await intruderDone;
      const report = JSON.parse(out) as { tokens: number; filesTried: string[]; filesRead: string[]; sessions: number };
      expect(report.sessions).toBe(0);
      expect(report.filesTried.some((f) => f.startsWith(launchDir))).toBe(true); // it saw the launcher path…
      // …but could not read it (other processes on the machine name world-readable files, e.g. tsx's
      // file:///…/loader.mjs: only files of this kiosk count).
      expect(report.filesRead.filter((f) => f.startsWith(work))).toEqual([]);
    } finally {
      if (!existsSync(stopFile)) writeFileSync(stopFile, '');
      await live.stop();
    }
  });
});
