/** `npm run audit -- verify`: checks the whole audit chain; names the first broken entry and exits 1. */
import { verifyAudit } from '../../host/store/audit';
import { openStoreForCli } from './open-store';

async function main() {
  const [cmd] = process.argv.slice(2);
  if (cmd !== 'verify') {
    console.error('usage: npm run audit -- verify');
    process.exit(2);
  }
  const store = await openStoreForCli();
  const v = verifyAudit(store.db);
  store.close();
  console.log(JSON.stringify(v));
  console.log(v.ok ? `audit ok: ${v.entries} entries, head ${v.head.slice(0, 16)}…` : `audit BROKEN at entry ${v.firstBroken}: ${v.reason}`);
  process.exit(v.ok ? 0 : 1);
}

main().catch((e: Error) => {
  console.error(JSON.stringify({ error: e.message }));
  process.exit(1);
});
