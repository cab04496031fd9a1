/**
 * Face comparison calls: the signed-in officer's own draft (the session's officer, never the
 * payload's); store errors become the contract's dossier codes.
 */
import type { HandlerTable } from '../bridge/dispatch';
import { HostError } from '../bridge/host-error';
import type { HostContext } from '../host-context';
import { acknowledgeFaceMismatch, ensureFaceMatch } from '../face/record';
import { DossierError } from '../store/dossiers';

function asHostError(e: unknown): unknown {
  return e instanceof DossierError ? new HostError(`dossier.${e.code}`, e.code) : e;
}

export function faceHandlers(ctx: HostContext): Pick<HandlerTable, 'face.compare' | 'face.acknowledge'> {
  const me = () => {
    const o = ctx.auth.officer();
    if (!o) throw new HostError('store.locked', 'Nobody is signed in.');
    return o;
  };
  return {
    'face.compare': async ({ id }) => {
      try {
        return { faceMatch: await ensureFaceMatch(ctx.auth.db, me(), id) };
      } catch (e) {
        throw asHostError(e);
      }
    },
    'face.acknowledge': ({ id }) => {
      try {
        return { faceMatch: acknowledgeFaceMismatch(ctx.auth.db, me(), id) };
      } catch (e) {
        throw asHostError(e);
      }
    },
  };
}
