/**
 * Reads an approved dossier from the kiosk's store into a PacketInput: its row (officer,
 * supervisor, times), its body, the live and chip portraits and the raw chip files (images table).
 * Synchronous reads only, outside any transaction of the caller's; the encryption is async.
 */
import type { ImageKind } from '../../../../shared/domain/dossier';
import type { DossierState } from '../../../../shared/domain/dossier-state';
import type { Db } from '../../store/database';
import { body, DossierError, get, image } from '../../store/dossiers';
import { buildPacket, type BuiltPacket, type PacketInput, type PacketKeys } from './build';
import { CHIP_FILE_PARTS, type ChipFilePart } from './manifest';

/** Approved and not yet decided upstream: the states in which a packet may be (re)built. */
export const PACKABLE_STATES: readonly DossierState[] = ['queued', 'sending', 'sent'];

function evidenceOf(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** The audit action that returns a dossier for re-capture (status-pull.ts). */
export const RETURNED_FOR_RECAPTURE = 'dossier.returned_for_recapture';

/**
 * Which submission the dossier's packet is: 1, plus one for every time the upstream returned it
 * for a correction. Counted from the append-only audit chain, so it only ever grows.
 */
export function submissionOf(db: Db, dossierId: string): number {
  const r = db.prepare('SELECT count(*) AS n FROM audit WHERE dossier_id = ? AND action = ?').get(dossierId, RETURNED_FOR_RECAPTURE) as { n: number };
  return 1 + r.n;
}

export function packetInputFromStore(db: Db, dossierId: string): PacketInput {
  const row = get(db, dossierId);
  if (!PACKABLE_STATES.includes(row.state)) throw new DossierError('wrong_state', `${row.state} is not approved`);
  if (!row.supervisorId || !row.decidedAt) throw new DossierError('wrong_state', 'no approval recorded');
  const d = body(db, dossierId);
  const live = image(db, dossierId, 'live_portrait');
  if (!d.portrait || !live) throw new DossierError('incomplete', 'portrait');
  const { evidence, ...portrait } = d.portrait;
  const chipFiles: Partial<Record<ChipFilePart, Uint8Array>> = {};
  for (const kind of CHIP_FILE_PARTS) {
    const bytes = image(db, dossierId, kind satisfies ImageKind);
    if (bytes) chipFiles[kind] = new Uint8Array(bytes);
  }
  const chipPortrait = image(db, dossierId, 'chip_portrait');
  return {
    dossierId,
    station: d.station,
    createdAt: row.createdAt,
    ...(row.submittedAt ? { submittedAt: row.submittedAt } : {}),
    approvedAt: row.decidedAt,
    submission: submissionOf(db, dossierId),
    officerId: row.officerId,
    supervisorId: row.supervisorId,
    dossier: { ...d, portrait },
    livePortrait: new Uint8Array(live),
    ...(chipPortrait ? { chipPortrait: new Uint8Array(chipPortrait) } : {}),
    chipFiles,
    liveness: { ...portrait, evidence: evidenceOf(evidence) },
  };
}

/** What the kiosk's outbox worker calls: the approved dossier's packet, ready to PUT. */
export function buildPacketFromStore(db: Db, dossierId: string, keys: PacketKeys): Promise<BuiltPacket> {
  return buildPacket(packetInputFromStore(db, dossierId), keys);
}
