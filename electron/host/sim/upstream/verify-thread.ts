/**
 * The body of a verification thread (verify-pool.ts): its own read-only connection to the
 * upstream's SQLite (device keys, revocations), its own Verifier; answers one message per packet.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { JWK } from 'jose';
import { isPacketError } from '../../sync/packet/errors';
import { Verifier } from './verify';
import { jweText, type Jwe } from '../../sync/packet/jwe';

export interface ThreadData {
  dataDir: string;
  decryptionJwk: JWK;
  trustDers: Uint8Array[];
}

export type ThreadRequest = { id: number; jwe: Jwe; now: string };
export type ThreadReply =
  | { id: number; ok: true; verified: Awaited<ReturnType<Verifier['verify']>> }
  | { id: number; ok: false; packet?: { code: string; detail?: string } };

const data = workerData as ThreadData;
const db = new Database(join(data.dataDir, 'upstream.db'), { readonly: true, fileMustExist: true });
const verifier = new Verifier({ db, decryptionJwk: data.decryptionJwk, trustDers: data.trustDers });

parentPort!.on('message', (m: ThreadRequest) => {
  verifier.verify(jweText(m.jwe), new Date(m.now)).then(
    (verified) => parentPort!.postMessage({ id: m.id, ok: true, verified } satisfies ThreadReply),
    (e: unknown) => parentPort!.postMessage({ id: m.id, ok: false, ...(isPacketError(e) ? { packet: { code: e.code, ...(e.detail ? { detail: e.detail } : {}) } } : {}) } satisfies ThreadReply),
  );
});
parentPort!.postMessage({ ready: true });
