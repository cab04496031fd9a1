/** Every sync code and rejection has words in both languages; a dossier's sync line says the right thing. */
import { describe, expect, it } from 'vitest';
import { REJECTION_CODES, SYNC_LOCAL_CODES, UPSTREAM_PROBLEM_CODES } from '../../../../shared/contract/sync';
import { catalogues } from '../../i18n/index';
import { dossierSyncLine } from './DossierSyncInfo';
import { syncCodeKey } from './sync-text';

const cats = catalogues();
const lookup = (lang: 'vi' | 'en', key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], cats[lang].sync);

describe('sync words', () => {
  it.each(['vi', 'en'] as const)('%s: every attempt code and rejection reason', (lang) => {
    const missing = [...UPSTREAM_PROBLEM_CODES, ...SYNC_LOCAL_CODES].map(syncCodeKey).filter((k) => typeof lookup(lang, k) !== 'string');
    expect(missing).toEqual([]);
    expect(REJECTION_CODES.filter((c) => typeof lookup(lang, `rejection.${c}`) !== 'string')).toEqual([]);
  });

  const t = (k: string, o?: Record<string, unknown>) => `${k}${o ? ' ' + JSON.stringify(o) : ''}`;
  const reason = (c: string | null) => `R(${c})`;
  const ob = { state: 'pending' as const, attempts: 0, lastError: null, httpStatus: null, nextAttemptAt: null, lastAttemptAt: null, doneAt: null };
  it.each([
    [{ outbox: null, upstream: null }, null],
    [{ outbox: ob, upstream: null }, 'dossier.pending'],
    [{ outbox: { ...ob, attempts: 2, lastError: 'net.refused', nextAttemptAt: '2026-11-30T01:00:00Z' }, upstream: null }, 'dossier.pendingRetry'],
    [{ outbox: { ...ob, state: 'sending' as const, attempts: 1 }, upstream: null }, 'dossier.sending'],
    [{ outbox: { ...ob, state: 'failed' as const, lastError: 'packet.conflict' }, upstream: null }, 'dossier.failed'],
    [{ outbox: { ...ob, state: 'done' as const }, upstream: { status: 'received' as const, code: null, at: '2026-11-30T01:00:00Z' } }, 'dossier.done'],
    [{ outbox: null, upstream: { status: 'accepted' as const, code: null, at: '2026-11-30T01:00:00Z' } }, 'dossier.accepted'],
    [{ outbox: null, upstream: { status: 'rejected' as const, code: 'data_mismatch', at: null } }, 'dossier.rejected'],
  ])('%o → %s', (v, key) => {
    const line = dossierSyncLine(t, v, reason, reason);
    if (key === null) expect(line).toBeNull();
    else expect(line?.startsWith(key)).toBe(true);
  });

  it('names the reason of a failed attempt and of a rejection', () => {
    expect(dossierSyncLine(t, { outbox: { ...ob, state: 'failed', lastError: 'packet.conflict' }, upstream: null }, reason, reason)).toContain('R(packet.conflict)');
    expect(dossierSyncLine(t, { outbox: null, upstream: { status: 'rejected', code: 'portrait_quality', at: null } }, reason, reason)).toContain('R(portrait_quality)');
  });
});
