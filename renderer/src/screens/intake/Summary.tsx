import { useTranslation } from 'react-i18next';
import { ActionBar } from '../../components/ActionBar';
import { useInitialFocus } from '../../components/useInitialFocus';
import { VerdictRows } from '../../components/VerdictRows';
import { formatDateTime } from '../../i18n/format';
import { ReceiptButtons } from '../reports/ReceiptButtons';
import type { SavedDraft } from './useDraft';

/**
 * The dossier is submitted: its reference and time for the citizen, the chip verdict and any
 * override it carries, and on to the next citizen (a new intake, focused).
 */
export function Summary({ draft, onNext, onHome }: { draft: SavedDraft; onNext(): void; onHome(): void }) {
  const { t, i18n } = useTranslation();
  const next = useInitialFocus<HTMLButtonElement>();
  const identity = draft.body.identity?.identity;
  const at = draft.row.submittedAt ?? draft.row.updatedAt;
  return (
    <section className="panel" data-testid="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">{t('summary.title')}</h2>
      <p className="ok lead" data-testid="dossier-reference">
        {t('summary.submitted', { id: draft.row.id })}
      </p>
      <dl className="review-list">
        <dt>{t('summary.reference')}</dt>
        <dd data-testid="summary-reference">{draft.row.id}</dd>
        <dt>{t('summary.time')}</dt>
        <dd data-testid="summary-time">{formatDateTime(at, i18n.language)}</dd>
        <dt>{t('submit.citizen')}</dt>
        <dd>{identity ? `${identity.fullName} — ${identity.idNumber}` : '—'}</dd>
        <VerdictRows body={draft.body} />
        <dt>{t('submit.portrait')}</dt>
        <dd>{draft.body.portrait ? t(draft.body.portrait.liveness === 'overridden' ? 'summary.portraitOverridden' : 'summary.portraitOk') : '—'}</dd>
      </dl>
      <ReceiptButtons dossierId={draft.row.id} />
      <ActionBar>
        <button ref={next} type="button" className="big" onClick={onNext} data-testid="summary-next">{t('summary.next')}</button>
        <button type="button" className="secondary" onClick={onHome} data-testid="summary-home">{t('flow.home')}</button>
      </ActionBar>
    </section>
  );
}
