/**
 * HTTPS to the upstream with Node's own `https`: the kiosk's client certificate (mutual TLS), the
 * upstream CA pinned as the only trust anchor (no system CAs), TLS 1.3, a connect timeout, a
 * read timeout (no byte for that long fails the request) and an overall deadline (an upstream
 * trickling a byte now and then cannot hold an upload slot or the status poll for ever),
 * keep-alive between calls.
 */
import { Agent, request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';

export interface TransportOptions {
  baseUrl: string;
  caPem: string;
  /** Absent only for enrolment, which has no certificate yet. */
  clientCertPem?: string;
  clientKeyPem?: string;
  connectTimeoutMs?: number;
  readTimeoutMs?: number;
  /** The whole request, connect to last byte (DEFAULT_DEADLINE_MS). */
  deadlineMs?: number;
  maxSockets?: number;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export class TimeoutError extends Error {
  readonly code = 'sync.timeout';
}

const MAX_ANSWER_BYTES = 2 * 1024 * 1024;
/** Two minutes: an 8 MiB packet needs about 70 kB/s to go within it. */
export const DEFAULT_DEADLINE_MS = 120_000;

export class Transport {
  private readonly agent: Agent;
  private readonly base: URL;
  private readonly connected = new WeakSet<object>();

  constructor(private readonly o: TransportOptions) {
    this.base = new URL(o.baseUrl);
    if (this.base.protocol !== 'https:') throw new Error('the upstream must use https');
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: o.maxSockets ?? 8,
      ca: o.caPem,
      cert: o.clientCertPem,
      key: o.clientKeyPem,
      minVersion: 'TLSv1.3',
      rejectUnauthorized: true,
    });
  }

  /** One request; the body is sent whole. Rejects with a Node network error or TimeoutError. */
  send(method: string, path: string, body: string | Buffer | null, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    const url = new URL(path, this.base);
    const connectMs = this.o.connectTimeoutMs ?? 10_000;
    const readMs = this.o.readTimeoutMs ?? 30_000;
    return new Promise<HttpAnswer>((resolve, reject) => {
      let settled = false;
      let overdue: TimeoutError | null = null;
      const done = (e: Error | null, a?: HttpAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        clearTimeout(deadline);
        // Past the deadline the answer is cut short whichever way the socket reports it.
        if (overdue) reject(overdue);
        else if (e) reject(e);
        else resolve(a!);
      };
      const req = request(url, { method, agent: this.agent, headers: { ...headers, ...(body !== null ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } });
      const connectTimer = setTimeout(() => req.destroy(new TimeoutError('connect timeout')), connectMs);
      const deadline = setTimeout(() => {
        overdue = new TimeoutError('deadline');
        req.destroy(overdue);
      }, this.o.deadlineMs ?? DEFAULT_DEADLINE_MS);
      req.on('socket', (s) => {
        // A reused keep-alive socket is already connected; a new one is once its handshake is done.
        if (this.connected.has(s)) return clearTimeout(connectTimer);
        s.once('secureConnect', () => {
          this.connected.add(s);
          clearTimeout(connectTimer);
        });
      });
      req.setTimeout(readMs, () => req.destroy(new TimeoutError('read timeout')));
      req.on('error', (e) => done(e));
      req.on('response', (res) => {
        clearTimeout(connectTimer);
        const chunks: Buffer[] = [];
        let n = 0;
        res.on('data', (c: Buffer) => {
          n += c.length;
          if (n > MAX_ANSWER_BYTES) req.destroy(new Error('answer too large'));
          else chunks.push(c);
        });
        res.on('error', (e) => done(e));
        res.on('aborted', () => done(Object.assign(new Error('answer cut short'), { code: 'ECONNRESET' })));
        res.on('end', () => (!res.complete ? done(Object.assign(new Error('answer cut short'), { code: 'ECONNRESET' })) : done(null, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })));
      });
      req.end(body ?? undefined);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
