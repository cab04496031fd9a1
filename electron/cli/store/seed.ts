/**
 * `npm run seed -- --count N`: N realistic submitted-and-approved dossiers from the demo citizens
 * in the store of KIOSK_DATA_DIR (created if missing), by a seed officer and a seed supervisor.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createAccount, createFirstAdmin, countOfficers, listOfficers, type Officer } from '../../host/auth/accounts';
import { openStoreForCli } from './open-store';
import { seedAssets, seedOne } from './seed-dossiers';

async function account(db: Parameters<typeof listOfficers>[0], role: 'officer' | 'supervisor', username: string): Promise<Officer> {
  const found = listOfficers(db).find((o) => o.username === username);
  if (found) return found;
  if (countOfficers(db) === 0) await createFirstAdmin(db, { username: 'seed-admin', displayName: 'Seed administrator', password: `Aa1!${randomBytes(12).toString('base64')}` });
  const admin = listOfficers(db).find((o) => o.role === 'admin')!;
  return createAccount(db, admin.id, { username, displayName: `Seed ${role}`, role, password: `Aa1!${randomBytes(12).toString('base64')}` });
}

async function main() {
  const { values } = parseArgs({ options: { count: { type: 'string', default: '100' } } });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new Error('--count must be a whole number from 1 to 1000000');
  const store = await openStoreForCli({ createIfMissing: true });
  // Synthetic approved dossiers carry outbox rows: never mix them into a real kiosk's store.
  const officers = listOfficers(store.db);
  if (officers.length > 0 && !officers.some((o) => o.username === 'seed-admin')) {
    store.close();
    throw new Error('this store belongs to a real kiosk (it has accounts seed did not make): seed only into a test data folder (KIOSK_DATA_DIR)');
  }
  const officer = await account(store.db, 'officer', 'seed-officer');
  const supervisor = await account(store.db, 'supervisor', 'seed-supervisor');
  const assets = seedAssets();
  const start = Number(store.db.prepare('SELECT count(*) AS n FROM dossiers').pluck().get());
  for (let i = 0; i < count; i++) {
    seedOne(store.db, start + i, officer, supervisor, assets);
    if ((i + 1) % 500 === 0) process.stderr.write(`seeded ${i + 1}/${count}\n`);
  }
  store.close();
  console.log(JSON.stringify({ seeded: count, total: start + count }));
}

main().catch((e: Error) => {
  console.error(JSON.stringify({ error: e.message }));
  process.exit(1);
});
