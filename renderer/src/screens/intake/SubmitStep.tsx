import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierRowView } from '../../../../shared/contract/index';
import { formatMobile } from '../../../../shared/domain/phone';
import { useKiosk } from '../../bridge/context';
import { ActionBar } from '../../components/ActionBar';
import { DossierExtras } from '../../components/DossierExtras';
import { useInitialFocus } from '../../components/useInitialFocus';
import { VerdictRows } from '../../components/VerdictRows';
import { errorMessage } from '../../i18n/error-message';
import { FaceMatchNotice } from './FaceMatchNotice';
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
  const main = useInitialFocus<HTMLButtonElement>();
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
    <section className="panel" data-testid="submit-step" aria-labelledby="submit-title">
      <h2 id="submit-title">{t('submit.title')}</h2>
      <dl className="review-list">
        <dt>{t('submit.citizen')}</dt>
        <dd data-testid="review-name">{identity?.fullName} — {identity?.idNumber}</dd>
        <dt>{t('submit.mobile')}</dt>
        <dd>{body.contact ? formatMobile(body.contact.mobile) : '—'}{body.contact?.email ? ` · ${body.contact.email}` : ''}</dd>
        <VerdictRows body={body} />
        <dt>{t('submit.portrait')}</dt>
        <dd>{body.portrait ? t('submit.portraitOk', { passed: body.portrait.qualityPassed, total: body.portrait.qualityTotal }) : '—'}</dd>
        <DossierExtras body={body} />
      </dl>
      <FaceMatchNotice dossierId={draft.row.id} />
      {error && (
        <p className="error" role="alert" data-testid="submit-error" data-code={error.code}>{error.text}</p>
      )}
      <ActionBar>
        <button ref={main} type="button" className="big" disabled={busy} data-testid="submit-dossier" onClick={() => void submit()}>
          {busy ? t('submit.busy') : t('submit.submit')}
        </button>
        {error?.code === 'dossier.duplicate' && (
          <button type="button" className="secondary" disabled={busy} data-testid="submit-anyway" onClick={() => void submit(true)}>{t('submit.anyway')}</button>
        )}
      </ActionBar>
    </section>
  );
}
