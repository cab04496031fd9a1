import { useCallback, useEffect, useState } from 'react';
import type { CallOutput } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';

export type SyncStatusView = CallOutput<'sync.status'>;

/** How often the screen asks again when no sync.changed event came (a poll's result, a backoff ending). */
const REFRESH_MS = 10_000;

/** The station's sync state, fetched again on every `sync.changed` and every few seconds. */
export function useSyncStatus() {
  const client = useKiosk();
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const [error, setError] = useState<{ code: string } | null>(null);
  const load = useCallback(() => {
    void client.call('sync.status').then((r) => {
      if (r.ok) {
        setStatus(r.value);
        setError(null);
      } else setError(r.error);
    });
  }, [client]);
  useEffect(() => {
    load();
    const off = client.on('sync.changed', load);
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [client, load]);
  return { status, error, reload: load, setStatus };
}
