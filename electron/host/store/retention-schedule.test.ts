/**
 * The retention schedule on a real encrypted store: it purges as it starts, then every hour
 * (fake timers: no test waits), with the retention days read from the settings at each run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../log';
import { verifyAudit } from './audit';
import { acceptedAt, addOfficers, draftAt, stateOf } from './retention-fixture';
import { RETENTION_INTERVAL_MS, RetentionSchedule } from './retention-schedule';
import { readSettings, writeSettings } from './settings';
import { createStore, type OpenStore } from './store';

const DAY = 86_400_000;
const now = new Date('2026-12-01T08:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const rec = (level: string) => (event: string, fields?: Record<string, unknown>) => void lines.push(JSON.stringify({ level, event, ...fields }));
  return { lines, info: rec('info'), warn: rec('warn'), error: rec('error') };
}

let store: OpenStore;
beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  store = await createStore(mkdtempSync(join(tmpdir(), 'kiosk-schedule-')), { passphrase: 'retention passphrase' }, { N: 2 ** 14, r: 8, p: 1 });
  addOfficers(store.db);
});
afterEach(() => {
  store.close();
  vi.useRealTimers();
});

describe('the retention schedule', () => {
  it('purges at start an accepted dossier older than the setting and a day-old draft, not fresh ones', () => {
    const db = store.db;
    const oldAccepted = acceptedAt(db, ago(31 * DAY), '001190000001');
    const recentAccepted = acceptedAt(db, ago(10 * DAY), '001190000002');
    const dayOldDraft = draftAt(db, ago(DAY + 60_000), '001190000003');
    const freshDraft = draftAt(db, ago(60 * 60_000), '001190000004');
    const log = recordingLog();
    const schedule = new RetentionSchedule({ log, now: () => now });

    schedule.start(db);
    expect([stateOf(db, oldAccepted), stateOf(db, recentAccepted), stateOf(db, dayOldDraft), stateOf(db, freshDraft)]).toEqual(['purged', 'accepted', null, 'draft']);
    expect(log.lines).toEqual([JSON.stringify({ level: 'info', event: 'retention.purged', purged: 1, draftsDeleted: 1, retentionDays: 30 })]);
    expect(verifyAudit(db).ok).toBe(true);
    schedule.stop();
  });

  it('runs again every hour with the setting as it is then, and not after stop', () => {
    const db = store.db;
    let t = now;
    const recentAccepted = acceptedAt(db, ago(10 * DAY));
    const schedule = new RetentionSchedule({ log: recordingLog(), now: () => t });
    schedule.start(db);
    expect(stateOf(db, recentAccepted)).toBe('accepted');

    writeSettings(db, 'admin-1', { retentionDays: 7 });
    vi.advanceTimersByTime(RETENTION_INTERVAL_MS - 1);
    expect(stateOf(db, recentAccepted)).toBe('accepted');
    vi.advanceTimersByTime(1);
    expect(stateOf(db, recentAccepted)).toBe('purged');

    const lateDraft = draftAt(db, ago(0), '001190000005');
    schedule.stop();
    expect(vi.getTimerCount()).toBe(0);
    t = new Date(now.getTime() + 2 * DAY);
    vi.advanceTimersByTime(3 * RETENTION_INTERVAL_MS);
    expect(stateOf(db, lateDraft)).toBe('draft');
  });

  it('a failed run is logged without personal data and the next hour runs again', () => {
    const db = store.db;
    const draft = draftAt(db, ago(2 * DAY), '001190000006');
    db.exec(`CREATE TEMP TRIGGER refuse BEFORE INSERT ON main.audit BEGIN SELECT RAISE(ABORT, 'Nguyễn Thị Nhung 001190000006'); END`);
    const log = recordingLog();
    const schedule = new RetentionSchedule({ log, now: () => now });
    schedule.start(db);
    expect(stateOf(db, draft)).toBe('draft'); // the transaction rolled back whole
    expect(log.lines).toHaveLength(1);
    expect(JSON.parse(log.lines[0]!)).toEqual({ level: 'error', event: 'retention.failed', kind: 'SqliteError', code: 'SQLITE_CONSTRAINT_TRIGGER' });

    db.exec('DROP TRIGGER temp.refuse');
    vi.advanceTimersByTime(RETENTION_INTERVAL_MS);
    expect(stateOf(db, draft)).toBeNull();
    schedule.stop();
  });
});

describe('settings in the store', () => {
  it('default to 30 days and 5 minutes; a change is audited in its transaction; an unchanged value is not', () => {
    const db = store.db;
    expect(readSettings(db)).toEqual({ retentionDays: 30, idleLockMinutes: 5 });
    const entries = () => db.prepare(`SELECT actor, action, detail FROM audit WHERE action = 'settings.changed' ORDER BY seq`).all();
    expect(writeSettings(db, 'admin-1', { retentionDays: 90, idleLockMinutes: 5 })).toEqual({ retentionDays: 90, idleLockMinutes: 5 });
    expect(entries()).toEqual([{ actor: 'admin-1', action: 'settings.changed', detail: JSON.stringify({ setting: 'retention.days', from: 30, to: 90 }) }]);
    expect(() => writeSettings(db, 'admin-1', { retentionDays: 0 })).toThrow();
    expect(() => writeSettings(db, 'admin-1', { retentionDays: 3651 })).toThrow();
    expect(entries()).toHaveLength(1);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('a damaged or out-of-bounds stored value reads as the default', () => {
    const db = store.db;
    db.prepare(`INSERT INTO settings (key, value) VALUES ('retention.days', '0'), ('session.idle_minutes', 'not json')`).run();
    expect(readSettings(db)).toEqual({ retentionDays: 30, idleLockMinutes: 5 });
  });
});
