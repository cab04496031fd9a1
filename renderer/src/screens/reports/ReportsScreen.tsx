import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrivesPanel } from './DrivesPanel';
import { Form01Panel } from './Form01Panel';
import { Form02Panel } from './Form02Panel';
import { StatsPanel } from './StatsPanel';
import { useDrives } from './useDrives';
import { WeeklyPanel } from './WeeklyPanel';
import './reports.css';

const TABS = ['drives', 'form01', 'form02', 'stats', 'weekly'] as const;

/** Drives, Form 01 and 02, statistics and the weekly summary: supervisors and the administrator (the host checks). */
export function ReportsScreen({ onBack }: { onBack(): void }) {
  const { t } = useTranslation('reports');
  const [tab, setTab] = useState<(typeof TABS)[number]>('drives');
  const { drives, error, reload } = useDrives(t);
  return (
    <section className="panel reports" data-testid="reports-screen" aria-labelledby="reports-title">
      <h2 id="reports-title">{t('title')}</h2>
      <p className="muted small">{t('personalData')}</p>
      <div className="tabs" role="tablist">
        {TABS.map((k) => (
          <button key={k} type="button" role="tab" aria-selected={tab === k} className={tab === k ? '' : 'secondary'} data-testid={`reports-tab-${k}`} onClick={() => setTab(k)}>
            {t(`tabs.${k}`)}
          </button>
        ))}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {tab === 'drives' && <DrivesPanel drives={drives} reload={reload} />}
      {tab === 'form01' && <Form01Panel drives={drives} />}
      {tab === 'form02' && <Form02Panel drives={drives} />}
      {tab === 'stats' && <StatsPanel drives={drives} />}
      {tab === 'weekly' && <WeeklyPanel drives={drives} />}
      <button type="button" className="secondary" data-testid="reports-back" onClick={onBack}>{t('back')}</button>
    </section>
  );
}
