import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (req: Request) => Promise<Response>>();
const privileged: unknown[] = [];
vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (s: unknown[]) => privileged.push(...s),
    handle: (scheme: string, h: (req: Request) => Promise<Response>) => handlers.set(scheme, h),
  },
  // Electron's net.fetch reads file: URLs; here we read the file the same way.
  net: {
    fetch: async (url: string) => {
      const { readFile } = await import('node:fs/promises');
      return new Response(await readFile(new URL(url)), { status: 200 });
    },
  },
}));

const { registerAppScheme, serveRenderer } = await import('./protocol');

describe('app:// protocol', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-proto-'));
  const root = join(dir, 'renderer');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'm.wasm'), Uint8Array.of(0, 0x61, 0x73, 0x6d));

  it('registers a standard, secure scheme', () => {
    registerAppScheme();
    expect(privileged).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
  });

  it('serves the renderer with the CSP on every response, and nothing outside it', async () => {
    serveRenderer(root);
    const handle = handlers.get('app')!;
    const ok = await handle(new Request('app://kiosk/index.html'));
    expect(ok.status).toBe(200);
    const csp = ok.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect((await handle(new Request('app://kiosk/m.wasm'))).headers.get('Content-Type')).toBe('application/wasm');
    for (const url of ['app://kiosk/../secret.txt', 'app://kiosk/%2e%2e/secret.txt', 'app://other/index.html', 'app://kiosk/missing.js']) {
      const r = await handle(new Request(url));
      expect(r.status, url).toBe(404);
      expect(r.headers.get('Content-Security-Policy')).toBe(csp);
    }
  });
});
