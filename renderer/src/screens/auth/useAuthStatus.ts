import { useCallback, useEffect, useState } from 'react';
import type { AuthStatus } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';

/** The host's word on the store and the signed-in officer, kept current by auth.changed. */
export function useAuthStatus(): { status: AuthStatus | null; set: (s: AuthStatus) => void; refresh: () => void } {
  const client = useKiosk();
  const [status, set] = useState<AuthStatus | null>(null);
  const refresh = useCallback(() => {
    void client.call('auth.status').then((r) => r.ok && set(r.value));
  }, [client]);
  useEffect(() => {
    refresh();
    const off = client.on('auth.changed', set);
    // After a reconnect the host may have locked meanwhile: ask again.
    const offConn = client.onConnection((s) => s === 'open' && refresh());
    return () => {
      off();
      offConn();
    };
  }, [client, refresh]);
  return { status, set, refresh };
}
