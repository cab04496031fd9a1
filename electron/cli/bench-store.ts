/**
 * `npm run bench -- --only store`: the encrypted store's figures, JSON lines. Setup: a fresh data
 * folder on this machine's disk, synchronous=FULL, WAL, the product's key derivation; dossiers
 * with a ~100 KB live portrait, the chip portrait and the raw chip files (~190 KB each stored).
 * Prints: time to create and to unlock the store, enqueue rate (create + submit + approve, each a
 * transaction with its audit entry and outbox row), list and search latency p50/p95 at 10,000
 * dossiers, database size per dossier.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAccount, createFirstAdmin } from '../host/auth/accounts';
import * as D from '../host/store/dossiers';
import { createStore, databasePath, unlockStore } from '../host/store/store';
import { seedAssets, seedCitizen, seedOne } from './store/seed-dossiers';

const PASS = 'bench passphrase for the store';
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const round = (x: number) => Math.round(x * 100) / 100;

async function main() {
  const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '10000' } } });
  const total = Number(values.dossiers);
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-bench-store-'));
  let t = process.hrtime.bigint();
  const created = await createStore(dir, { passphrase: PASS });
  const createMs = ms(t);
  const admin = await createFirstAdmin(created.db, { username: 'bench-admin', displayName: 'Bench', password: 'Bench-admin-2026!' });
  const officer = await createAccount(created.db, admin.id, { username: 'bench-cb', displayName: 'Cán bộ', role: 'officer', password: 'Bench-officer-2026!' });
  const supervisor = await createAccount(created.db, admin.id, { username: 'bench-ld', displayName: 'Lãnh đạo', role: 'supervisor', password: 'Bench-super-2026!' });
  created.close();
  t = process.hrtime.bigint();
  const { db, close } = await unlockStore(dir, { passphrase: PASS });
  const unlockMs = ms(t);
  console.log(JSON.stringify({ bench: 'store.open', createMs: round(createMs), unlockMs: round(unlockMs), kdf: 'scrypt N=2^17 r=8 p=1' }));

  const assets = seedAssets();
  const timed = 1000;
  t = process.hrtime.bigint();
  for (let i = 0; i < Math.min(timed, total); i++) seedOne(db, i, officer, supervisor, assets);
  const enqueueMs = ms(t);
  console.log(JSON.stringify({ bench: 'store.enqueue', dossiers: Math.min(timed, total), perSecond: round(Math.min(timed, total) / (enqueueMs / 1000)), note: 'create + submit + approve: 3 transactions, each fsynced (synchronous=FULL), with audit and outbox' }));
  for (let i = timed; i < total; i++) seedOne(db, i, officer, supervisor, assets);

  const lists: number[] = [];
  const names: number[] = [];
  const ids: number[] = [];
  for (let i = 0; i < 200; i++) {
    let s = process.hrtime.bigint();
    D.list(db, { state: 'queued', limit: 50 });
    lists.push(ms(s));
    const c = seedCitizen((i * 7919) % total);
    const word = c.fullName.split(' ').at(-1)!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    s = process.hrtime.bigint();
    D.search(db, word, { limit: 50 });
    names.push(ms(s));
    s = process.hrtime.bigint();
    D.search(db, c.idNumber);
    ids.push(ms(s));
  }
  const size = statSync(databasePath(dir)).size + (statSync(`${databasePath(dir)}-wal`, { throwIfNoEntry: false })?.size ?? 0);
  console.log(JSON.stringify({ bench: 'store.query', dossiers: total, listP50Ms: round(pct(lists, 50)), listP95Ms: round(pct(lists, 95)), searchNameP50Ms: round(pct(names, 50)), searchNameP95Ms: round(pct(names, 95)), searchIdP50Ms: round(pct(ids, 50)), searchIdP95Ms: round(pct(ids, 95)), note: 'name search without diacritics, 50 results' }));
  console.log(JSON.stringify({ bench: 'store.size', dossiers: total, bytesPerDossier: Math.round(size / total), totalMiB: round(size / 2 ** 20) }));
  close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
