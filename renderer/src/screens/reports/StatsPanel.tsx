import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DriveView, StatsView } from '../../../../shared/contract/index';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { StatsCharts } from './StatsCharts';
import { isoDateAt } from '../../../../shared/domain/dates';

// Days as the host counts them: the date in Vietnam (UTC+7), whatever the machine's time zone.
const isoDay = (ms: number) => isoDateAt(ms);

/** Counts per day, officer, outcome and company over a range of days (the last week by default). */
export function StatsPanel({ drives }: { drives: DriveView[] }) {
  const { t } = useTranslation('reports');
  const client = useKiosk();
  const [from, setFrom] = useState(isoDay(Date.now() - 6 * 86_400_000));
  const [to, setTo] = useState(isoDay(Date.now()));
  const [driveId, setDriveId] = useState('');
  const [stats, setStats] = useState<StatsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const show = async () => {
    const r = await client.call('report.stats', { from, to, ...(driveId ? { driveId } : {}) });
    setStats(r.ok ? r.value : null);
    setError(r.ok ? null : errorMessage(t, r.error));
  };
  return (
    <div data-testid="stats-panel">
      <div className="row-inline">
        <label className="field"><span>{t('stats.from')}</span><input type="date" value={from} data-testid="stats-from" onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="field"><span>{t('stats.to')}</span><input type="date" value={to} data-testid="stats-to" onChange={(e) => setTo(e.target.value)} /></label>
        <label className="field">
          <span>{t('stats.drive')}</span>
          <select value={driveId} data-testid="stats-drive" onChange={(e) => setDriveId(e.target.value)}>
            <option value="">{t('stats.allDrives')}</option>
            {drives.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
      </div>
      <button type="button" className="big" data-testid="stats-show" onClick={() => void show()}>{t('stats.show')}</button>
      {error && <p className="error" role="alert">{error}</p>}
      {stats && (
        <>
          <p className="lead" data-testid="stats-total">{t('stats.total', { count: stats.total })}</p>
          <StatsCharts stats={stats} />
        </>
      )}
    </div>
  );
}
