import { useEffect, useState } from 'react';
import type { CallOutput } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';

/** One dossier's upload and the upstream's decision (sync.dossier), loaded again on every sync.changed. */
export function useDossierSync(id: string): CallOutput<'sync.dossier'> | null {
  const client = useKiosk();
  const [v, setV] = useState<CallOutput<'sync.dossier'> | null>(null);
  useEffect(() => {
    let current = true;
    const load = () =>
      void client.call('sync.dossier', { id }).then((r) => {
        if (current && r.ok) setV(r.value);
      });
    load();
    const off = client.on('sync.changed', load);
    return () => {
      current = false;
      off();
    };
  }, [client, id]);
  return v;
}
