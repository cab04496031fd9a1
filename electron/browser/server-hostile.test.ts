/**
 * The browser shell against hostile local clients: malformed HTTP, protocol-breaking WebSocket
 * frames, and a second party holding a launch secret. The process must survive every one, and a
 * reused launch secret must shut the bridge for everyone.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect as tcpConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_FRAME_BYTES, SECRET_PROTOCOL_PREFIX, TAMPERED_CLOSE_CODE, WIRE_PROTOCOL } from '../../shared/contract/index';
import type { Host } from '../host/host';
import { createLogger } from '../host/log';
import { startBrowserShellServer, type BrowserShellServer } from './server';
import { sendStatic } from './static-files';
import { demoHost } from '../host/test-host';

let host: Host | undefined;
let shell: BrowserShellServer | undefined;
let logLines: string[] = [];

async function start(): Promise<BrowserShellServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-hostile-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer/index.html'), '<!doctype html><title>t</title>');
  logLines = [];
  const log = createLogger((l) => logLines.push(l));
  host = await demoHost('', log, { dataDir: dir, isTrustedSender: (ctx) => ctx.shell === 'browser' });
  shell = await startBrowserShellServer({ host, rendererDir: join(dir, 'renderer'), log });
  return shell;
}

afterEach(async () => {
  await shell?.close();
  await host?.close();
  shell = undefined;
  host = undefined;
});

const port = (s: BrowserShellServer) => Number(new URL(s.origin).port);
const secretOf = (url: string) => new URL(url).hash.slice('#k='.length);

/** Sends raw bytes and collects everything until the server closes or `ms` of silence. */
function raw(s: BrowserShellServer, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const sock = tcpConnect(port(s), '127.0.0.1');
    let got = '';
    sock.on('data', (d) => (got += d.toString('latin1')));
    sock.on('close', () => resolve(got));
    sock.on('error', () => resolve(got));
    sock.write(bytes);
  });
}

async function stillServes(s: BrowserShellServer): Promise<void> {
  const r = await fetch(`${s.origin}/`);
  expect(r.status).toBe(200);
}

function open(s: BrowserShellServer, secret: string): WebSocket {
  return new WebSocket(s.origin.replace('http', 'ws') + '/bridge', [WIRE_PROTOCOL, SECRET_PROTOCOL_PREFIX + secret], { origin: s.origin });
}

function opened(ws: WebSocket): Promise<void> {
  return new Promise((ok, fail) => {
    ws.once('open', () => ok());
    ws.once('error', fail);
  });
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/** A hand-made WebSocket upgrade, for frames the ws client refuses to send. */
async function rawSocket(s: BrowserShellServer, secret: string): Promise<Socket> {
  const sock = tcpConnect(port(s), '127.0.0.1');
  const key = randomBytes(16).toString('base64');
  sock.write(
    `GET /bridge HTTP/1.1\r\nHost: 127.0.0.1:${port(s)}\r\nOrigin: ${s.origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ${WIRE_PROTOCOL}, ${SECRET_PROTOCOL_PREFIX}${secret}\r\n\r\n`,
  );
  await new Promise<void>((ok) => {
    let head = '';
    const onData = (d: Buffer) => {
      head += d.toString('latin1');
      if (head.includes('\r\n\r\n')) {
        sock.off('data', onData);
        expect(head).toMatch(/^HTTP\/1\.1 101/);
        ok();
      }
    };
    sock.on('data', onData);
  });
  return sock;
}

/** A masked client frame with the given first byte (FIN + opcode). */
function frame(first: number, payload: Buffer): Buffer {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from([first, 0x80 | payload.length]), mask, masked]);
}

function serverCloses(sock: Socket): Promise<void> {
  return new Promise((ok) => {
    sock.on('close', () => ok());
    sock.on('error', () => {});
  });
}

