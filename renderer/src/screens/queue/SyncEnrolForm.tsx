import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { useSyncStatus } from './useSyncStatus';

/**
 * The administrator enrols the kiosk with the upstream: the one-time token typed here, the
 * upstream's address and CA from the configuration. Shows the device id once enrolled.
 */
export function SyncEnrolForm() {
  const { t } = useTranslation('sync');
  const client = useKiosk();
  const { status, setStatus } = useSyncStatus();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const enrol = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !token.trim()) return;
    setBusy(true);
    const r = await client.call('sync.enrol', { token: token.trim() });
    setBusy(false);
    if (r.ok) {
      setStatus(r.value);
      setToken('');
      setMessage({ kind: 'ok', text: t('enrol.done', { deviceId: r.value.enrolled?.deviceId ?? '' }) });
    } else setMessage({ kind: 'error', text: errorMessage(t, r.error) });
  };
  return (
    <section className="sync-panel" aria-labelledby="sync-enrol-title" data-testid="sync-enrol">
      <h3 id="sync-enrol-title">{t('enrol.title')}</h3>
      {status?.enrolled && <p data-testid="sync-enrolled">{t('panel.device', { deviceId: status.enrolled.deviceId, host: status.enrolled.upstreamHost })}</p>}
      {status && !status.configured && <p className="muted">{t('panel.notConfigured')}</p>}
      <p className="muted small">{t('enrol.help')}</p>
      <form onSubmit={(e) => void enrol(e)} noValidate>
        <label className="field">
          <span>{t('enrol.token')}</span>
          <input value={token} autoComplete="off" spellCheck={false} data-testid="sync-enrol-token" onChange={(e) => setToken(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" disabled={busy || !token.trim()} data-testid="sync-enrol-submit">{busy ? t('enrol.working') : t('enrol.submit')}</button>
        </div>
      </form>
      {message && <p className={message.kind === 'error' ? 'error' : 'help'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
