import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../bridge/context';

/** Local calendar day of an ISO moment, as the kiosk's clock sees it. */
const dayOf = (iso: string): string => new Date(iso).toLocaleDateString('sv-SE');

/**
 * How many citizens' dossiers this officer has submitted today (their own list; a supervisor's is
 * the station's), shown beside who is signed in. Refreshed whenever `refresh` changes.
 */
export function TodayCount({ refresh }: { refresh: unknown }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    void client.call('dossier.list', {}).then((r) => {
      if (!live || !r.ok) return;
      const today = dayOf(new Date().toISOString());
      setCount(r.value.rows.filter((row) => row.submittedAt && dayOf(row.submittedAt) === today).length);
    });
    return () => {
      live = false;
    };
  }, [client, refresh]);
  if (count === null) return null;
  return <span className="today-count" data-testid="today-count" data-count={count}>{t('home.today', { count })}</span>;
}
