/** Start-up and sign-in over the bridge: every decision is AuthService's. */
import type { HandlerTable } from '../bridge/dispatch';
import type { HostContext } from '../host-context';

export function authHandlers(ctx: HostContext): Pick<HandlerTable, 'auth.status' | 'store.create' | 'store.unlock' | 'auth.signIn' | 'auth.signOut' | 'auth.confirmSupervisor'> {
  return {
    'auth.status': () => ctx.auth.status(),
    'store.create': (input) => ctx.auth.create(input),
    'store.unlock': ({ passphrase }) => ctx.auth.unlock(passphrase),
    'auth.signIn': ({ username, password }) => ctx.auth.signIn(username, password),
    'auth.signOut': () => ctx.auth.signOut(),
    'auth.confirmSupervisor': (input) => ctx.auth.confirmSupervisor(input),
  };
}