describe('malformed requests never crash the host', () => {
  it('an unparseable request target with a valid Host gets 400 (GET http://[)', async () => {
    const s = await start();
    const reply = await raw(s, `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port(s)}\r\nConnection: close\r\n\r\n`);
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    await stillServes(s);
  });

  it('the same target on the upgrade path, with no Host header, is refused', async () => {
    const s = await start();
    const reply = await raw(
      s,
      `GET http://[ HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 (400|403)/);
    await stillServes(s);
  });

  it('garbage that is not HTTP gets 400', async () => {
    const s = await start();
    expect(await raw(s, '\x00\x01\x02 not http\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    await stillServes(s);
  });

  it('a frame over the size limit closes that socket (1009), and the bridge still serves', async () => {
    const s = await start();
    const ws = open(s, secretOf(s.appUrl));
    await opened(ws);
    const code = closed(ws);
    ws.send(Buffer.alloc(MAX_FRAME_BYTES + 1, 0x20), { binary: false });
    expect(await code).toBe(1009);
    await stillServes(s);
    const again = open(s, secretOf(s.launchUrl()));
    await opened(again);
    again.close();
  });

  it.each([
    ['invalid UTF-8 in a text frame', 0x81, Buffer.from([0xff, 0xfe, 0xfd])],
    ['a reserved opcode', 0x83, Buffer.from('x')],
    ['a fragmented control frame', 0x09, Buffer.from('ping')],
  ])('%s closes that socket, and the bridge still serves', async (_label, first, payload) => {
    const s = await start();
    const sock = await rawSocket(s, secretOf(s.appUrl));
    const gone = serverCloses(sock);
    sock.write(frame(first, payload));
    await gone;
    await stillServes(s);
    const again = open(s, secretOf(s.launchUrl()));
    await opened(again);
    again.close();
  });
});

describe('a file that cannot be read never crashes the host', () => {
  it('a file gone between the check and the read (a rebuild) answers 500, and the server still serves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-static-'));
    const file = join(dir, 'gone.js');
    writeFileSync(file, 'x');
    rmSync(file);
    const srv = createServer((_req, res) => sendStatic(res, file, {}));
    await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', () => ok()));
    const url = `http://127.0.0.1:${(srv.address() as { port: number }).port}/`;
    try {
      expect((await fetch(url)).status).toBe(500);
      expect((await fetch(url)).status).toBe(500);
    } finally {
      srv.close();
    }
  });
});

describe('a launch secret presented twice is an attack', () => {
  it('an intruder who used the secret first: the page is told, every session is revoked, it is logged', async () => {
    const s = await start();
    const secret = secretOf(s.appUrl);
    const intruder = open(s, secret);
    await opened(intruder);
    const intruderClosed = closed(intruder);
    const page = open(s, secret);
    expect(await closed(page)).toBe(TAMPERED_CLOSE_CODE);
    expect(await intruderClosed).toBe(TAMPERED_CLOSE_CODE);
    expect(logLines.some((l) => l.includes('bridge.tampered'))).toBe(true);
    // Nothing opens the bridge any more: a fresh launch secret, nor the intruder's session.
    const fresh = open(s, secretOf(s.launchUrl()));
    expect(await closed(fresh)).toBe(TAMPERED_CLOSE_CODE);
  });

  it('an intruder after the page: the page is shut out too, and its session no longer reconnects', async () => {
    const s = await start();
    const secret = secretOf(s.appUrl);
    const page = open(s, secret);
    const sessionFrame = new Promise<string>((ok) => page.once('message', (d) => ok(JSON.parse(String(d)).secret)));
    await opened(page);
    const session = await sessionFrame;
    const pageClosed = closed(page);
    const intruder = open(s, secret);
    expect(await closed(intruder)).toBe(TAMPERED_CLOSE_CODE);
    expect(await pageClosed).toBe(TAMPERED_CLOSE_CODE);
    const reconnect = open(s, session);
    expect(await closed(reconnect)).toBe(TAMPERED_CLOSE_CODE);
  });

  it('a reused launch secret in a broken handshake still shuts every open session (the page is told)', async () => {
    const s = await start();
    const secret = secretOf(s.appUrl);
    const page = open(s, secret);
    await opened(page);
    const pageClosed = closed(page);
    // No Sec-WebSocket-Key: the upgrade itself fails after the secret was checked.
    const reply = await raw(
      s,
      `GET /bridge HTTP/1.1\r\nHost: 127.0.0.1:${port(s)}\r\nOrigin: ${s.origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ${WIRE_PROTOCOL}, ${SECRET_PROTOCOL_PREFIX}${secret}\r\n\r\n`,
    );
    expect(reply).not.toMatch(/^HTTP\/1\.1 101/);
    expect(await pageClosed).toBe(TAMPERED_CLOSE_CODE);
    expect(logLines.some((l) => l.includes('bridge.tampered'))).toBe(true);
  });
});
