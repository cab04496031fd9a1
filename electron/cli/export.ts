/**
 * `npm run export -- --out DIR`: for a kiosk with no network, writes every queued dossier's packet
 * (signed, encrypted to the upstream's key) into DIR/packets/ with DIR/manifest.json (SHA-256 of
 * each file and the packet's digest). The dossiers stay queued: uploading them later from here is
 * answered as "the same packet". The kiosk must be enrolled; the station passphrase is asked.
 */
import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadIdentity } from '../host/sync/identity';
import { exportPackets } from '../host/sync/offline';
import { openStoreForCli } from './store/open-store';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) {
  console.error('usage: npm run export -- --out DIR');
  process.exit(2);
}
if (existsSync(values.out) && readdirSync(values.out).length > 0) {
  console.error(`${values.out} is not empty: export into a new or empty folder`);
  process.exit(2);
}
const store = await openStoreForCli();
try {
  const id = loadIdentity(store.db);
  if (!id) {
    console.error('this kiosk is not enrolled with the upstream yet: enrol it first (Settings, administrator)');
    process.exit(1);
  }
  const m = await exportPackets(store.db, id, values.out, 'cli');
  console.log(`exported ${m.packets.length} packets from ${m.deviceId} to ${values.out} (manifest.json with SHA-256 checksums)`);
} finally {
  store.close();
}
