/**
 * The browser shell's HTTP server: serves the built renderer with the strict CSP and hosts the
 * WebSocket bridge, on 127.0.0.1 only. The per-launch secret reaches the page in the URL
 * fragment (never sent over HTTP) and is offered back as a WebSocket sub-protocol.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { contentSecurityPolicy, securityHeaders } from '../host/security/csp';
import type { Host } from '../host/host';
import type { Logger } from '../host/log';
import { resolveStatic, sendStatic } from './static-files';
import { BridgeSecrets } from './bridge-secrets';
import { attachBridge, requestPath } from './ws-bridge';

export interface BrowserShellServer {
  /** Page URL with a single-use launch secret in its fragment: hand it to Chromium only. */
  readonly appUrl: string;
  /** Another page URL with a fresh single-use launch secret (e.g. a relaunched window, tests). */
  launchUrl(): string;
  readonly origin: string;
  readonly server: Server;
  close(): Promise<void>;
}

export async function startBrowserShellServer(opts: {
  host: Host;
  rendererDir: string;
  log: Logger;
  port?: number;
  secret?: string;
  /** A launch secret was traded for a session: the launcher file that carried it can go. */
  onLaunchUsed?: (launchSecret: string) => void;
}): Promise<BrowserShellServer> {
  const root = resolve(opts.rendererDir);
  const secrets = new BridgeSecrets();
  const secret = secrets.issueLaunch(opts.secret);
  let origin = '';
  const server = createServer((req, res) => {
    if (req.headers.host !== origin.slice('http://'.length)) {
      // DNS rebinding: a page on another name that resolves to 127.0.0.1 gets nothing.
      res.writeHead(421).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = requestPath(req);
    if (path === null) {
      // e.g. `GET http://[ HTTP/1.1`: a target no URL parser accepts is a bad request, not a crash.
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' }).end('Bad request');
      return;
    }
    const file = resolveStatic(root, path);
    const headers = securityHeaders(contentSecurityPolicy({ bridgeOrigin: origin.replace(/^http/, 'ws') }));
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    sendStatic(res, file, headers);
  });
  // Malformed HTTP from a peer answers 400 and closes that socket; it never reaches the process.
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  const bridge = attachBridge({ server, host: opts.host, secrets, origin: () => origin, log: opts.log, onLaunchUsed: opts.onLaunchUsed });
  opts.log.info('browser_shell.listening', { port });
  return {
    appUrl: `${origin}/#k=${secret}`,
    launchUrl: () => `${origin}/#k=${secrets.issueLaunch()}`,
    origin,
    server,
    close: async () => {
      bridge.close();
      const closed = new Promise<void>((ok) => server.close(() => ok()));
      // A page's keep-alive sockets would hold close() open until they time out.
      server.closeAllConnections();
      await closed;
    },
  };
}
