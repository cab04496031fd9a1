import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../../shared/contract/index';

type Progress = EventPayload<'card.progress'>;

export function ReadingView({ progress, onCancel }: { progress: Progress | null; onCancel(): void }) {
  const { t } = useTranslation('card');
  const step = progress?.step ?? 'waiting_card';
  const pct = Math.round((progress?.fraction ?? 0) * 100);
  return (
    <div className="panel reading" aria-live="polite" data-testid="card-reading">
      <p className="lead">{t('reading.placeCard')}</p>
      <p data-testid="read-step" data-step={step}>{t(`reading.${step}`, { file: progress?.file ?? '' })}</p>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="progress-bar" style={{ width: `${pct}%` }} />
      </div>
      <p className="muted">{t('reading.doNotMove')}</p>
      <button type="button" className="secondary" onClick={onCancel}>{t('reading.cancel')}</button>
    </div>
  );
}
