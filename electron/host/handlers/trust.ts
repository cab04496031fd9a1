/** The trust store over the bridge: listing only; changes go through `npm run trust` (electron/cli/trust.ts). */
import type { HandlerTable } from '../bridge/dispatch';
import type { HostContext } from '../host-context';
import { trustEntryView } from '../trust/trust-view';

export function trustHandlers(ctx: HostContext): Pick<HandlerTable, 'trust.list'> {
  return {
    'trust.list': async () => {
      await ctx.trust.current(); // picks up what the administrator changed with the CLI
      const { anchors, mlRoots } = ctx.trust.list();
      return { anchors: anchors.map(trustEntryView), mlRoots: mlRoots.map(trustEntryView), persistent: ctx.trust.persistent };
    },
  };
}
