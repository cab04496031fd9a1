/**
 * Serves the built renderer under app://kiosk/ with the strict CSP on every response.
 * `registerAppScheme` must run before the app is ready.
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveStatic } from '../browser/static-files';
import { contentSecurityPolicy, securityHeaders } from '../host/security/csp';
import { APP_HOST, APP_SCHEME } from './origin';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const headers = securityHeaders(contentSecurityPolicy());
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStatic(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers });
    const res = await net.fetch(pathToFileURL(file).toString());
    const merged = new Headers(res.headers);
    for (const [k, v] of Object.entries(headers)) merged.set(k, v);
    if (file.endsWith('.wasm')) merged.set('Content-Type', 'application/wasm');
    return new Response(res.body, { status: res.status, headers: merged });
  });
}
