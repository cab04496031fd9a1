import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { actionKey, stamp } from './labels';

type Entry = CallOutput<'dossier.history'>['entries'][number];

/** What happened to the dossier, oldest first, from the audit trail: when, what and who. Read again when `version` changes. */
export function HistoryTimeline({ id, version }: { id: string; version?: string }) {
  const { t } = useTranslation('queue');
  const client = useKiosk();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void client.call('dossier.history', { id }).then((r) => {
      if (!current) return;
      if (r.ok) setEntries(r.value.entries);
      else setError(errorMessage(t, r.error));
    });
    return () => {
      current = false;
    };
  }, [client, id, t, version]);

  const who = (e: Entry) => e.actorName ?? (e.actor === 'system' ? t('history.system') : t('history.unknownActor'));
  const what = (action: string) => {
    const key = actionKey(action);
    return key ? t(key) : t('history.other', { action });
  };
  return (
    <section className="history" aria-labelledby="queue-history-title">
      <h3 id="queue-history-title">{t('history.title')}</h3>
      {error && <p className="error" role="alert">{error}</p>}
      {!entries && !error && <p className="muted" role="status">{t('history.loading')}</p>}
      {entries && entries.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {entries && entries.length > 0 && (
        <ol className="timeline" data-testid="history">
          {entries.map((e) => (
            <li key={e.seq} data-action={e.action}>
              <time dateTime={e.at}>{stamp(e.at)}</time>
              <strong className="what">{what(e.action)}</strong>
              <span className="who">{who(e)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
