import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierRowView } from '../../../../shared/contract/index';
import { formatMobile } from '../../../../shared/domain/phone';
import { useKiosk } from '../../bridge/context';
import { DossierExtras } from '../../components/DossierExtras';
import { errorMessage } from '../../i18n/error-message';
import type { SavedDraft } from './useDraft';

/**
 * Review and submit the saved dossier. A refusal (age rule, duplicate, missing override) is
 * explained; a duplicate may be submitted on purpose. Whatever happens the dossier stays saved
 * and can be resumed from the home screen.
 */
export function SubmitStep({ draft, onSubmitted }: { draft: SavedDraft; onSubmitted(row: DossierRowView): void }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { body } = draft;
  const identity = body.identity?.identity;

  const submit = async (allowDuplicate = false) => {
    setBusy(true);
    setError(null);
    const r = await client.call('dossier.submit', { id: draft.row.id, revision: draft.row.revision, allowDuplicate });
    setBusy(false);
    if (!r.ok) return setError({ code: r.error.code, text: errorMessage(t, r.error) });
    onSubmitted(r.value);
  };

  return (
    <section className="panel" data-testid="submit-step">
      <h2 ref={heading} tabIndex={-1}>{t('submit.title')}</h2>
      <dl className="review-list">
        <dt>{t('submit.citizen')}</dt>
        <dd data-testid="review-name">{identity?.fullName} — {identity?.idNumber}</dd>
        <dt>{t('submit.mobile')}</dt>
        <dd>{body.contact ? formatMobile(body.contact.mobile) : '—'}{body.contact?.email ? ` · ${body.contact.email}` : ''}</dd>
        <dt>{t('submit.chip')}</dt>
        <dd>{t(`approval.verdict.${body.identity?.verification.overall ?? 'not_read'}`)}</dd>
        <dt>{t('submit.portrait')}</dt>
        <dd>{body.portrait ? t('submit.portraitOk', { passed: body.portrait.qualityPassed, total: body.portrait.qualityTotal }) : '—'}</dd>
        <DossierExtras body={body} />
      </dl>
      {error && (
        <p className="error" role="alert" data-testid="submit-error" data-code={error.code}>{error.text}</p>
      )}
      <div className="actions">
        <button type="button" className="big" disabled={busy} data-testid="submit-dossier" onClick={() => void submit()}>
          {busy ? t('submit.busy') : t('submit.submit')}
        </button>
        {error?.code === 'dossier.duplicate' && (
          <button type="button" className="secondary" disabled={busy} data-testid="submit-anyway" onClick={() => void submit(true)}>{t('submit.anyway')}</button>
        )}
      </div>
    </section>
  );
}
