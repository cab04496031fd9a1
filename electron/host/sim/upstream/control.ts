/**
 * How the reference upstream behaves, scriptable by tests (the `control` object) and by the CLI's
 * `--script` file: decide dossiers (accept, reject with a reason, hold), and misbehave on purpose
 * (5xx or 429 with Retry-After for the next N requests, slow answers, the acknowledgement dropped
 * after the packet is stored, duplicate status changes). Everything here is in memory.
 */
import { z } from 'zod';
import type { ReasonCode } from './db';

export const REASON_CODES = ['data_mismatch', 'portrait_quality', 'chip_verification', 'duplicate_person', 'other'] as const satisfies readonly ReasonCode[];

export type Decision = { status: 'accepted' } | { status: 'rejected'; reason: { code: ReasonCode; message?: string } };

export const scriptSchema = z.object({
  /** What happens to a stored packet with no decision of its own: accepted at once, or held as received. */
  mode: z.enum(['accept', 'hold']).default('accept'),
  decisions: z
    .record(
      z.string().regex(/^HS-[2-9A-HJ-NP-Z]{10}$/),
      z.union([z.object({ status: z.literal('accepted') }), z.object({ status: z.literal('rejected'), reason: z.object({ code: z.enum(REASON_CODES), message: z.string().max(500).optional() }) })]),
    )
    .default({}),
  fail: z.object({ count: z.number().int().min(0), status: z.union([z.literal(429), z.number().int().min(500).max(599)]), retryAfter: z.number().int().min(0).max(3600).optional() }).optional(),
  /**
   * The population database as the demo needs it: a citizen (ID number) whose dossiers are rejected
   * with this reason whatever their dossier id (which is random), e.g. data_mismatch.
   */
  citizens: z.record(z.string().regex(/^\d{12}$/), z.enum(REASON_CODES)).default({}),
  delayMs: z.number().int().min(0).max(600_000).default(0),
  dropAcks: z.number().int().min(0).default(0),
  duplicateChanges: z.boolean().default(false),
  /** A packet uploaded by another enrolled kiosk than the one that signed it (an exported packet imported elsewhere). */
  relay: z.boolean().default(true),
});
export type UpstreamScript = z.infer<typeof scriptSchema>;

export class Behaviour {
  mode: 'accept' | 'hold' = 'accept';
  readonly decisions = new Map<string, Decision>();
  readonly citizens = new Map<string, ReasonCode>();
  failures = { remaining: 0, status: 503, retryAfter: undefined as number | undefined };
  delayMs = 0;
  dropAcks = 0;
  duplicateChanges = false;
  relay = true;

  apply(script: UpstreamScript): void {
    this.mode = script.mode;
    for (const [id, d] of Object.entries(script.decisions)) this.decisions.set(id, d as Decision);
    this.citizens.clear();
    for (const [idNumber, code] of Object.entries(script.citizens)) this.citizens.set(idNumber, code);
    if (script.fail) this.failures = { remaining: script.fail.count, status: script.fail.status, retryAfter: script.fail.retryAfter };
    this.delayMs = script.delayMs;
    this.dropAcks = script.dropAcks;
    this.duplicateChanges = script.duplicateChanges;
    this.relay = script.relay;
  }

  /** The failure to answer this request with, if one is scripted (counted down). */
  takeFailure(): { status: number; retryAfter?: number } | null {
    if (this.failures.remaining <= 0) return null;
    this.failures.remaining--;
    return { status: this.failures.status, ...(this.failures.retryAfter !== undefined ? { retryAfter: this.failures.retryAfter } : {}) };
  }

  takeDropAck(): boolean {
    if (this.dropAcks <= 0) return false;
    this.dropAcks--;
    return true;
  }
}
