/**
 * Group commit for the upstream's packet store: the writes that arrive while the event loop is
 * busy (packets verified at once in the threads) go into one transaction, each in its own
 * savepoint, so one fsync (synchronous=FULL) covers them all. A write's promise settles only after
 * that transaction has committed: no acknowledgement before its packet is durable. A write that
 * throws is undone alone (its savepoint) and rejects; a commit that fails rejects every write in it,
 * and so does a batch SQLite rolled back on its own mid-way (a full disk, I/O error, busy store):
 * the writes after it are not run, so none is committed outside the batch unacknowledged.
 */
import type { UpstreamDb } from './db';

interface Item {
  write: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

/** The batch's transaction was rolled back by SQLite during write `at`: its own error, a plain refusal for the others. */
class BatchUndone extends Error {
  constructor(private readonly last: { ok: true; value: unknown } | { ok: false; error: unknown }) {
    super('the batch was rolled back');
  }

  errorFor(i: number, at: number): unknown {
    if (i === at && !this.last.ok) return this.last.error;
    const cause = this.last.ok ? 'a write' : String(this.last.error);
    return new Error(`not stored: the store undid the batch (${cause})`);
  }
}

export class GroupCommit {
  private queue: Item[] = [];
  private scheduled = false;
  /** How many transactions and writes so far (the bench reports writes per commit). */
  readonly stats = { commits: 0, writes: 0 };

  constructor(private readonly db: UpstreamDb) {}

  /** Runs `write` (synchronous, no await) in the next group transaction; resolves once that has committed. */
  run<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    const results: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      this.db
        .transaction(() => {
          for (const item of batch) {
            try {
              results.push({ ok: true, value: this.db.transaction(item.write)() });
            } catch (error) {
              results.push({ ok: false, error });
            }
            // SQLite ended the whole transaction itself (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, a
            // RAISE(ROLLBACK)): every write before is undone, and the rest must not run outside it
            // (each would commit alone, unacknowledged). The whole batch is refused.
            if (!this.db.inTransaction) throw new BatchUndone(results.at(-1)!);
          }
        })
        .immediate();
    } catch (e) {
      batch.forEach((item, i) => item.reject(e instanceof BatchUndone ? e.errorFor(i, results.length - 1) : e));
      return;
    }
    this.stats.commits++;
    this.stats.writes += batch.length;
    batch.forEach((item, i) => {
      const r = results[i]!;
      if (r.ok) item.resolve(r.value);
      else item.reject(r.error);
    });
  }
}
