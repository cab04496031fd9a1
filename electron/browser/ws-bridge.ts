/**
 * The browser shell's bridge: a WebSocket on the loopback HTTP server. A connection is accepted
 * only with the exact Origin of our page, the expected Host, and the per-launch secret offered as
 * a sub-protocol. Every call frame goes through the host's dispatcher, like Electron's ipcMain.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  callFrameSchema,
  MAX_FRAME_BYTES,
  SECRET_PROTOCOL_PREFIX,
  TAMPERED_CLOSE_CODE,
  WIRE_PROTOCOL,
} from '../../shared/contract/index';
import type { Host } from '../host/host';
import type { Logger } from '../host/log';
import type { BridgeSecrets } from './bridge-secrets';

export interface BridgeOptions {
  server: Server;
  host: Host;
  secrets: BridgeSecrets;
  /** e.g. http://127.0.0.1:43123 — the only page allowed to connect. */
  origin: () => string;
  log: Logger;
  /** Called once a launch secret has been traded for a session (the launcher file can go). */
  onLaunchUsed?: (launchSecret: string) => void;
}

/** The request path, or null when the request target is not a parseable URL. */
export function requestPath(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

/** Returns why the upgrade is refused, or null; a launch secret offered here is consumed. */
export function verifyUpgrade(
  req: IncomingMessage,
  opts: Pick<BridgeOptions, 'secrets' | 'origin'>,
): { refused: string } | { tampered: true } | { session?: string; launch?: string } {
  const origin = opts.origin();
  if (req.headers.origin !== origin) return { refused: 'origin' };
  if (req.headers.host !== origin.slice('http://'.length)) return { refused: 'host' };
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
  if (!offered.includes(WIRE_PROTOCOL)) return { refused: 'protocol' };
  const secret = offered.find((p) => p.startsWith(SECRET_PROTOCOL_PREFIX))?.slice(SECRET_PROTOCOL_PREFIX.length);
  if (!secret) return { refused: 'secret' };
  const use = opts.secrets.use(secret);
  if (use.kind === 'refused') return use.reason === 'tampered' ? { tampered: true } : { refused: 'secret' };
  return use.kind === 'launch' ? { session: use.session, launch: use.launch } : {};
}

export function attachBridge(opts: BridgeOptions): { close(): void } {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(WIRE_PROTOCOL) ? WIRE_PROTOCOL : false),
  });
  // A peer's protocol error (oversized frame, bad UTF-8, bad opcode) must close that socket, never
  // reach the process as an unhandled 'error' event.
  wss.on('error', (e) => opts.log.warn('bridge.server_error', { code: (e as NodeJS.ErrnoException).code ?? 'unknown' }));

  /** Everyone out: the bridge can no longer tell our page from whoever else holds a secret. */
  const shutOut = () => {
    opts.log.error('bridge.tampered', { reason: 'launch_secret_reused', openSockets: wss.clients.size });
    for (const c of wss.clients) c.close(TAMPERED_CLOSE_CODE, 'tampered');
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const verdict = requestPath(req) !== '/bridge' ? { refused: 'path' } : verifyUpgrade(req, opts);
    if ('refused' in verdict) {
      opts.log.warn('bridge.upgrade_refused', { reason: verdict.refused });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    // Everyone out now, before the handshake: an upgrade that fails after its secret was checked
    // (no key, bad version) must not leave the other sessions open and unanswered.
    if ('tampered' in verdict && !tamperLogged) {
      tamperLogged = true;
      shutOut();
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('error', (e) => {
        opts.log.warn('bridge.socket_error', { code: (e as NodeJS.ErrnoException).code ?? 'unknown' });
        ws.terminate();
      });
      if ('tampered' in verdict) {
        // The page cannot read an HTTP status from a refused upgrade; a close code it can.
        ws.close(TAMPERED_CLOSE_CODE, 'tampered');
        return;
      }
      // The page keeps this for reconnects; the launch secret it came with is now spent.
      if (verdict.session) ws.send(JSON.stringify({ type: 'session', secret: verdict.session }));
      if (verdict.launch) opts.onLaunchUsed?.(verdict.launch);
      serve(ws);
    });
  };
  let tamperLogged = false;
  opts.server.on('upgrade', onUpgrade);

  const serve = (ws: WebSocket) => {
    const unsubscribe = opts.host.hub.subscribe((name, payload) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'event', name, payload }));
    });
    ws.on('close', unsubscribe);
    ws.on('message', async (data, isBinary) => {
      let frame: unknown;
      try {
        frame = isBinary ? undefined : JSON.parse(String(data));
      } catch {
        frame = undefined;
      }
      const parsed = callFrameSchema.safeParse(frame);
      if (!parsed.success) {
        opts.log.warn('bridge.bad_frame', {});
        ws.close(1008, 'malformed frame');
        return;
      }
      const { id, channel, payload } = parsed.data;
      if (opts.secrets.tampered) return;
      const result = await opts.host.dispatch(channel, payload, { shell: 'browser', senderUrl: opts.origin() });
      if (ws.readyState === ws.OPEN && !opts.secrets.tampered) ws.send(JSON.stringify({ type: 'result', id, result }));
    });
  };

  return {
    close() {
      opts.server.off('upgrade', onUpgrade);
      for (const c of wss.clients) c.terminate();
      wss.close();
    },
  };
}
