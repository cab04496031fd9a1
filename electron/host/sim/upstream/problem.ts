/** RFC 9457 problems with the yaml's stable codes, and the small HTTP helpers the routes share. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isPacketError } from '../../sync/packet/errors';

export class Problem extends Error {
  /** With upload.offset_mismatch: how many bytes the upstream holds. */
  offset?: number;

  constructor(readonly status: number, readonly code: string, readonly detail?: string, readonly retryAfter?: number) {
    super(`${status} ${code}`);
  }
}

const TITLES: Record<number, string> = { 400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 409: 'Conflict', 413: 'Too large', 422: 'Unprocessable', 429: 'Too many requests' };

export function asProblem(e: unknown): Problem {
  if (e instanceof Problem) return e;
  if (isPacketError(e)) return new Problem(e.status, e.code, e.detail);
  return new Problem(500, 'unavailable', 'internal error');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

export function sendProblem(res: ServerResponse, p: Problem): void {
  if (res.headersSent || res.destroyed) return;
  if (p.retryAfter !== undefined) res.setHeader('retry-after', String(p.retryAfter));
  sendJson(res, p.status, { type: `urn:eid-kiosk:problem:${p.code}`, title: TITLES[p.status] ?? 'Unavailable', status: p.status, code: p.code, ...(p.detail ? { detail: p.detail.slice(0, 500) } : {}), ...(p.offset !== undefined ? { offset: p.offset } : {}) }, 'application/problem+json');
}

/** The request body, refusing more than `max` bytes (413) without reading it all. */
export function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > max) return reject(new Problem(413, 'packet.too_large', `${declared} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.destroy();
        reject(new Problem(413, 'packet.too_large'));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
