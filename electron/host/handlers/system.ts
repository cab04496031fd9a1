import type { HandlerTable } from '../bridge/dispatch';
import type { HostContext } from '../host-context';

export function systemHandlers(ctx: HostContext): Pick<HandlerTable, 'system.info' | 'system.ping'> {
  return {
    'system.info': () => ({
      appVersion: ctx.appVersion,
      shell: ctx.shell,
      mode: ctx.mode,
      platform: `${process.platform}-${process.arch}`,
      nodeVersion: process.versions.node,
      defaultLanguage: ctx.config.language,
      stationName: ctx.config.stationName,
      upstreamConfigured: ctx.config.upstream !== null,
      startedAt: ctx.startedAt,
    }),
    'system.ping': ({ nonce }) => ({ nonce, hostTime: new Date().toISOString() }),
  };
}
