import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DriveView } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { formatIsoDate } from '../../i18n/format';
import { isoDateAt } from '../../../../shared/domain/dates';

// Today as the host counts days: the date in Vietnam (UTC+7), whatever the machine's time zone.
const today = () => isoDateAt(Date.now());

/** Open a drive (name, place, dates, companies), add a company to it, close it. */
export function DrivesPanel({ drives, reload }: { drives: DriveView[]; reload(): Promise<void> }) {
  const { t, i18n } = useTranslation('reports');
  const client = useKiosk();
  const [form, setForm] = useState({ name: '', place: '', startsOn: today(), endsOn: today(), companies: '' });
  const [extra, setExtra] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const done = async (r: { ok: boolean; error?: { code: string } }, ok: string) => {
    setMessage(r.ok ? { error: false, text: ok } : { error: true, text: errorMessage(t, r.error!) });
    if (r.ok) await reload();
  };
  const open = async (e: FormEvent) => {
    e.preventDefault();
    const companies = form.companies.split('\n').map((c) => c.trim()).filter(Boolean);
    const r = await client.call('drive.open', { ...form, companies });
    await done(r, t('drives.opened', { name: form.name }));
    if (r.ok) setForm({ ...form, name: '', place: '', companies: '' });
  };
  const hasOpen = drives.some((d) => d.state === 'open');
  return (
    <div data-testid="drives-panel">
      {drives.length === 0 && <p className="muted">{t('drives.none')}</p>}
      <ul className="drive-list">
        {drives.map((d) => (
          <li key={d.id} data-testid="drive-item">
            <strong>{d.name}</strong> — {d.place} · {t('drives.period', { from: formatIsoDate(d.startsOn, i18n.language), to: formatIsoDate(d.endsOn, i18n.language) })} ·{' '}
            <span data-testid="drive-state">{t(`drives.state.${d.state}`)}</span>
            {d.reportsUntil && <span className="muted small"> · {t('drives.keptUntil', { date: formatIsoDate(d.reportsUntil.slice(0, 10), i18n.language) })}</span>}
            <div className="muted">{d.companies.map((c) => c.name).join(' · ')}</div>
            {d.state === 'open' && (
              <div className="actions">
                <label className="field inline">
                  <span>{t('drives.companyName')}</span>
                  <input value={extra[d.id] ?? ''} data-testid="drive-add-company-name" onChange={(e) => setExtra({ ...extra, [d.id]: e.target.value })} />
                </label>
                <button type="button" className="secondary" data-testid="drive-add-company" onClick={() => void client.call('drive.addCompany', { driveId: d.id, name: extra[d.id] ?? '' }).then((r) => done(r, t('drives.addCompany')))}>
                  {t('drives.addCompany')}
                </button>
                <button type="button" className="secondary" data-testid="drive-close" onClick={() => window.confirm(t('drives.closeConfirm', { name: d.name })) && void client.call('drive.close', { id: d.id }).then((r) => done(r, t('drives.state.closed')))}>
                  {t('drives.close')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {!hasOpen && (
        <form onSubmit={(e) => void open(e)} noValidate data-testid="drive-open-form">
          <h3>{t('drives.new')}</h3>
          {(['name', 'place'] as const).map((f) => (
            <label className="field" key={f}>
              <span>{t(`drives.${f}`)}</span>
              <input value={form[f]} data-testid={`drive-${f}`} onChange={(e) => setForm({ ...form, [f]: e.target.value })} />
            </label>
          ))}
          <div className="row-inline">
            {(['startsOn', 'endsOn'] as const).map((f) => (
              <label className="field" key={f}>
                <span>{t(`drives.${f}`)}</span>
                <input type="date" value={form[f]} data-testid={`drive-${f}`} onChange={(e) => setForm({ ...form, [f]: e.target.value })} />
              </label>
            ))}
          </div>
          <label className="field">
            <span>{t('drives.companies')}</span>
            <textarea rows={4} value={form.companies} data-testid="drive-companies" onChange={(e) => setForm({ ...form, companies: e.target.value })} />
          </label>
          <button type="submit" className="big" data-testid="drive-open">{t('drives.openIt')}</button>
        </form>
      )}
      {message && <p className={message.error ? 'error' : 'help'} role={message.error ? 'alert' : 'status'} data-testid="drives-message">{message.text}</p>}
    </div>
  );
}
