import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DriveView, WeeklyView } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { formatIsoDate } from '../../i18n/format';
import { ExportButtons } from './ExportButtons';
import { isoDateAt } from '../../../../shared/domain/dates';

const COLS = ['teams', 'week', 'total', 'sent', 'accepted', 'rejected'] as const;
// Today as the host counts days: the date in Vietnam (UTC+7), whatever the machine's time zone.
const today = () => isoDateAt(Date.now());

/** A drive's weekly summary per company, shown and exported for the province. */
export function WeeklyPanel({ drives }: { drives: DriveView[] }) {
  const { t, i18n } = useTranslation('reports');
  const client = useKiosk();
  const [chosen, setDriveId] = useState('');
  const driveId = chosen || drives[0]?.id || '';
  const [weekEnding, setWeekEnding] = useState(today());
  const [weekly, setWeekly] = useState<WeeklyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async () => {
    const r = await client.call('report.weekly', { driveId, weekEnding });
    setWeekly(r.ok ? r.value : null);
    setError(r.ok ? null : errorMessage(t, r.error));
  };
  return (
    <div data-testid="weekly-panel">
      <div className="row-inline">
        <label className="field">
          <span>{t('weekly.drive')}</span>
          <select value={driveId} data-testid="weekly-drive" onChange={(e) => setDriveId(e.target.value)}>
            {drives.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        <label className="field"><span>{t('weekly.weekEnding')}</span><input type="date" value={weekEnding} data-testid="weekly-end" onChange={(e) => setWeekEnding(e.target.value)} /></label>
      </div>
      <button type="button" className="big" disabled={!driveId} data-testid="weekly-show" onClick={() => void show()}>{t('weekly.show')}</button>
      {error && <p className="error" role="alert">{error}</p>}
      {weekly && (
        <>
          <p>{t('weekly.period', { from: formatIsoDate(weekly.from, i18n.language), to: formatIsoDate(weekly.to, i18n.language) })}</p>
          <table className="weekly" data-testid="weekly-table">
            <thead>
              <tr><th>{t('weekly.company')}</th>{COLS.map((c) => <th key={c}>{t(`weekly.${c}`)}</th>)}</tr>
            </thead>
            <tbody>
              {weekly.rows.map((r) => <tr key={r.companyId ?? 'none'}><td>{r.company}</td>{COLS.map((c) => <td key={c}>{r[c]}</td>)}</tr>)}
              <tr className="totals"><th>{t('weekly.totals')}</th>{COLS.map((c) => <td key={c}>{weekly.totals[c]}</td>)}</tr>
            </tbody>
          </table>
          <ExportButtons testId="weekly-export" request={{ form: 'weekly', driveId: weekly.driveId, weekEnding: weekly.to }} />
        </>
      )}
    </div>
  );
}
