import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/index';
import type { DossierState } from '../../../../shared/domain/dossier-state';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';

export type Listing = CallOutput<'dossier.list'>;
export type Counts = CallOutput<'dossier.counts'>['counts'];

/**
 * The counts by state and the list for the current filter, fetched again whenever the filter
 * changes or `reload` is called. Answers to an older filter are dropped, so a slow answer never
 * replaces a newer one. A search ignores the state on the host; the state is then applied here.
 */
export function useQueueData(state: DossierState | null, query: string) {
  const { t } = useTranslation('queue');
  const client = useKiosk();
  const [counts, setCounts] = useState<Counts | null>(null);
  const [listing, setListing] = useState<Listing | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(null);
    const q = query.trim();
    void Promise.all([client.call('dossier.counts'), client.call('dossier.list', q ? { query: q } : state ? { state } : {})]).then(([c, l]) => {
      if (!current) return;
      setLoading(false);
      if (c.ok) setCounts(c.value.counts);
      if (l.ok) setListing(q && state ? { ...l.value, rows: l.value.rows.filter((r) => r.state === state) } : l.value);
      const failed = !l.ok ? l.error : !c.ok ? c.error : null;
      setError(failed ? errorMessage(t, failed) : null);
    });
    return () => {
      current = false;
    };
  }, [client, t, state, query, tick]);

  return { counts, listing, loading, error, reload: () => setTick((n) => n + 1) };
}
