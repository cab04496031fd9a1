import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedDraft } from './useDraft';

/** The dossier is submitted: its reference for the citizen, and on to the next citizen. */
export function Summary({ draft, onNext }: { draft: SavedDraft; onNext(): void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const identity = draft.body.identity?.identity;
  return (
    <section className="panel" data-testid="summary">
      <h2 ref={heading} tabIndex={-1}>{t('summary.title')}</h2>
      {identity && <p>{t('summary.identity', { name: identity.fullName, id: identity.idNumber })}</p>}
      {draft.body.portrait && <p className="ok">{t('summary.portraitOk')}</p>}
      <p className="ok lead" data-testid="dossier-reference">
        {t('summary.submitted', { id: draft.row.id })}
      </p>
      <button type="button" className="big" onClick={onNext} data-testid="summary-next">{t('summary.next')}</button>
    </section>
  );
}
