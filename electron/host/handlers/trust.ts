import type { HandlerTable } from '../bridge/dispatch';
import type { HostContext } from '../host-context';
import { trustEntryView } from '../trust/trust-view';

const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

export function trustHandlers(ctx: HostContext): Pick<HandlerTable, 'trust.list' | 'trust.import' | 'trust.importRoot' | 'trust.remove'> {
  return {
    'trust.list': () => {
      const { anchors, mlRoots } = ctx.trust.list();
      return { anchors: anchors.map(trustEntryView), mlRoots: mlRoots.map(trustEntryView), persistent: ctx.trust.persistent };
    },
    'trust.import': ({ fileName, dataBase64 }) => ctx.trust.import(fileName, bytes(dataBase64)),
    'trust.importRoot': ({ fileName, dataBase64 }) => ctx.trust.importRoot(fileName, bytes(dataBase64)),
    'trust.remove': async ({ sha256 }) => {
      await ctx.trust.remove(sha256);
      return { removed: true as const };
    },
  };
}
