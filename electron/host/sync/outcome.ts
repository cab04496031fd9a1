/**
 * Every answer the upstream (or the network) can give to a packet upload, reduced to a closed set
 * of outcomes the outbox acts on (docs/upstream-api.yaml): stored, already stored, a conflict
 * (final, shown), a final refusal with its problem code, or retryable (5xx, 408, 429, the network)
 * with the upstream's Retry-After when it gave one.
 */
import { z } from 'zod';
import { SYNC_LOCAL_CODES, UPSTREAM_PROBLEM_CODES } from '../../../shared/contract/sync';

export const PROBLEM_CODES = UPSTREAM_PROBLEM_CODES;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Failures seen on our side of the wire. */
export const NETWORK_CODES = SYNC_LOCAL_CODES;
export type NetworkCode = (typeof NETWORK_CODES)[number];

/** An upstream status without a known problem code. */
export type HttpCode = `http.${number}`;
export type SyncErrorCode = ProblemCode | NetworkCode | HttpCode;

export const receiptSchema = z.object({
  dossierId: z.string(),
  digest: z.string(),
  receivedAt: z.string(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export type UploadOutcome =
  | { kind: 'stored'; status: 201; receipt: Receipt }
  | { kind: 'already_stored'; status: 200; receipt: Receipt }
  | { kind: 'conflict'; status: 409; code: 'packet.conflict' }
  | { kind: 'final'; status: number; code: SyncErrorCode }
  | { kind: 'retry'; status: number | null; code: SyncErrorCode; retryAfterMs: number | null };

const problemSchema = z.object({ code: z.string().max(80) }).passthrough();

function problemCode(body: string, status: number): SyncErrorCode {
  try {
    const p = problemSchema.safeParse(JSON.parse(body));
    if (p.success && (PROBLEM_CODES as readonly string[]).includes(p.data.code)) return p.data.code as ProblemCode;
  } catch {
    // not JSON: the status names it
  }
  return `http.${status}`;
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; null when absent or unreadable. Capped at a day. */
export function retryAfterMs(header: string | undefined, now: number): number | null {
  if (!header) return null;
  const v = header.trim();
  let ms: number;
  if (/^\d{1,9}$/.test(v)) ms = Number(v) * 1000;
  else {
    const t = Date.parse(v);
    if (Number.isNaN(t)) return null;
    ms = t - now;
  }
  return Math.min(Math.max(ms, 0), 86_400_000);
}

export function outcomeOf(status: number, body: string, headers: { retryAfter?: string }, now = Date.now()): UploadOutcome {
  if (status === 200 || status === 201) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = null;
    }
    const r = receiptSchema.safeParse(parsed);
    if (!r.success) return { kind: 'retry', status, code: 'bad_response', retryAfterMs: null };
    return status === 201 ? { kind: 'stored', status, receipt: r.data } : { kind: 'already_stored', status, receipt: r.data };
  }
  const code = problemCode(body, status);
  if (status === 409 && code === 'packet.conflict') return { kind: 'conflict', status, code };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'retry', status, code, retryAfterMs: retryAfterMs(headers.retryAfter, now) };
  if (status >= 400) return { kind: 'final', status, code };
  // 1xx/3xx/other 2xx: nothing the protocol answers; try again later.
  return { kind: 'retry', status, code: `http.${status}`, retryAfterMs: null };
}

/** A Node network error as our closed code. */
export function networkCode(e: unknown): NetworkCode {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ECONNREFUSED') return 'net.refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'UND_ERR_SOCKET') return 'net.reset';
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT' || code === 'sync.timeout') return 'net.timeout';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'net.dns';
  if (typeof code === 'string' && (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || code.includes('CERT') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE')) return 'net.tls';
  return 'net.other';
}
