import { useTranslation } from 'react-i18next';
import type { DossierState } from '../../../../shared/domain/dossier-state';
import { stateCounts } from './labels';
import type { Counts } from './useQueueData';

/** Counts by state as toggle buttons: choosing one filters the list, "All" clears the filter. */
export function StateChips({ counts, selected, onSelect }: { counts: Counts; selected: DossierState | null; onSelect(state: DossierState | null): void }) {
  const { t } = useTranslation('queue');
  const { chips, total } = stateCounts(counts);
  return (
    <div className="state-chips" role="group" aria-label={t('countsLabel')} data-testid="queue-counts">
      <button type="button" className="state-chip" aria-pressed={selected === null} data-testid="count-all" data-count={total} onClick={() => onSelect(null)}>
        {t('all')} <span className="n">{total}</span>
      </button>
      {chips.map(({ state, n }) => (
        <button
          key={state}
          type="button"
          className={`state-chip state-${state}${n === 0 ? ' zero' : ''}`}
          aria-pressed={selected === state}
          data-testid={`count-${state}`}
          data-count={n}
          onClick={() => onSelect(selected === state ? null : state)}
        >
          {t(`states.${state}`)} <span className="n">{n}</span>
        </button>
      ))}
    </div>
  );
}
