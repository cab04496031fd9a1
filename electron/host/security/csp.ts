/**
 * The one Content-Security-Policy of the renderer, applied by both shells. No remote origin
 * anywhere: scripts, models and wasm come from the app itself; `connect-src` allows only the
 * app's own origin (plus, for the browser shell, its loopback WebSocket bridge).
 */
export function contentSecurityPolicy(opts: { bridgeOrigin?: string } = {}): string {
  const connect = ["'self'", ...(opts.bridgeOrigin ? [opts.bridgeOrigin] : [])].join(' ');
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** Headers every renderer response carries, in either shell. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
    'Cache-Control': 'no-store',
  };
}
