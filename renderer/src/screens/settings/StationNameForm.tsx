import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';

/**
 * The station's name as citizens and the province read it ("Công an phường …"), asked of the
 * administrator at first run and changeable in the settings. The host checks and records it.
 */
export function StationNameForm({ current, onNamed, prompt = false }: { current: string | null; onNamed(name: string): void; prompt?: boolean }) {
  const { t } = useTranslation('settings');
  const client = useKiosk();
  const [name, setName] = useState(current ?? '');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (name.trim().length < 3) return setMessage({ kind: 'error', text: t('station.tooShort') });
    setBusy(true);
    const r = await client.call('station.setName', { name });
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: errorMessage(t, r.error) });
    setName(r.value.stationName);
    setMessage({ kind: 'ok', text: t('station.saved') });
    onNamed(r.value.stationName);
  };

  return (
    <form className={prompt ? 'panel station-prompt' : 'station-form'} data-testid="station-name-form" onSubmit={(e) => void save(e)} noValidate>
      {prompt && <h2>{t('station.promptTitle')}</h2>}
      <label>
        <span>{t('station.label')}</span>
        <input name="stationName" value={name} maxLength={120} autoComplete="off" placeholder={t('station.placeholder')} onChange={(e) => setName(e.target.value)} />
      </label>
      <p className="muted small">{t('station.help')}</p>
      {message && (
        <p className={message.kind === 'error' ? 'error' : 'ok'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="station-message">
          {message.text}
        </p>
      )}
      <button type="submit" className={prompt ? 'big' : undefined} disabled={busy} data-testid="station-save">{t('station.save')}</button>
    </form>
  );
}
