import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openUpstreamDb } from './db';
import { GroupCommit } from './group-commit';

describe('group commit', () => {
  it('writes arriving together share one transaction; each settles only once it is committed; a failing write is undone alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-group-'));
    const db = openUpstreamDb(dir);
    const other = new Database(join(dir, 'upstream.db'), { readonly: true });
    const g = new GroupCommit(db);
    const count = () => Number(other.prepare('SELECT count(*) FROM tokens').pluck().get());
    const insert = (h: string) => () => db.prepare('INSERT INTO tokens (token_hash, created_at) VALUES (?, ?)').run(h, 'now').changes;
    const seen: number[] = [];
    const a = g.run(insert('a')).then(() => seen.push(count()));
    const dup = g.run(() => {
      insert('b')();
      return insert('a')(); // the primary key refuses it: 'b' goes with it
    });
    const c = g.run(insert('c')).then(() => seen.push(count()));
    expect(count()).toBe(0);
    await expect(dup).rejects.toThrow(/UNIQUE/);
    await Promise.all([a, c]);
    // Seen committed from another connection by the time each write's promise settled.
    expect(seen).toEqual([2, 2]);
    expect(other.prepare('SELECT token_hash FROM tokens ORDER BY token_hash').pluck().all()).toEqual(['a', 'c']);
    expect(g.stats).toEqual({ commits: 1, writes: 3 });
    await g.run(insert('d'));
    expect(g.stats).toEqual({ commits: 2, writes: 4 });
    other.close();
    db.close();
  });
});

describe('group commit when SQLite undoes the whole batch', () => {
  it('a write after which SQLite rolled the batch back (a full disk, a busy store, RAISE(ROLLBACK)): every write of the batch is refused, none acknowledged, none committed; later batches work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-group-rollback-'));
    const db = openUpstreamDb(dir);
    const other = new Database(join(dir, 'upstream.db'), { readonly: true });
    const g = new GroupCommit(db);
    const insert = (h: string) => () => db.prepare('INSERT INTO tokens (token_hash, created_at) VALUES (?, ?)').run(h, 'now').changes;
    // SQLite ends the transaction itself (as it may on SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY mid-batch).
    db.exec(`CREATE TEMP TRIGGER full_disk BEFORE INSERT ON tokens WHEN NEW.token_hash = 'full' BEGIN SELECT RAISE(ROLLBACK, 'database or disk is full'); END`);
    const settled = ['a', 'full', 'c', 'd'].map((h) => g.run(insert(h)).then(() => 'acknowledged', (e: unknown) => String(e)));
    const answers = await Promise.all(settled);
    expect(other.prepare('SELECT token_hash FROM tokens').pluck().all()).toEqual([]);
    expect(answers.filter((a) => a === 'acknowledged')).toEqual([]);
    expect(answers[1]).toContain('database or disk is full');
    expect(answers[3]).toContain('not stored');
    expect(db.inTransaction).toBe(false);
    expect(g.stats.commits).toBe(0);
    await g.run(insert('e'));
    expect(other.prepare('SELECT token_hash FROM tokens').pluck().all()).toEqual(['e']);
    other.close();
    db.close();
  });

  it('a full disk (max_page_count) inside the batch: no write acknowledged unless its row is committed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upstream-group-full-'));
    const db = openUpstreamDb(dir);
    const other = new Database(join(dir, 'upstream.db'), { readonly: true });
    const g = new GroupCommit(db);
    const big = 'x'.repeat(64 * 1024);
    const insert = (h: string) => () => db.prepare('INSERT INTO tokens (token_hash, created_at) VALUES (?, ?)').run(h, big).changes;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 40}`);
    const names = Array.from({ length: 8 }, (_, i) => `t${i}`);
    const answers = await Promise.all(names.map((h) => g.run(insert(h)).then(() => 'acknowledged', (e: unknown) => String(e))));
    const stored = new Set(other.prepare('SELECT token_hash FROM tokens').pluck().all() as string[]);
    expect(answers.some((a) => a !== 'acknowledged')).toBe(true);
    names.forEach((h, i) => {
      if (answers[i] === 'acknowledged') expect(stored.has(h)).toBe(true);
    });
    expect(db.inTransaction).toBe(false);
    other.close();
    db.close();
  });
});
