import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatsView } from '../../../../shared/contract/index';
import { DOSSIER_STATES } from '../../../../shared/domain/dossier-state';
import { formatIsoDate } from '../../i18n/format';

const COLOURS: Record<(typeof DOSSIER_STATES)[number], string> = {
  draft: '#9aa7b2', submitted: '#e0a800', returned: '#c0392b', queued: '#2e86c1', sending: '#5dade2',
  sent: '#1a5276', accepted: '#1e8449', rejected_upstream: '#78281f', purged: '#566573',
};
const SIZE = { width: 560, height: 240 };

/** The station's counts as bar charts: per day (by outcome), per officer, per outcome, per company. */
export function StatsCharts({ stats }: { stats: StatsView }) {
  const { t, i18n } = useTranslation('reports');
  const present = DOSSIER_STATES.filter((s) => stats.byOutcome[s]! > 0);
  const label = (s: string) => t(`stats.states.${s}`);
  const days = stats.byDay.map((d) => ({ day: formatIsoDate(d.day, i18n.language).slice(0, 5), ...d.byState }));
  const outcomes = present.map((s) => ({ name: label(s), n: stats.byOutcome[s], fill: COLOURS[s] }));
  const officers = stats.byOfficer.map((o) => ({ name: o.name, n: o.total }));
  const companies = stats.byCompany.map((c) => ({ name: c.name ?? t('stats.noCompany'), n: c.total }));
  return (
    <div className="charts" data-testid="stats-charts">
      <figure data-testid="chart-by-day">
        <figcaption>{t('stats.byDay')}</figcaption>
        <BarChart {...SIZE} data={days}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" />
          <YAxis allowDecimals={false} />
          <Tooltip />
          <Legend />
          {present.map((s) => <Bar key={s} dataKey={s} name={label(s)} stackId="day" fill={COLOURS[s]} isAnimationActive={false} />)}
        </BarChart>
      </figure>
      {(
        [
          ['chart-by-outcome', 'stats.byOutcome', outcomes],
          ['chart-by-officer', 'stats.byOfficer', officers],
          ['chart-by-company', 'stats.byCompany', companies],
        ] as const
      ).map(([id, caption, data]) => (
        <figure key={id} data-testid={id}>
          <figcaption>{t(caption)}</figcaption>
          <BarChart {...SIZE} data={[...data]} layout="vertical" margin={{ left: 40 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="name" width={150} />
            <Tooltip />
            <Bar dataKey="n" name={t('stats.count')} fill="#0f3d5e" isAnimationActive={false} />
          </BarChart>
        </figure>
      ))}
    </div>
  );
}
