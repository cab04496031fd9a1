import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FaceMatch } from '../../../../shared/domain/dossier';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { formatDecimal } from '../../i18n/format';

/**
 * The host's comparison of the live face with the chip photo. On the submit step (`dossierId`) it
 * asks the host to compare and, for a mismatch, takes the officer's explicit acknowledgement
 * (tick, then confirm); in the supervisor's detail (`faceMatch`) it shows what was recorded.
 */
export function FaceMatchNotice(props: { dossierId: string } | { faceMatch: FaceMatch | null | undefined }) {
  const { t, i18n } = useTranslation('face');
  const { t: tCommon } = useTranslation();
  const client = useKiosk();
  const officerView = 'dossierId' in props;
  const dossierId = officerView ? props.dossierId : null;
  const [compared, setFm] = useState<FaceMatch | null | undefined>(undefined);
  const fm = officerView ? compared : props.faceMatch;
  const [failed, setFailed] = useState<string | null>(null);
  const [ticked, setTicked] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!dossierId) return;
    let live = true;
    void client.call('face.compare', { id: dossierId }).then((r) => {
      if (!live) return;
      if (r.ok) setFm(r.value.faceMatch);
      else setFailed(errorMessage(tCommon, r.error));
    });
    return () => {
      live = false;
    };
  }, [client, dossierId, tCommon]);

  const acknowledge = async () => {
    if (!dossierId) return;
    setBusy(true);
    const r = await client.call('face.acknowledge', { id: dossierId });
    setBusy(false);
    if (r.ok) setFm(r.value.faceMatch);
    else setFailed(errorMessage(tCommon, r.error));
  };

  if (failed) return <p className="error" role="alert" data-testid="face-match" data-decision="error">{t('failed', { text: failed })}</p>;
  if (fm === undefined) return officerView ? <p className="muted" data-testid="face-match" data-decision="pending" role="status">{t('busy')}</p> : null;
  if (fm === null) return null;
  const score = fm.score === null ? null : t('score', { score: formatDecimal(fm.score, i18n.language, 2), threshold: formatDecimal(fm.threshold ?? 0, i18n.language, 2) });
  const headline = fm.decision === 'match' ? t('match') : fm.decision === 'no_match' ? t('noMatch') : t('notCompared');
  const mismatch = fm.decision === 'no_match';
  return (
    <div className={mismatch ? 'notice supervisor-confirm' : 'notice'} data-testid="face-match" data-decision={fm.decision} data-acknowledged={String(fm.acknowledged)} role={mismatch && !fm.acknowledged ? 'alert' : 'status'}>
      <p>
        <strong className={fm.decision === 'match' ? 'ok' : 'warn'}>{headline}</strong>
        {score && <> — <span data-testid="face-score">{score}</span></>}
      </p>
      {fm.reason && <p>{t(`reason.${fm.reason}`)}</p>}
      {mismatch && fm.acknowledged && <p>{t('acknowledged')}</p>}
      {mismatch && !fm.acknowledged && !officerView && <p className="warn">{t('notAcknowledged')}</p>}
      {mismatch && !fm.acknowledged && officerView && (
        <>
          <p>{t('mismatchHint')}</p>
          <label className="check big-check">
            <input type="checkbox" checked={ticked} onChange={(e) => setTicked(e.target.checked)} data-testid="face-ack-check" />
            <span>{t('ackCheck')}</span>
          </label>
          <button type="button" className="secondary" disabled={!ticked || busy} data-testid="face-ack-confirm" onClick={() => void acknowledge()}>
            {t('ackConfirm')}
          </button>
        </>
      )}
    </div>
  );
}
