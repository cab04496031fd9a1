import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/index';
import { formatMobile } from '../../../../shared/domain/phone';
import { formatDateVn } from '../../../../shared/domain/format';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { DossierExtras } from '../../components/DossierExtras';
import { VerdictRows } from '../../components/VerdictRows';
import { FaceMatchNotice } from '../intake/FaceMatchNotice';

type Loaded = CallOutput<'dossier.get'>;

/**
 * One submitted dossier as the supervisor decides on it: the chip portrait beside the live one,
 * the data with its source, every verification line, the portrait's checks; approve, or return
 * with a reason the officer will see.
 */
export function ApprovalDetail({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [d, setD] = useState<Loaded | null>(null);
  const [images, setImages] = useState<{ live: string | null; chip: string | null }>({ live: null, chip: null });
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void client.call('dossier.get', { id }).then((r) => (r.ok ? setD(r.value) : setError(errorMessage(t, r.error))));
    void Promise.all([client.call('dossier.image', { id, kind: 'live_portrait' }), client.call('dossier.image', { id, kind: 'chip_portrait' })]).then(([l, c]) =>
      setImages({ live: l.ok ? l.value.dataUrl : null, chip: c.ok ? c.value.dataUrl : null }),
    );
  }, [client, id, t]);

  const decide = async (decision: 'approve' | 'return') => {
    setBusy(true);
    setError(null);
    const r = await client.call('dossier.decide', decision === 'approve' ? { id, decision } : { id, decision, reason });
    setBusy(false);
    if (r.ok) onClose();
    else setError(errorMessage(t, r.error));
  };

  if (!d) return <section className="panel">{error ? <p className="error" role="alert">{error}</p> : <p className="muted">{t('app.loading')}</p>}</section>;
  const { body } = d;
  const idn = body.identity?.identity;
  return (
    <section className="panel" data-testid="approval-detail">
      <h2>{t('approval.detailTitle', { id })}</h2>
      <div className="portraits">
        <figure>
          {images.chip ? <img src={images.chip} alt={t('approval.chipPortrait')} /> : <div className="no-portrait">{t('approval.noImage')}</div>}
          <figcaption>{t('approval.chipPortrait')}</figcaption>
        </figure>
        <figure>
          {images.live ? <img src={images.live} alt={t('approval.livePortrait')} data-testid="approval-live" /> : <div className="no-portrait">{t('approval.noImage')}</div>}
          <figcaption>{t('approval.livePortrait')}</figcaption>
        </figure>
      </div>
      <FaceMatchNotice faceMatch={body.portrait?.faceMatch} />
      <dl className="review-list">
        <dt>{t('submit.citizen')}</dt>
        <dd>{idn?.fullName} — {idn?.idNumber} ({t(`approval.source.${body.identity?.sources.idNumber ?? 'typed'}`)})</dd>
        <dt>{t('approval.dateOfBirth')}</dt>
        <dd>{formatDateVn(idn?.dateOfBirth)}</dd>
        <dt>{t('submit.mobile')}</dt>
        <dd>{body.contact ? formatMobile(body.contact.mobile) : '—'}{body.contact?.email ? ` · ${body.contact.email}` : ''}</dd>
        <VerdictRows body={body} testId="approval-verdict" />
        <dt>{t('submit.portrait')}</dt>
        <dd>{body.portrait ? t('submit.portraitOk', { passed: body.portrait.qualityPassed, total: body.portrait.qualityTotal }) : '—'}</dd>
        <dt>{t('approval.consent')}</dt>
        <dd>{body.consent ? t('approval.consentGiven', { version: body.consent.termsVersion }) : '—'}</dd>
        <DossierExtras body={body} at={d.row.submittedAt} />
      </dl>
      {error && <p className="error" role="alert" data-testid="approval-error">{error}</p>}
      <label className="field">
        <span>{t('approval.reason')}</span>
        <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </label>
      <div className="actions">
        <button type="button" className="big" disabled={busy} data-testid="approve" onClick={() => void decide('approve')}>{t('approval.approve')}</button>
        <button type="button" className="secondary" disabled={busy || !reason.trim()} data-testid="return" onClick={() => void decide('return')}>{t('approval.return')}</button>
        <button type="button" className="secondary" onClick={onClose}>{t('approval.back')}</button>
      </div>
    </section>
  );
}
