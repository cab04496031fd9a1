/** The three roles and what each may do (dossier.md's table). The host checks this on every call; the UI only mirrors it. */
export const ROLES = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | 'intake' // take an intake, save and resume own drafts, submit
  | 'approve' // approve or return (never one's own)
  | 'override' // override a failed chip check or an exhausted liveness limit
  | 'queue.own'
  | 'queue.all'
  | 'queue.counts'
  | 'drives'
  | 'accounts'
  | 'trust'
  | 'settings'
  | 'store.unlock'
  | 'sync.control' // pause and resume uploads
  | 'sync.enrol'; // enrol the kiosk with the upstream

const TABLE: Record<Role, readonly Permission[]> = {
  officer: ['intake', 'queue.own'],
  supervisor: ['intake', 'approve', 'override', 'queue.own', 'queue.all', 'queue.counts', 'drives', 'store.unlock', 'sync.control'],
  admin: ['queue.counts', 'drives', 'accounts', 'trust', 'settings', 'store.unlock', 'sync.control', 'sync.enrol'],
};

export function can(role: Role, p: Permission): boolean {
  return TABLE[role].includes(p);
}
