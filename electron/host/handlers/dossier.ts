/**
 * Dossier calls: the signed-in officer (from the session, never from the payload) acts through
 * the store's functions, which hold the rules; store errors become the contract's codes.
 */
import { can } from '../../../shared/domain/roles';
import type { HandlerTable } from '../bridge/dispatch';
import { HostError } from '../bridge/host-error';
import type { HostContext } from '../host-context';
import type { Officer } from '../auth/accounts';
import { officerNames } from '../auth/officer-names';
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
  | 'dossier.counts'
  | 'dossier.image';

const isJpeg = (b: Buffer) => b[0] === 0xff && b[1] === 0xd8;
const isPng = (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

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
    'dossier.save': ({ id, revision, body, livePortrait, chipPortrait }) =>
      wrap(() => {
        const live = livePortrait ? Buffer.from(livePortrait, 'base64') : undefined;
        if (live && (live.length > 1_500_000 || !isJpeg(live))) throw new HostError('dossier.incomplete', 'live portrait is not a JPEG under 1.5 MB');
        const chip = chipPortrait ? Buffer.from(chipPortrait, 'base64') : undefined;
        if (chip && (chip.length > 1_500_000 || !(isJpeg(chip) || isPng(chip)))) throw new HostError('dossier.incomplete', 'chip portrait is not a JPEG or PNG under 1.5 MB');
        return D.saveDraft(ctx.auth.db, me(), id, revision, body, { ...(live ? { live_portrait: live } : {}), ...(chip ? { chip_portrait: chip } : {}) });
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
        return { rows, officers: officerNames(ctx.auth.db, rows.map((r) => r.officerId)) };
      }),
    'dossier.decide': (input) =>
      wrap(() => (input.decision === 'approve' ? D.approve(ctx.auth.db, me(), input.id) : D.returnToOfficer(ctx.auth.db, me(), input.id, input.reason))),
    'dossier.history': ({ id }) =>
      wrap(() => {
        const o = me();
        visible(o, D.get(ctx.auth.db, id));
        const entries = auditFor(ctx.auth.db, id);
        const names = officerNames(ctx.auth.db, entries.map((e) => e.actor));
        return { entries: entries.map(({ seq, at, actor, action }) => ({ seq, at, actor, actorName: names[actor] ?? null, action })) };
      }),
    'dossier.counts': () =>
      wrap(() => {
        const o = me();
        if (can(o.role, 'queue.counts')) return { counts: D.countsByState(ctx.auth.db) };
        if (can(o.role, 'queue.own')) return { counts: D.countsByState(ctx.auth.db, o.id) };
        throw new HostError('auth.forbidden', 'this role sees no counts');
      }),
    'dossier.image': ({ id, kind }) =>
      wrap(() => {
        const o = me();
        visible(o, D.get(ctx.auth.db, id));
        const bytes = D.image(ctx.auth.db, id, kind);
        if (!bytes) return { dataUrl: null };
        return { dataUrl: `data:image/${isPng(bytes) ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}` };
      }),
  };
}
