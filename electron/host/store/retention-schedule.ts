/**
 * Runs the retention purge (retention.ts) while the store is open: once as it opens (unlock, first
 * run, OS keystore), then every hour. The timer is unref'd (it never keeps the process alive) and
 * stopped when the store closes. Runs never overlap: the next one is set only after one ends, and
 * a run asked for while one is going is skipped. The retention days are read from the settings at
 * each run, so a change applies on the next one. A failure is logged by its kind and code only
 * (never its message, which could quote data) and the schedule goes on.
 */
import { errorFields, type Logger } from '../log';
import type { Db } from './database';
import { purgeExpired } from './retention';
import { expireDriveReports } from '../drives/keep';
import { readSettings } from './settings';

export const RETENTION_INTERVAL_MS = 60 * 60_000;

export interface RetentionScheduleOptions {
  log: Logger;
  now?: () => Date;
  intervalMs?: number;
}

export class RetentionSchedule {
  private db: Db | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(private readonly o: RetentionScheduleOptions) {}

  /** The store has opened: purge now, then every interval until `stop`. */
  start(db: Db): void {
    this.stop();
    this.db = db;
    this.run();
  }

  /** The store is closing: no further run. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.db = null;
  }

  /** One pass now (skipped when stopped or already running); the next is set after it ends. */
  run(): void {
    const db = this.db;
    if (!db || this.running) return;
    this.running = true;
    try {
      const retentionDays = readSettings(db).retentionDays;
      const now = this.o.now?.() ?? new Date();
      const r = purgeExpired(db, now, retentionDays);
      if (r.purged || r.draftsDeleted) this.o.log.info('retention.purged', { ...r, retentionDays });
      // A closed drive's Form 01 and 02 data, once its report period has passed (drives/keep.ts).
      const forms = expireDriveReports(db, now);
      if (forms.drives) this.o.log.info('retention.drive_reports_expired', forms);
    } catch (e) {
      this.o.log.error('retention.failed', errorFields(e));
    } finally {
      this.running = false;
    }
    if (this.db === db) this.next();
  }

  private next(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), this.o.intervalMs ?? RETENTION_INTERVAL_MS);
    this.timer.unref();
  }
}
