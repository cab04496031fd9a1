/**
 * A dossier's life (dossier.md): draft → submitted → queued (approved) | returned → sending → sent
 * → accepted | rejected_upstream → purged. `returned` goes back to the officer; a rejected
 * portrait is re-captured as a new submission. Every transition the host makes is checked here.
 */
export const DOSSIER_STATES = ['draft', 'submitted', 'returned', 'queued', 'sending', 'sent', 'accepted', 'rejected_upstream', 'purged'] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

const NEXT: Record<DossierState, readonly DossierState[]> = {
  draft: ['submitted'],
  submitted: ['queued', 'returned'],
  returned: ['submitted'],
  queued: ['sending'],
  sending: ['sent', 'queued'],
  sent: ['accepted', 'rejected_upstream'],
  accepted: ['purged'],
  // 'returned': upstream refused the portrait; the officer re-captures it (sync's status pull-back).
  rejected_upstream: ['submitted', 'returned', 'purged'],
  purged: [],
};

export function canMove(from: DossierState, to: DossierState): boolean {
  return NEXT[from].includes(to);
}

/**
 * States in which the same ID number counts as a duplicate of a submission. A draft does not: it
 * is unfinished work (an intake started again after a crash, a citizen who walked away), and a
 * second draft becomes a duplicate only when one of them is submitted.
 */
export const PENDING_STATES: readonly DossierState[] = ['submitted', 'returned', 'queued', 'sending', 'sent', 'accepted'];
