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
