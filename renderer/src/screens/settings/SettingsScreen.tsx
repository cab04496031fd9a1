import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SETTING_LIMITS, type Settings } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { SyncEnrolForm } from '../queue/SyncEnrolForm';
import { StationNameForm } from './StationNameForm';
import '../queue/queue.css';

type Draft = Record<keyof Settings, string>;
const FIELDS = ['retentionDays', 'idleLockMinutes'] as const;
const toDraft = (s: Settings): Draft => ({ retentionDays: String(s.retentionDays), idleLockMinutes: String(s.idleLockMinutes) });

/** Whole numbers within the contract's bounds, or the name of the first field that is not. */
function parse(d: Draft): Settings | keyof Settings {
  const out = {} as Settings;
  for (const f of FIELDS) {
    const n = /^\d{1,5}$/.test(d[f].trim()) ? Number(d[f].trim()) : NaN;
    if (!(n >= SETTING_LIMITS[f].min && n <= SETTING_LIMITS[f].max)) return f;
    out[f] = n;
  }
  return out;
}

/**
 * The administrator's settings: retention days and the idle lock. The host refuses anyone else
 * (the home screen shows the button only to administrators); every change is audited there.
 */
export function SettingsScreen({ onBack, station, onStationNamed }: { onBack(): void; station: string | null; onStationNamed(name: string): void }) {
  const { t } = useTranslation('settings');
  const client = useKiosk();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void client.call('settings.get').then((r) => (r.ok ? setDraft(toDraft(r.value)) : setMessage({ kind: 'error', text: errorMessage(t, r.error) })));
  }, [client, t]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft || busy) return;
    const parsed = parse(draft);
    if (typeof parsed === 'string') {
      setMessage({ kind: 'error', text: t('outOfRange', { field: t(`${parsed}.label`), ...SETTING_LIMITS[parsed] }) });
      return;
    }
    setBusy(true);
    const r = await client.call('settings.set', parsed);
    setBusy(false);
    if (r.ok) setDraft(toDraft(r.value));
    setMessage(r.ok ? { kind: 'ok', text: t('saved') } : { kind: 'error', text: errorMessage(t, r.error) });
  };

  return (
    <section className="panel settings" data-testid="settings-screen">
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <StationNameForm current={station} onNamed={onStationNamed} />
      {draft && (
        <form onSubmit={(e) => void save(e)} noValidate>
          {FIELDS.map((f) => (
            <label className="field" key={f}>
              <span>{t(`${f}.label`)}</span>
              <input inputMode="numeric" value={draft[f]} data-testid={`setting-${f}`} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} />
              <span className="muted small">{t(`${f}.help`, SETTING_LIMITS[f])}</span>
            </label>
          ))}
          <div className="actions">
            <button type="submit" className="big" disabled={busy} data-testid="settings-save">{t('save')}</button>
          </div>
        </form>
      )}
      {message && <p className={message.kind === 'error' ? 'error' : 'help'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="settings-message">{message.text}</p>}
      <SyncEnrolForm />
      <button type="button" className="secondary" onClick={onBack}>{t('back')}</button>
    </section>
  );
}
