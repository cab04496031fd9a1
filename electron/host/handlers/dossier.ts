/**
 * Dossier calls: the signed-in officer (from the session, never from the payload) acts through
 * the store's functions, which hold the rules; store errors become the contract's codes.
 */
import { can } from '../../../shared/domain/roles';
import type { HandlerTable } from '../bridge/dispatch';
import { HostError } from '../bridge/host-error';
import type { HostContext } from '../host-context';
import type { Officer } from '../auth/accounts';
import { auditFor } from '../store/audit';
import * as D from '../store/dossiers';

type DossierChannels =
  | 'dossier.create'
  | 'dossier.save'
  | 'dossier.submit'
  | 'dossier.cancel'
  | 'dossier.get'
  | 'dossier.list'
  | 'dossier.decide'
  | 'dossier.history'
  | 'dossier.counts';

function wrap<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof D.DossierError) throw new HostError(`dossier.${e.code}`, e.code);
    throw e;
  }
}

export function dossierHandlers(ctx: HostContext): Pick<HandlerTable, DossierChannels> {
  const me = (): Officer => {
    const o = ctx.auth.officer();
    if (!o) throw new HostError('store.locked', 'Nobody is signed in.');
    return o;
  };
  /** Officers see their own dossiers; supervisors see all. */
  const visible = (o: Officer, row: D.DossierRow) => {
    if (!can(o.role, 'queue.all') && row.officerId !== o.id) throw new HostError('dossier.not_found', 'not found');
  };
  return {
    'dossier.create': ({ body }) => wrap(() => D.createDraft(ctx.auth.db, me(), body)),
    'dossier.save': ({ id, revision, body, livePortrait }) =>
      wrap(() => {
        const bytes = livePortrait ? Buffer.from(livePortrait, 'base64') : undefined;
        if (bytes && (bytes.length > 1_500_000 || bytes[0] !== 0xff || bytes[1] !== 0xd8)) throw new HostError('dossier.incomplete', 'live portrait is not a JPEG under 1.5 MB');
        return D.saveDraft(ctx.auth.db, me(), id, revision, body, bytes ? { live_portrait: bytes } : {});
      }),
    'dossier.submit': ({ id, allowDuplicate }) => wrap(() => D.submit(ctx.auth.db, me(), id, { allowDuplicate })),
    'dossier.cancel': ({ id }) =>
      wrap(() => {
        D.cancelDraft(ctx.auth.db, me(), id);
        return { cancelled: true as const };
      }),
    'dossier.get': ({ id }) =>
      wrap(() => {
        const o = me();
        const row = D.get(ctx.auth.db, id);
        visible(o, row);
        return { row, body: D.body(ctx.auth.db, id) };
      }),
    'dossier.list': ({ state, query }) =>
      wrap(() => {
        const o = me();
        const officerId = can(o.role, 'queue.all') ? undefined : o.id;
        const rows = query ? D.search(ctx.auth.db, query, { officerId, limit: 200 }) : D.list(ctx.auth.db, { state, officerId, limit: 200 });
        return { rows };
      }),
    'dossier.decide': (input) =>
      wrap(() => (input.decision === 'approve' ? D.approve(ctx.auth.db, me(), input.id) : D.returnToOfficer(ctx.auth.db, me(), input.id, input.reason))),
    'dossier.history': ({ id }) =>
      wrap(() => {
        const o = me();
        visible(o, D.get(ctx.auth.db, id));
        return { entries: auditFor(ctx.auth.db, id).map(({ seq, at, actor, action }) => ({ seq, at, actor, action })) };
      }),
    'dossier.counts': () => wrap(() => ({ counts: D.countsByState(ctx.auth.db) })),
  };
}
