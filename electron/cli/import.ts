/**
 * `npm run import -- DIR`: at a connected, enrolled kiosk, checks an export's manifest and every
 * file's checksum, then uploads each packet through this kiosk's mutual-TLS connection. One line
 * per packet (stored, already stored, conflict, refused with its code, retry later), a summary;
 * exit 1 when a packet was refused or could not be sent (run it again later for those).
 */
import { parseArgs } from 'node:util';
import { loadIdentity } from '../host/sync/identity';
import { ImportError, importPackets } from '../host/sync/offline';
import { UpstreamClient } from '../host/sync/upstream-client';
import { openStoreForCli } from './store/open-store';

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const dir = positionals[0];
if (!dir) {
  console.error('usage: npm run import -- DIR');
  process.exit(2);
}
const store = await openStoreForCli();
let code = 0;
try {
  const id = loadIdentity(store.db);
  if (!id) throw new ImportError('this kiosk is not enrolled with the upstream yet: enrol it first (Settings, administrator)');
  const client = new UpstreamClient({ baseUrl: id.upstreamUrl, caPem: id.upstreamCaPem, clientCertPem: id.clientCertPem, clientKeyPem: id.tlsKeyPem });
  try {
    const results = await importPackets(store.db, client, dir, 'cli');
    for (const r of results) console.log(`${r.dossierId} ${r.outcome}${r.code ? ` ${r.code}` : ''}`);
    const delivered = results.filter((r) => r.outcome === 'stored' || r.outcome === 'already_stored').length;
    console.log(`packets ${results.length}, delivered ${delivered}, not delivered ${results.length - delivered}`);
    if (delivered !== results.length) code = 1;
  } finally {
    client.close();
  }
} catch (e) {
  if (!(e instanceof ImportError)) throw e;
  console.error(e.message);
  code = 1;
} finally {
  store.close();
}
process.exit(code);
