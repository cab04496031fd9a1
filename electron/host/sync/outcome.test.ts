/** Upstream answers to outcomes, and full-jitter backoff. */
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';
import { networkCode, outcomeOf, retryAfterMs } from './outcome';

const receipt = JSON.stringify({ dossierId: 'HS-23456789AB', digest: 'ab', receivedAt: '2026-11-30T00:00:00Z' });
const problem = (code: string, status: number) => JSON.stringify({ type: 'about:blank', title: 't', status, code });

describe('outcomeOf', () => {
  it.each([
    [201, receipt, 'stored'],
    [200, receipt, 'already_stored'],
    [409, problem('packet.conflict', 409), 'conflict'],
    [422, problem('packet.chip_unverified', 422), 'final'],
    [403, problem('device.revoked', 403), 'final'],
    [400, 'not json', 'final'],
    [503, problem('unavailable', 503), 'retry'],
    [500, '', 'retry'],
    [429, problem('rate_limited', 429), 'retry'],
    [408, '', 'retry'],
    [201, '{"half":', 'retry'],
    [302, '', 'retry'],
  ] as const)('%i %s → %s', (status, body, kind) => {
    expect(outcomeOf(status, body, {}).kind).toBe(kind);
  });

  it('keeps the problem code or names the status', () => {
    expect(outcomeOf(422, problem('packet.signature_invalid', 422), {})).toEqual({ kind: 'final', status: 422, code: 'packet.signature_invalid' });
    expect(outcomeOf(418, problem('made.up', 418), {})).toEqual({ kind: 'final', status: 418, code: 'http.418' });
    expect(outcomeOf(409, problem('upload.offset_mismatch', 409), {}).kind).toBe('final');
  });

  it('reads Retry-After as seconds or a date', () => {
    const now = Date.parse('2026-11-30T00:00:00Z');
    expect(outcomeOf(503, '', { retryAfter: '7' }, now)).toMatchObject({ kind: 'retry', retryAfterMs: 7_000 });
    expect(retryAfterMs('Mon, 30 Nov 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('999999999', now)).toBe(86_400_000);
  });

  it('names network failures', () => {
    expect(networkCode(Object.assign(new Error(), { code: 'ECONNREFUSED' }))).toBe('net.refused');
    expect(networkCode(Object.assign(new Error(), { code: 'ECONNRESET' }))).toBe('net.reset');
    expect(networkCode(Object.assign(new Error(), { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }))).toBe('net.tls');
    expect(networkCode(new Error('x'))).toBe('net.other');
  });
});

describe('backoffDelay (full jitter)', () => {
  const p = { baseMs: 1_000, capMs: 60_000 };
  it('grows exponentially up to the cap, uniformly from zero', () => {
    expect(backoffDelay(1, p, () => 0.999)).toBe(999);
    expect(backoffDelay(4, p, () => 0.5)).toBe(4_000);
    expect(backoffDelay(30, p, () => 0.999)).toBe(59_940);
    expect(backoffDelay(3, p, () => 0)).toBe(0);
  });
  it('waits at least what Retry-After asks', () => {
    expect(backoffDelay(1, p, () => 0, 120_000)).toBe(120_000);
  });
});
