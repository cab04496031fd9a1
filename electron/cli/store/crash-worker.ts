/**
 * The process the crash test kills: unlocks the store (or creates it, to be killed mid-migration)
 * and walks intakes from draft to approved, printing `C <n> <state>` only after each transaction
 * has committed. On restart it resumes each intake from what the store holds, never from memory.
 */
import { randomBytes } from 'node:crypto';
import { getOfficer } from '../../host/auth/accounts';
import * as D from '../../host/store/dossiers';
import { createStore, storeExists, unlockStore } from '../../host/store/store';
import { sampleDossier } from '../../host/store/test-dossier';
import { CRASH_KDF, idNumberOf } from './crash-check';


async function main() {
  const [dataDir, fromArg, mode] = process.argv.slice(2);
  const pass = process.env.KIOSK_STORE_PASSPHRASE ?? '';
  if (mode === 'create') {
    if (!storeExists(dataDir!)) (await createStore(dataDir!, { passphrase: pass }, CRASH_KDF)).close();
    else (await unlockStore(dataDir!, { passphrase: pass })).close();
    process.stdout.write('MIGRATED\n');
    return;
  }
  const { db } = await unlockStore(dataDir!, { passphrase: pass });
  const officer = getOfficer(db, process.env.CRASH_OFFICER!)!;
  const supervisor = getOfficer(db, process.env.CRASH_SUPERVISOR!)!;
  process.stdout.write('READY\n');
  const portrait = randomBytes(100_000); // like a ~100 KB JPEG: incompressible bytes
  for (let n = Number(fromArg); ; n++) {
    const idNumber = idNumberOf(n);
    let cur = D.search(db, idNumber)[0] ?? null;
    if (!cur) {
      cur = D.createDraft(db, officer, { schemaVersion: 1 });
      process.stdout.write(`C ${n} draft ${cur.id}\n`);
    }
    if (cur.state === 'draft') {
      if (!cur.idNumber) {
        cur = D.saveDraft(db, officer, cur.id, cur.revision, sampleDossier({ idNumber, fullName: `Nguyễn Văn Thử ${n}` }), { live_portrait: portrait, chip_portrait: portrait.subarray(0, 20_000) });
        process.stdout.write(`C ${n} saved ${cur.id}\n`);
      }
      cur = D.submit(db, officer, cur.id);
      process.stdout.write(`C ${n} submitted ${cur.id}\n`);
    }
    if (cur.state === 'submitted') {
      cur = D.approve(db, supervisor, cur.id);
      process.stdout.write(`C ${n} queued ${cur.id}\n`);
    }
  }
}

void main();
