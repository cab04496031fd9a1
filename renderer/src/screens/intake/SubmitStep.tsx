import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierRowView } from '../../../../shared/contract/index';
import { formatMobile } from '../../../../shared/domain/phone';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import type { CardStepResult } from '../card/CardStep';
import type { PortraitResult } from '../portrait/PortraitStep';
import { blobToBase64, buildDossier } from './build-dossier';
import type { Consent } from './ConsentStep';
import type { Contact } from './ContactStep';

/**
 * Review and submit: the dossier is saved as a draft with its live portrait, then submitted. A
 * refusal (age rule, duplicate, missing override) is explained; a duplicate may be submitted on
 * purpose. Whatever happens, the draft is kept and can be resumed.
 */
export function SubmitStep(props: { card: CardStepResult; contact: Contact; portrait: PortraitResult; consent: Consent; station: string | null; onSubmitted(row: DossierRowView): void }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [draft, setDraft] = useState<DossierRowView | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; text: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { identity } = props.card;

  const submit = async (allowDuplicate = false) => {
    setBusy(true);
    setError(null);
    const fail = (e: { code: string; message: string }) => {
      setError({ code: e.code, text: errorMessage(t, e) });
      setBusy(false);
    };
    let row = draft;
    if (!row) {
      const body = buildDossier(props);
      const created = await client.call('dossier.create', { body: { schemaVersion: 1 } });
      if (!created.ok) return fail(created.error);
      const chipPortrait = props.card.chip?.portrait?.split(',')[1];
      const saved = await client.call('dossier.save', {
        id: created.value.id,
        revision: created.value.revision,
        body,
        livePortrait: await blobToBase64(props.portrait.jpeg),
        ...(chipPortrait ? { chipPortrait } : {}),
      });
      if (!saved.ok) return fail(saved.error);
      row = saved.value;
      setDraft(row);
    }
    const r = await client.call('dossier.submit', { id: row.id, allowDuplicate });
    if (!r.ok) return fail(r.error);
    setBusy(false);
    props.onSubmitted(r.value);
  };

  return (
    <section className="panel" data-testid="submit-step">
      <h2 ref={heading} tabIndex={-1}>{t('submit.title')}</h2>
      <dl className="review-list">
        <dt>{t('submit.citizen')}</dt>
        <dd data-testid="review-name">{identity.fullName} — {identity.idNumber}</dd>
        <dt>{t('submit.mobile')}</dt>
        <dd>{formatMobile(props.contact.mobile)}{props.contact.email ? ` · ${props.contact.email}` : ''}</dd>
        <dt>{t('submit.chip')}</dt>
        <dd>{t(`submit.verdict.${props.card.chip?.verification.overall ?? 'none'}`)}</dd>
        <dt>{t('submit.portrait')}</dt>
        <dd>{t('submit.portraitOk', { passed: props.portrait.quality.filter((q) => q.ok).length, total: props.portrait.quality.length })}</dd>
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
