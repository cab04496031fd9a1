import { useTranslation } from 'react-i18next';
import type { DossierRowView } from '../../../../shared/contract/index';
import type { CardStepResult } from '../card/CardStep';
import type { PortraitResult } from '../portrait/PortraitStep';

export function Summary({ card, portrait, submitted, onNext }: { card: CardStepResult; portrait: PortraitResult | null; submitted: DossierRowView | null; onNext(): void }) {
  const { t } = useTranslation();
  return (
    <section className="panel" data-testid="summary">
      <h2>{t('summary.title')}</h2>
      <p>{t('summary.identity', { name: card.identity.fullName, id: card.identity.idNumber })}</p>
      {portrait && <p className="ok">{t('summary.portraitOk')}</p>}
      {submitted && (
        <p className="ok lead" data-testid="dossier-reference">
          {t('summary.submitted', { id: submitted.id })}
        </p>
      )}
      <button type="button" onClick={onNext} data-testid="summary-next">{t('summary.next')}</button>
    </section>
  );
}
