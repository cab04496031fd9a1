/**
 * Numbered schema migrations. Each runs in its own transaction together with the `user_version`
 * it brings the database to, so a killed process leaves the database at the last finished
 * version. A database newer than this code is refused rather than half understood.
 */
import type { Db } from '../database';

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export class FutureDatabaseError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`the database is at schema version ${found}, newer than this app knows (${known}): update the app, never downgrade it`);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[]): { from: number; to: number } {
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version <= migrations[i - 1]!.version) throw new Error(`migrations out of order at ${migrations[i]!.name}`);
  }
  const from = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) throw new FutureDatabaseError(from, latest);
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: Math.max(from, latest) };
}
