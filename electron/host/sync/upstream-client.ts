/**
 * The adapter's seam to the upstream (docs/upstream-api.yaml): enrolment, the idempotent packet
 * PUT and the status feed. Everything the worker needs from the national system goes through here;
 * a real integration replaces this file's requests, not the outbox.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { enrolmentSchema, type Enrolment } from './identity';
import { networkCode, outcomeOf, type UploadOutcome, type SyncErrorCode, PROBLEM_CODES } from './outcome';
import { Transport, type TransportOptions } from './transport';
import { UploadClient } from './upload-client';
import { jweBytes, type Jwe } from './packet/jwe';

export const statusChangeSchema = z.object({
  seq: z.number().int(),
  dossierId: z.string().regex(/^HS-[2-9A-HJ-NP-Z]{10}$/),
  status: z.enum(['received', 'accepted', 'rejected']),
  reason: z
    .object({
      code: z.enum(['data_mismatch', 'portrait_quality', 'chip_verification', 'duplicate_person', 'other']),
      message: z.string().max(500).optional(),
    })
    .optional(),
  at: z.string(),
  /** The digest of the packet the change is about (status-pull.ts applies only the kiosk's own). */
  digest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type StatusChange = z.infer<typeof statusChangeSchema>;

const statusPageSchema = z.object({ changes: z.array(statusChangeSchema).max(500), cursor: z.string().max(64), more: z.boolean() });
export type StatusPage = z.infer<typeof statusPageSchema>;

export class UpstreamError extends Error {
  constructor(readonly code: SyncErrorCode, readonly status: number | null) {
    super(code);
  }
}

function problemOrHttp(status: number, body: string): SyncErrorCode {
  try {
    const code = (JSON.parse(body) as { code?: unknown }).code;
    if (typeof code === 'string' && (PROBLEM_CODES as readonly string[]).includes(code)) return code as SyncErrorCode;
  } catch {
    // the status names it
  }
  return `http.${status}`;
}

export function contentDigest(body: string | Buffer): string {
  return `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
}

export class UpstreamClient {
  private readonly t: Transport;
  constructor(o: TransportOptions) {
    this.t = new Transport(o);
  }

  /** PUT /v1/packets/{id}: never throws; every answer and failure is an outcome. */
  async putPacket(dossierId: string, jwe: Jwe): Promise<UploadOutcome> {
    try {
      // A compact JWE is ASCII: its bytes (as built, or one copy of the text), hashed and sent as such.
      const body = jweBytes(jwe);
      const a = await this.t.send('PUT', `/v1/packets/${encodeURIComponent(dossierId)}`, body, {
        'content-type': 'application/jose',
        'content-digest': contentDigest(body),
        accept: 'application/json, application/problem+json',
      });
      const ra = a.headers['retry-after'];
      return outcomeOf(a.status, a.body, { retryAfter: Array.isArray(ra) ? ra[0] : ra });
    } catch (e) {
      return { kind: 'retry', status: null, code: networkCode(e), retryAfterMs: null };
    }
  }

  /** The resumable upload calls (/v1/uploads) over the same connection pool. */
  uploads(): UploadClient {
    return new UploadClient(this.t);
  }

  /** GET /v1/status?since=…; throws UpstreamError. */
  async statusSince(cursor: string, limit = 100): Promise<StatusPage> {
    let a;
    try {
      a = await this.t.send('GET', `/v1/status?since=${encodeURIComponent(cursor)}&limit=${limit}`, null, { accept: 'application/json' });
    } catch (e) {
      throw new UpstreamError(networkCode(e), null);
    }
    if (a.status !== 200) throw new UpstreamError(problemOrHttp(a.status, a.body), a.status);
    let json: unknown;
    try {
      json = JSON.parse(a.body);
    } catch {
      throw new UpstreamError('bad_response', a.status);
    }
    const p = statusPageSchema.safeParse(json);
    if (!p.success) throw new UpstreamError('bad_response', a.status);
    return p.data;
  }

  close(): void {
    this.t.close();
  }
}

/** POST /v1/devices/enrolment with the one-time token (no client certificate yet; the CA is pinned). */
export async function requestEnrolment(o: TransportOptions, body: Record<string, unknown>): Promise<Enrolment> {
  const t = new Transport(o);
  try {
    let a;
    try {
      a = await t.send('POST', '/v1/devices/enrolment', JSON.stringify(body), { 'content-type': 'application/json', accept: 'application/json' });
    } catch (e) {
      throw new UpstreamError(networkCode(e), null);
    }
    if (a.status !== 201) throw new UpstreamError(problemOrHttp(a.status, a.body), a.status);
    const p = enrolmentSchema.safeParse(JSON.parse(a.body));
    if (!p.success) throw new UpstreamError('bad_response', a.status);
    return p.data;
  } finally {
    t.close();
  }
}
