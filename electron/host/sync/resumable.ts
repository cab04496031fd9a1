/**
 * A large packet sent through the upstream's resumable uploads (docs/upstream-api.yaml,
 * /v1/uploads) instead of one PUT. The exact JWE bytes are kept first (outbox_packets, encrypted
 * with the store), so every attempt sends the same bytes (same digest), never a re-encrypted
 * packet. An attempt with an upload on record asks the upstream its offset (HEAD) and sends only
 * the rest, in pieces of `chunkBytes`, recording each offset the upstream confirms; an upload the
 * upstream no longer knows (expired, 404/410) is started afresh with the same kept bytes. The
 * completion answers as the PUT would: stored, "the same packet" (200), a conflict, a refusal; an
 * answer for good ends the upload upstream, so the kiosk forgets it (nothing left to cancel).
 * Every write is the attempt's claim's (`claim`): one whose row was claimed again stops at once.
 */
import type { Db } from '../store/database';
import { keepPacket, type StoredPacket } from './outbox';
import { confirmOffset, keptUpload, rememberUpload, uploadEnded } from './outbox-upload';
import type { UploadOutcome } from './outcome';
import { contentDigest } from './upstream-client';
import type { ResumableSink, UploadStep } from './upload-client';
import { jweBytes } from './packet/jwe';

/** Packets above this many bytes go through resumable uploads (upstream.resumableAboveBytes). */
export const DEFAULT_RESUMABLE_ABOVE_BYTES = 256 * 1024;
/** The piece sent per request: at most this much is re-sent after a cut. */
export const DEFAULT_CHUNK_BYTES = 64 * 1024;

export interface ResumableOptions {
  sink: ResumableSink;
  aboveBytes: number;
  chunkBytes: number;
}

export interface Sent {
  outcome: UploadOutcome;
  /** The digest (of the JWS) of the packet put on the wire: the kept one. */
  digest: string;
}

const retry = (code: 'upload.unknown' | 'upload.offset_mismatch' | 'bad_response', status: number | null): UploadOutcome => ({ kind: 'retry', status, code, retryAfterMs: null });

/**
 * One attempt. `progress` is told after every offset the upstream confirms (the screen shows it).
 * Network failures, timeouts, 5xx and 429 end the attempt as a retry with the offset kept.
 */
export async function sendResumable(db: Db, dossierId: string, claim: string, built: StoredPacket, o: ResumableOptions, now: () => number, progress: () => void): Promise<Sent> {
  const kept = keepPacket(db, dossierId, built, now());
  const bytes = jweBytes(kept.jwe);
  const size = bytes.length;
  const digest = contentDigest(bytes);
  const chunk = Math.max(1024, o.chunkBytes);
  const done = (outcome: UploadOutcome): Sent => ({ outcome, digest: kept.digest });
  const had = keptUpload(db, dossierId)?.uploadId ?? null;
  // Any upload started while one is on record replaces it (audited so), also one found broken mid-attempt.
  let why: 'new' | 'gone' = had ? 'gone' : 'new';
  let step: UploadStep = { kind: 'gone' };
  if (had) {
    step = await o.sink.uploadOffset(had);
    // An offset past the packet is refused below, never remembered (nor shown as progress).
    if (step.kind === 'offset' && step.offset <= size) rememberUpload(db, dossierId, claim, had, step.offset, now(), 'resumed');
  }
  let starts = 0;
  // Every piece moves the offset on; the bound only stops an upstream that keeps answering nonsense.
  for (let steps = Math.ceil(size / chunk) * 3 + 10; steps > 0; steps--) {
    if (step.kind === 'outcome') return done(step.outcome);
    if (step.kind === 'gone') {
      if (starts++ >= 2) return done(retry('upload.unknown', 404));
      step = await o.sink.startUpload(dossierId, size, digest);
      if (step.kind === 'offset' && step.offset <= size) rememberUpload(db, dossierId, claim, step.uploadId, step.offset, now(), why);
      why = 'gone';
      continue;
    }
    if (step.offset > size) return done(retry('bad_response', null));
    confirmOffset(db, dossierId, claim, step.uploadId, step.offset);
    progress();
    if (step.offset < size) {
      step = await o.sink.appendUpload(step.uploadId, step.offset, bytes.subarray(step.offset, step.offset + chunk));
      continue;
    }
    const uploadId = step.uploadId;
    step = await o.sink.completeUpload(uploadId);
    if (step.kind === 'outcome' && step.outcome.kind !== 'retry') uploadEnded(db, dossierId, claim, uploadId);
  }
  return done(retry('upload.offset_mismatch', 409));
}
