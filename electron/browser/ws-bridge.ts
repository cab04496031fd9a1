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
}

/** Returns why the upgrade is refused, or null; a launch secret offered here is consumed. */
export function verifyUpgrade(req: IncomingMessage, opts: Pick<BridgeOptions, 'secrets' | 'origin'>): { refused: string } | { session?: string } {
  const origin = opts.origin();
  if (req.headers.origin !== origin) return { refused: 'origin' };
  if (req.headers.host !== new URL(origin).host) return { refused: 'host' };
  const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
  if (!offered.includes(WIRE_PROTOCOL)) return { refused: 'protocol' };
  const secret = offered.find((p) => p.startsWith(SECRET_PROTOCOL_PREFIX))?.slice(SECRET_PROTOCOL_PREFIX.length);
  if (!secret) return { refused: 'secret' };
  const use = opts.secrets.use(secret);
  if (use.kind === 'refused') return { refused: use.reason === 'launch_reused' ? 'launch_secret_reused' : 'secret' };
  return use.kind === 'launch' ? { session: use.session } : {};
}

export function attachBridge(opts: BridgeOptions): { close(): void } {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(WIRE_PROTOCOL) ? WIRE_PROTOCOL : false),
  });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = new URL(req.url ?? '/', 'http://x').pathname !== '/bridge' ? { refused: 'path' } : verifyUpgrade(req, opts);
    if ('refused' in verdict) {
      opts.log.warn('bridge.upgrade_refused', { reason: verdict.refused });
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      // The page keeps this for reconnects; the launch secret it came with is now spent.
      if (verdict.session) ws.send(JSON.stringify({ type: 'session', secret: verdict.session }));
      serve(ws);
    });
  };
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
      const result = await opts.host.dispatch(channel, payload, { shell: 'browser', senderUrl: opts.origin() });
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id, result }));
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
