/**
 * `npm start` as a process: a live start never becomes demo mode by itself, root is refused for
 * the live kiosk, and demo mode writes nothing into the live data folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SECRET_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../../shared/contract/index';

const root = resolve(import.meta.dirname, '../../..');
const isRoot = process.getuid?.() === 0;

interface Run {
  output(): string;
  waitFor(re: RegExp): Promise<RegExpMatchArray>;
  exit: Promise<number | null>;
  stop(): void;
}

function start(args: string[], dataDir: string): Run {
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'electron/cli/start.ts', ...args], {
    cwd: root,
    env: { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_DEMO_DATA_DIR: '', DISPLAY: '', WAYLAND_DISPLAY: '', KIOSK_DEMO: '', KIOSK_ALLOW_ROOT: '' },
  });
  let out = '';
  const waiters: Array<() => void> = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of waiters.splice(0)) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exit = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  return {
    output: () => out,
    exit,
    stop: () => child.kill('SIGTERM'),
    waitFor: async (re) => {
      for (;;) {
        const m = out.match(re);
        if (m) return m;
        const done = await Promise.race([new Promise<'data'>((ok) => waiters.push(() => ok('data'))), exit.then(() => 'exit' as const)]);
        if (done === 'exit') {
          const last = out.match(re);
          if (last) return last;
          throw new Error(`start exited before printing ${re}:\n${out}`);
        }
      }
    },
  };
}

/** Asks the running host which mode it is in, through its own bridge (as its page would). */
async function modeOf(appUrl: string): Promise<string> {
  const u = new URL(appUrl);
  const ws = new WebSocket(`ws://${u.host}/bridge`, [WIRE_PROTOCOL, SECRET_PROTOCOL_PREFIX + u.hash.slice(3)], { origin: u.origin });
  await new Promise((ok, fail) => ws.once('open', ok).once('error', fail));
  const info = new Promise<{ result: { value: { mode: string } } }>((ok) =>
    ws.on('message', (d) => {
      const f = JSON.parse(String(d));
      if (f.type === 'result') ok(f);
    }),
  );
  ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'system.info' }));
  const mode = (await info).result.value.mode;
  ws.close();
  return mode;
}

const liveDir = () => join(mkdtempSync(join(tmpdir(), 'kiosk-start-')), 'live');

// The first start may build the user interface (the suite's electron-vite build leaves no freshness
// stamp), which takes a minute on a loaded 2-core machine: each test waits for the process's own
// "listening" line, with a bound generous enough for that build.
const START_TIMEOUT = 240_000;

describe('npm start', { timeout: START_TIMEOUT }, () => {
  it.skipIf(!isRoot)('refuses the live kiosk as root, and says how to run it (skipped when not root: nothing to refuse)', async () => {
    const run = start(['--no-open', '--shell', 'browser'], liveDir());
    expect(await run.exit).toBe(2);
    expect(run.output()).toMatch(/Refusing to start the live kiosk as root[\s\S]*ordinary user/);
  });

  it('with no card reader a live start stays live: it says so and keeps waiting', async () => {
    const data = liveDir();
    const urlFile = `${data}.url`;
    const run = start(['--no-open', '--shell', 'browser', '--allow-root', '--url-file', urlFile], data);
    try {
      await run.waitFor(/browser_shell\.listening/);
      await expect.poll(() => existsSync(urlFile), { timeout: 30_000 }).toBe(true);
      const url = readFileSync(urlFile, 'utf8').trim();
      expect(run.output()).toMatch(/No card reader found[\s\S]*keeps waiting[\s\S]*npm run demo/);
      expect(run.output()).not.toMatch(/Demo \/ training mode/);
      expect(await modeOf(url)).toBe('live');
    } finally {
      run.stop();
      await run.exit;
    }
  });

  it('demo mode writes into its own labelled folder, never the live one', async () => {
    const data = liveDir();
    const urlFile = `${data}.url`;
    const run = start(['--demo', '--no-open', '--shell', 'browser', '--url-file', urlFile], data);
    try {
      await run.waitFor(/browser_shell\.listening/);
      await expect.poll(() => existsSync(urlFile), { timeout: 30_000 }).toBe(true);
      const url = readFileSync(urlFile, 'utf8').trim();
      expect(await modeOf(url)).toBe('demo');
      expect(existsSync(data)).toBe(false);
      expect(readdirSync(`${data}-DEMO-training`)).toContain('DEMO-TRAINING-DATA-ONLY.txt');
    } finally {
      run.stop();
      await run.exit;
    }
  });
});
