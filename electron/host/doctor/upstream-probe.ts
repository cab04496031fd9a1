/** Can we open a TLS connection to the upstream and get any HTTP answer? */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';

export function probeUpstream(url: string, caFile?: string, timeoutMs = 5000): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolve) => {
    let ca: Buffer | undefined;
    try {
      ca = caFile ? readFileSync(caFile) : undefined;
    } catch (e) {
      resolve({ ok: false, detail: `CA file unreadable: ${(e as Error).message}` });
      return;
    }
    const req = request(url, { method: 'HEAD', ca, timeout: timeoutMs }, (res) => {
      res.resume();
      resolve({ ok: true, detail: `HTTP ${res.statusCode}` });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ ok: false, detail: e.message }));
    req.end();
  });
}
