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
import { jpegSize } from '../images/jpeg-size';
import * as D from '../store/dossiers';
import { ensureFaceMatch } from '../face/record';
import { DOSSIER_SCHEMA_VERSION, draftDossierSchema, type DraftDossier, type ImageKind } from '../../../shared/domain/dossier';

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

/** The screen's portrait is 480x640; a larger one (a decompression bomb) never reaches a decoder. */
const LIVE_MAX_SIDE = 1280;
function livePortraitFits(b: Buffer): boolean {
  const size = b.length <= 1_500_000 && isJpeg(b) ? jpegSize(b) : null;
  return size !== null && size.width <= LIVE_MAX_SIDE && size.height <= LIVE_MAX_SIDE;
}
const isPng = (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

/** The chip's files as the read kept them (EF.COM 0x1e, EF.SOD 0x1d, DGs by number), under the store's names. */
const RAW_KINDS: ReadonlyArray<[number, ImageKind]> = [[0x1e, 'ef_com'], [0x1d, 'ef_sod'], [1, 'dg1'], [2, 'dg2'], [13, 'dg13'], [14, 'dg14'], [15, 'dg15']];
export function rawChipImages(files: Map<number, Uint8Array> | null): Partial<Record<ImageKind, Uint8Array>> {
  const out: Partial<Record<ImageKind, Uint8Array>> = {};
  for (const [n, kind] of RAW_KINDS) {
    const b = files?.get(n);
    if (b) out[kind] = b;
  }
  return out;
}

/** The dossier body's word for a read's verdict (build-dossier.ts in the renderer writes the same). */
const BODY_VERDICT = { genuine: 'genuine', unverified: 'not_fully_verified', failed: 'failed' } as const;

/**
 * Without the host's own read a dossier holds only what the screen saw (QR or typed data): no chip
 * verdict and no field sourced from a chip, whatever the screen claims.
 */
function claimsOnlyScreenData(identity: DraftDossier['identity'], readWasNamed: boolean): void {
  if (!identity) return;
  const chipClaimed =
    identity.identity.source === 'chip' || identity.verification.overall !== 'not_read' || Object.values(identity.sources).some((s) => s.startsWith('chip_'));
  if (!chipClaimed) return;
  if (readWasNamed) throw new HostError('dossier.read_expired', 'the card read named is no longer held');
  throw new HostError('dossier.forbidden', 'a chip verdict or chip-sourced field needs the host’s own read');
}

/** The most entries dossier.history carries (its contract's bound). */
const HISTORY_MAX = 500;

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
    'dossier.create': ({ body, chipReadId }) =>
      wrap(() => {
        const officer = me();
        const idNumber = body.identity?.identity.idNumber;
        const read = chipReadId && idNumber ? ctx.card.takeRawFiles(chipReadId, idNumber) : null;
        if (read && body.identity?.verification.overall !== BODY_VERDICT[read.overall]) throw new HostError('dossier.forbidden', 'the chip verdict is not the read’s');
        // The chip portrait, files and verdict are the host's read's, never the screen's.
        if (!read) claimsOnlyScreenData(body.identity, chipReadId !== undefined);
        return D.createDraft(ctx.auth.db, officer, body, { ...rawChipImages(read?.files ?? null), ...(read?.portrait ? { chip_portrait: read.portrait } : {}) });
      }),
    'dossier.save': ({ id, revision, body, livePortrait }) =>
      wrap(() => {
        const live = livePortrait ? Buffer.from(livePortrait, 'base64') : undefined;
        if (live && !livePortraitFits(live)) throw new HostError('dossier.incomplete', 'live portrait is not a JPEG under 1.5 MB of at most 1280 px a side');
        const officer = me();
        // A dossier holds a chip's SOD only when the host's read started it; without one, no chip claims.
        if (D.get(ctx.auth.db, id).officerId === officer.id && !D.image(ctx.auth.db, id, 'ef_sod')) claimsOnlyScreenData(body.identity, false);
        return D.saveDraft(ctx.auth.db, officer, id, revision, body, live ? { live_portrait: live } : {});
      }),
    'dossier.submit': async ({ id, allowDuplicate, revision }) => {
      // A dossier with both portraits is never submitted uncompared: the host compares first, and the
      // store refuses unless the live portrait it holds now was compared (a new one saved meanwhile
      // makes the comparison stale: compare again, a few times at most).
      for (let attempt = 1; ; attempt++) {
        await ensureFaceMatch(ctx.auth.db, me(), id).catch((e: unknown) => {
          if (!(e instanceof D.DossierError)) throw e; // the submission's own checks below say what is wrong
        });
        try {
          return D.submit(ctx.auth.db, me(), id, { allowDuplicate, requireFaceMatch: true, ...(revision !== undefined ? { revision } : {}) });
        } catch (e) {
          const raced = e instanceof D.DossierError && e.code === 'incomplete' && e.detail === 'face_match';
          if (!raced || attempt >= 3) return wrap(() => { throw e; });
        }
      }
    },
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
        // A purged dossier's body is its receipt: nothing of the citizen is left to show.
        return { row, body: row.state === 'purged' ? draftDossierSchema.parse({ schemaVersion: DOSSIER_SCHEMA_VERSION }) : D.body(ctx.auth.db, id) };
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
        const all = auditFor(ctx.auth.db, id);
        // The contract carries 500: past that (a dossier saved hundreds of times) the first entry, who took it, and the latest.
        const entries = all.length > HISTORY_MAX ? [all[0]!, ...all.slice(-(HISTORY_MAX - 1))] : all;
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
