/**
 * Sync calls: the station's sync state, one dossier's upload and upstream decision, pause and
 * resume, enrolment. The dispatcher has checked the role; the acting officer comes from the
 * session; officers see only their own dossiers' sync.
 */
import { can } from '../../../shared/domain/roles';
import type { DossierSync, SyncStatus } from '../../../shared/contract/sync';
import type { HandlerTable } from '../bridge/dispatch';
import { HostError } from '../bridge/host-error';
import type { HostContext } from '../host-context';
import type { Db } from '../store/database';
import { outboxCounts } from '../sync/outbox';
import { uploadProgress } from '../sync/outbox-upload';
import { SyncError } from '../sync/service';

type SyncChannels = 'sync.status' | 'sync.dossier' | 'sync.pause' | 'sync.enrol';

export function syncStatusOf(ctx: HostContext): SyncStatus {
  const db = ctx.auth.db;
  const id = ctx.sync.enrolled;
  const w = ctx.sync.workerState;
  return {
    configured: ctx.config.upstream !== null,
    enrolled: id ? { deviceId: id.deviceId, enrolledAt: id.enrolledAt, upstreamHost: new URL(id.upstreamUrl).host } : null,
    paused: w.paused,
    running: w.running,
    busy: w.busy,
    counts: outboxCounts(db),
    lastPoll: { ...ctx.sync.poll },
  };
}

function outcomeOf(raw: string | null): DossierSync['upstream'] {
  if (!raw) return null;
  try {
    const o = JSON.parse(raw) as { status?: unknown; code?: unknown; at?: unknown; receivedAt?: unknown };
    if (o.status !== 'received' && o.status !== 'accepted' && o.status !== 'rejected') return null;
    const at = typeof o.at === 'string' ? o.at : typeof o.receivedAt === 'string' ? o.receivedAt : null;
    return { status: o.status, code: typeof o.code === 'string' ? o.code.slice(0, 80) : null, at };
  } catch {
    return null;
  }
}

export function dossierSync(db: Db, id: string): DossierSync {
  const ob = db
    .prepare(
      `SELECT state, attempts, last_error AS lastError, http_status AS httpStatus, next_attempt_at AS nextAttemptAt, last_attempt_at AS lastAttemptAt, done_at AS doneAt
       FROM outbox WHERE dossier_id = ?`,
    )
    .get(id) as NonNullable<DossierSync['outbox']> | undefined;
  const d = db.prepare('SELECT upstream_outcome AS o FROM dossiers WHERE id = ?').get(id) as { o: string | null } | undefined;
  return {
    outbox: ob ? { ...ob, nextAttemptAt: ob.state === 'pending' ? ob.nextAttemptAt : null } : null,
    upstream: outcomeOf(d?.o ?? null),
    // A large packet's resumable upload: how much the upstream holds, while the dossier still waits for delivery.
    upload: ob && (ob.state === 'pending' || ob.state === 'sending') ? uploadProgress(db, id) : null,
  };
}

function asHostError(e: unknown): never {
  if (e instanceof SyncError) throw new HostError(e.code, e.detail ?? e.code);
  throw e;
}

export function syncHandlers(ctx: HostContext): Pick<HandlerTable, SyncChannels> {
  const actor = () => {
    const o = ctx.auth.officer();
    if (!o) throw new Error('sync call reached without a signed-in officer');
    return o;
  };
  return {
    'sync.status': () => syncStatusOf(ctx),
    'sync.dossier': ({ id }) => {
      const me = actor();
      const db = ctx.auth.db;
      const row = db.prepare('SELECT officer_id AS officerId FROM dossiers WHERE id = ?').get(id) as { officerId: string } | undefined;
      // Missing and not-yours answer alike, so the call cannot probe which dossier ids exist.
      if (!row || (!can(me.role, 'queue.all') && row.officerId !== me.id)) throw new HostError('dossier.not_found', 'no such dossier');
      return dossierSync(db, id);
    },
    'sync.pause': ({ paused }) => {
      try {
        ctx.sync.setPaused(paused, actor().id);
      } catch (e) {
        asHostError(e);
      }
      return syncStatusOf(ctx);
    },
    'sync.enrol': async ({ token }) => {
      try {
        await ctx.sync.enrol(ctx.auth.db, actor().id, token);
      } catch (e) {
        asHostError(e);
      }
      return syncStatusOf(ctx);
    },
  };
}
