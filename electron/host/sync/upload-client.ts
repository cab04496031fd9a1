/**
 * The resumable upload calls of the adapter (docs/upstream-api.yaml, /v1/uploads): start (or find
 * again) an upload of one JWE, ask its offset, append a piece at an offset, complete it. Never
 * throws: every answer and failure is a step the resumable sender acts on, or an outcome exactly
 * as the packet PUT's (outcome.ts) when the upload ends (stored, refused, retry later).
 */
import { networkCode, outcomeOf, type UploadOutcome } from './outcome';
import type { HttpAnswer, Transport } from './transport';
import type { CancelAnswer, CancelSink } from './upload-cancels';

export type UploadStep =
  /** The upstream holds this many bytes of the upload. */
  | { kind: 'offset'; uploadId: string; offset: number }
  /** The upload is unknown or expired (404 upload.unknown, 410): start a fresh one of the same bytes. */
  | { kind: 'gone' }
  /** The upload ended (stored, already stored, refused) or the attempt must wait (network, 5xx, 429). */
  | { kind: 'outcome'; outcome: UploadOutcome };

export interface ResumableSink extends CancelSink {
  startUpload(dossierId: string, size: number, digest: string): Promise<UploadStep>;
  uploadOffset(uploadId: string): Promise<UploadStep>;
  appendUpload(uploadId: string, offset: number, bytes: Buffer): Promise<UploadStep>;
  completeUpload(uploadId: string): Promise<UploadStep>;
}

const JSON_ACCEPT = { accept: 'application/json, application/problem+json' };

function headerOffset(a: HttpAnswer): number | null {
  const v = a.headers['upload-offset'];
  const s = Array.isArray(v) ? v[0] : v;
  return s !== undefined && /^\d{1,12}$/.test(s) ? Number(s) : null;
}

function problem(a: HttpAnswer): { code?: unknown; offset?: unknown } {
  try {
    return JSON.parse(a.body) as { code?: unknown; offset?: unknown };
  } catch {
    return {};
  }
}

function asOutcome(a: HttpAnswer): UploadStep {
  const ra = a.headers['retry-after'];
  return { kind: 'outcome', outcome: outcomeOf(a.status, a.body, { retryAfter: Array.isArray(ra) ? ra[0] : ra }) };
}

/**
 * A HEAD answer has no body to name its problem: a 5xx is taken as `unavailable` and a 429 as
 * `rate_limited`, as the upstream names them on the other requests (same backoff, same words).
 */
function bodiless(a: HttpAnswer): HttpAnswer {
  if (a.body !== '') return a;
  const code = a.status >= 500 ? 'unavailable' : a.status === 429 ? 'rate_limited' : null;
  return code ? { ...a, body: JSON.stringify({ code }) } : a;
}

/** 404/410 of an upload, a 409 with the offset the upstream holds, or what the answer means for the packet. */
function uploadAnswer(a: HttpAnswer, uploadId: string): UploadStep {
  if (a.status === 404 || a.status === 410) return { kind: 'gone' };
  if (a.status === 204) {
    const offset = headerOffset(a);
    return offset === null ? { kind: 'outcome', outcome: { kind: 'retry', status: 204, code: 'bad_response', retryAfterMs: null } } : { kind: 'offset', uploadId, offset };
  }
  const p = a.status === 409 ? problem(a) : {};
  if (p.code === 'upload.offset_mismatch' && Number.isInteger(p.offset) && (p.offset as number) >= 0) return { kind: 'offset', uploadId, offset: p.offset as number };
  return asOutcome(a);
}

export class UploadClient implements ResumableSink {
  constructor(private readonly t: Transport) {}

  private async call(method: string, path: string, body: string | Buffer | null, headers: Record<string, string>, answer: (a: HttpAnswer) => UploadStep): Promise<UploadStep> {
    let a: HttpAnswer;
    try {
      a = await this.t.send(method, path, body, headers);
    } catch (e) {
      return { kind: 'outcome', outcome: { kind: 'retry', status: null, code: networkCode(e), retryAfterMs: null } };
    }
    return answer(a);
  }

  /** 201: the upload and its offset; 200: these very bytes are already stored (the receipt). */
  startUpload(dossierId: string, size: number, digest: string): Promise<UploadStep> {
    return this.call('POST', '/v1/uploads', JSON.stringify({ dossierId, size, digest }), { 'content-type': 'application/json', ...JSON_ACCEPT }, (a) => {
      if (a.status !== 201) return asOutcome(a);
      const j = problem(a) as { uploadId?: unknown; offset?: unknown };
      if (typeof j.uploadId !== 'string' || !/^[A-Za-z0-9_-]{22,64}$/.test(j.uploadId) || !Number.isInteger(j.offset) || (j.offset as number) < 0) {
        return { kind: 'outcome', outcome: { kind: 'retry', status: 201, code: 'bad_response', retryAfterMs: null } };
      }
      return { kind: 'offset', uploadId: j.uploadId, offset: j.offset as number };
    });
  }

  /**
   * A HEAD answer has no body: a refusal (401, 403, 400…) cannot say why (device.revoked?), and
   * recorded as `http.403` it would not be retried after a re-enrolment. Such an answer is taken as
   * "gone": the start (a POST, idempotent: the same upload for the same bytes) gets the reason.
   */
  uploadOffset(uploadId: string): Promise<UploadStep> {
    return this.call('HEAD', `/v1/uploads/${encodeURIComponent(uploadId)}`, null, JSON_ACCEPT, (a) =>
      a.status >= 400 && a.status < 500 && a.status !== 408 && a.status !== 429 ? { kind: 'gone' } : uploadAnswer(bodiless(a), uploadId),
    );
  }

  /** DELETE: 204 cancelled, 404/410 unknown (expired, completed, never this device's); network, 5xx, 408, 429 try later; other refusals are left to expiry. */
  async cancelUpload(uploadId: string): Promise<CancelAnswer> {
    let a: HttpAnswer;
    try {
      a = await this.t.send('DELETE', `/v1/uploads/${encodeURIComponent(uploadId)}`, null, JSON_ACCEPT);
    } catch {
      return 'failed';
    }
    if (a.status === 204 || a.status === 200) return 'cancelled';
    if (a.status === 404 || a.status === 410) return 'unknown';
    return a.status >= 500 || a.status === 408 || a.status === 429 ? 'failed' : 'refused';
  }

  appendUpload(uploadId: string, offset: number, bytes: Buffer): Promise<UploadStep> {
    const headers = { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset), ...JSON_ACCEPT };
    return this.call('PATCH', `/v1/uploads/${encodeURIComponent(uploadId)}`, bytes, headers, (a) => uploadAnswer(a, uploadId));
  }

  /**
   * Answers as the packet PUT would (stored, already stored, conflict, refused); 409 short of the
   * size: the offset. 400 packet.digest_mismatch: the upstream holds other bytes than were sent (it
   * acknowledged bytes it did not keep): that upload is broken, not the packet; a fresh one is started.
   */
  completeUpload(uploadId: string): Promise<UploadStep> {
    return this.call('POST', `/v1/uploads/${encodeURIComponent(uploadId)}`, '', JSON_ACCEPT, (a) => {
      if (a.status === 200 || a.status === 201) return asOutcome(a);
      if (a.status === 400 && problem(a).code === 'packet.digest_mismatch') return { kind: 'gone' };
      return uploadAnswer(a, uploadId);
    });
  }
}
