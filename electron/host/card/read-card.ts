/**
 * The whole read of a CCCD: access control (PACE-CAN or BAC) → the LDS files → passive,
 * active and chip authentication → a CitizenIdentity and a verification report. Throws only
 * CardError; a card removed mid-read surfaces as 'card.removed' and the caller retries with the
 * same ChunkPolicy (kept per reader) once the card is back.
 */
import type { CitizenIdentity } from '../../../shared/domain/citizen';
import { dg13ToIdentity } from './cccd/dg13-identity';
import { parseDg13 } from './cccd/dg13';
import { CardError } from './errors';
import { passiveAuth, type PassiveAuthReport } from './icao/auth/passive';
import type { TrustStore } from './icao/auth/trust-store';
import { parseDg1 } from './icao/lds/dg1';
import { parseDg2, type FaceImage } from './icao/lds/dg2';
import { ChunkPolicy, type ChunkPolicies } from './icao/lds/file-reader';
import { parseSod } from './icao/lds/sod';
import { openSession } from './icao/session';
import { openSecureSession, type AccessKeys, type AccessOutcome } from './read/access-control';
import { chipChecks, type ChipChecks } from './read/chip-checks';
import { CCCD_FILES, probeDg3, readLdsFile, type Dg3State, type FileProgress } from './read/files';
import { countingTransport } from './read/counting-transport';
import type { CardTransport } from './transport/transport';

export type ReadStep = 'access_control' | 'reading' | 'verifying' | 'done';

export interface ReadProgress {
  step: ReadStep;
  /** During 'reading': the file and its bytes so far. */
  file?: FileProgress;
  /** Overall 0..1, weighted by the bytes of each file (DG2 dominates). */
  fraction: number;
}

export interface ReadCardOptions {
  keys: AccessKeys;
  trustStore: TrustStore;
  /** Chunk sizes remembered per reader across reads (kept by the caller for the app's lifetime). */
  policies?: ChunkPolicies;
  /** Or one fixed policy (benchmarks, tests). */
  policy?: ChunkPolicy;
  onProgress?: (p: ReadProgress) => void;
  now?: Date;
}

export interface CardVerification {
  accessControl: AccessOutcome;
  passive: PassiveAuthReport;
  chip: ChipChecks;
  dg3: Dg3State;
}

export interface CardReadResult {
  identity: CitizenIdentity;
  portrait?: FaceImage;
  verification: CardVerification;
  /** Raw bytes by data group (0x1E = EF.COM, 0x1D = EF.SOD), for the dossier and re-checks. */
  files: Map<number, Uint8Array>;
  /** Optional files left unread because the card announced more than a genuine one holds. */
  refused: { file: string; code: 'card.file_too_large'; message: string }[];
  stats: { apdus: number; ms: number; chunkSize: number; readerName: string };
}

function need(files: Map<number, Uint8Array>, dg: number, name: string): Uint8Array {
  const b = files.get(dg);
  if (!b) throw new CardError('card.file_not_found', `${name} missing`);
  return b;
}

/** A DG2 we cannot parse costs the portrait, not the identity: the caller reports it. */
function portraitOf(dg2: Uint8Array): FaceImage | undefined {
  try {
    return parseDg2(dg2).images[0];
  } catch (e) {
    if (e instanceof CardError && e.code === 'card.parse') return undefined;
    throw e;
  }
}

export async function readCard(transport: CardTransport, options: ReadCardOptions): Promise<CardReadResult> {
  const started = performance.now();
  const counted = countingTransport(transport);
  const report = (p: ReadProgress) => options.onProgress?.(p);
  const session = openSession(counted);

  report({ step: 'access_control', fraction: 0 });
  const access = await openSecureSession(session, options.keys);
  const smBlockSize = session.secure?.suite.blockSize ?? 8;
  const policy =
    options.policy ?? options.policies?.get(transport.readerName, { extendedLength: transport.extendedLength, smBlockSize }) ?? new ChunkPolicy({ extendedLength: transport.extendedLength, smBlockSize });

  const files = new Map<number, Uint8Array>();
  // DG2 is most of the bytes; a rough weight keeps the bar moving honestly.
  const weight = (name: string) => (name === 'DG2' ? 0.7 : 0.3 / (CCCD_FILES.length - 1));
  // 5 % for access control, 90 % for the files (by weight), the rest for verification.
  let doneWeight = 0;
  const fraction = (w: number) => 0.05 + 0.9 * Math.min(1, w);
  // "Tag lost" without a removal: the chip reset and forgot the session keys. Open a new
  // session on the same card and let the file reader resume at its offset.
  const recover = async (error: CardError) => {
    if (error.code === 'card.removed' || error.code === 'card.no_reader') throw error;
    session.endSecureMessaging();
    await openSecureSession(session, options.keys);
    return session.channel;
  };
  const sfi = { usable: true };
  const refused: CardReadResult['refused'] = [];
  for (const spec of CCCD_FILES) {
    let bytes: Uint8Array | undefined;
    try {
      bytes = await readLdsFile(
        session.channel,
        spec,
        policy,
        (file) => report({ step: 'reading', file, fraction: fraction(doneWeight + (weight(spec.name) * file.bytesRead) / Math.max(1, file.totalBytes)) }),
        recover,
        sfi,
      );
    } catch (e) {
      // An optional file announcing gigabytes costs that file, not what was already read.
      if (spec.required || !(e instanceof CardError) || e.code !== 'card.file_too_large') throw e;
      refused.push({ file: spec.name, code: e.code, message: e.message });
    }
    doneWeight += weight(spec.name);
    if (bytes) files.set(spec.dg === 0 ? spec.fid & 0xff : spec.dg, bytes);
  }
  const dg3 = await probeDg3(session.channel);

  report({ step: 'verifying', fraction: 0.95 });
  const sod = parseSod(need(files, 0x1d, 'EF.SOD'));
  const dataGroups = new Map([...files].filter(([dg]) => dg < 0x1d));
  const passive = passiveAuth(sod, dataGroups, options.trustStore, options.now ?? new Date());
  const chip = await chipChecks(session, files);
  const dg1 = parseDg1(need(files, 1, 'DG1'));
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const identity = dg13ToIdentity(parseDg13(need(files, 13, 'DG13')), dg1, today);
  const dg2 = files.get(2);
  const portrait = dg2 ? portraitOf(dg2) : undefined;

  report({ step: 'done', fraction: 1 });
  return {
    identity,
    ...(portrait ? { portrait } : {}),
    verification: { accessControl: access, passive, chip, dg3 },
    files,
    refused,
    stats: { apdus: counted.count, ms: performance.now() - started, chunkSize: policy.size, readerName: transport.readerName },
  };
}
