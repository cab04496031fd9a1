/**
 * The queue screen's pure parts: which states it counts and in what order, the label key of an
 * audit action, the dates it shows, and what the signed-in officer may pick up again.
 */
import { DOSSIER_STATES, type DossierState } from '../../../../shared/domain/dossier-state';
import { formatDateTimeVn } from '../../../../shared/domain/format';

/**
 * The audit actions a dossier's history holds (electron/host/store): each has a label in the
 * `queue` catalogue under `actions.<action>`; any other action is shown by its code.
 */
export const KNOWN_ACTIONS = [
  'draft.created',
  'draft.saved',
  'dossier.submitted',
  'dossier.approved',
  'dossier.returned',
  'draft.cancelled',
  'draft.expired',
  'dossier.purged',
  // Sync upstream (electron/host/sync): each attempt, its result, the upstream's decision.
  'sync.sending',
  'sync.sent',
  'sync.retry_scheduled',
  'sync.refused',
  'sync.accepted',
  'sync.rejected',
  'sync.exported',
  'sync.imported',
  // A large packet's resumable upload (electron/host/sync/resumable.ts).
  'sync.packet_built',
  'sync.upload_started',
  'sync.upload_resumed',
  // An upload no longer needed, cancelled upstream; an attempt's late result set aside (its lease had run out).
  'sync.upload_cancelled',
  'sync.result_dropped',
  'dossier.returned_for_recapture',
  // The face comparison (electron/host/face), a supervisor's password on the officer's screen, the receipt.
  'face.compared',
  'face.mismatch_acknowledged',
  'auth.supervisor_checked',
  'auth.supervisor_refused',
  'receipt.printed',
] as const;

/** The catalogue key for an audit action, or null when it has no label of its own. */
export function actionKey(action: string): string | null {
  return (KNOWN_ACTIONS as readonly string[]).includes(action) ? `actions.${action}` : null;
}

export interface StateCount {
  state: DossierState;
  n: number;
}

/** Every state in the dossier's life order, with its count (0 when the host sent none). */
export function stateCounts(counts: Partial<Record<DossierState, number>>): { chips: StateCount[]; total: number } {
  const chips = DOSSIER_STATES.map((state) => ({ state, n: counts[state] ?? 0 }));
  return { chips, total: chips.reduce((sum, c) => sum + c.n, 0) };
}

/** A timestamp as dd/mm/yyyy HH:mm (local time), or a dash for none. */
export function stamp(iso: string | null | undefined): string {
  return (iso && formatDateTimeVn(iso)) || '—';
}

/** What the signed-in officer can pick up: their own returned dossier (fix and resubmit) or draft (continue). */
export function resumeKind(row: { state: DossierState; officerId: string }, officerId: string): 'returned' | 'draft' | null {
  if (row.officerId !== officerId) return null;
  return row.state === 'returned' || row.state === 'draft' ? row.state : null;
}
