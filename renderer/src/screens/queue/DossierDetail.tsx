import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/index';
import { formatDateVn } from '../../../../shared/domain/format';
import { formatMobile } from '../../../../shared/domain/phone';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { DossierPortraits } from './DossierPortraits';
import { DossierSyncInfo } from './DossierSyncInfo';
import { HistoryTimeline } from './HistoryTimeline';
import { resumeKind, stamp } from './labels';
import { ResumeButton } from './ResumeButton';
import { returnReasonText } from '../../components/return-reason';
import { isUpstreamReturn } from '../../../../shared/domain/return-reason';

type Loaded = CallOutput<'dossier.get'>;

interface Props {
  id: string;
  officerId: string;
  /** Who took the dossier, as the list named them. */
  officerName: string | null;
  onBack(): void;
  onResume(id: string): void;
}

/**
 * One dossier: its portraits, its data, where it stands and its history. The officer's own
 * returned dossier shows the supervisor's reason first, with the way back into the intake.
 */
export function DossierDetail({ id, officerId, officerName, onBack, onResume }: Props) {
  const { t } = useTranslation('queue');
  const client = useKiosk();
  const [d, setD] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    let current = true;
    const load = () =>
      void client.call('dossier.get', { id }).then((r) => {
        if (!current) return;
        if (r.ok) setD(r.value);
        else setError(errorMessage(t, r.error));
      });
    load();
    // Sending and the upstream's decision move the dossier on while the officer looks at it:
    // its state, history and the way back into the intake follow without reopening.
    const off = client.on('sync.changed', load);
    return () => {
      current = false;
      off();
    };
  }, [client, id, t]);

  const row = d?.row;
  const who = d?.body.identity?.identity;
  const kind = row ? resumeKind(row, officerId) : null;
  return (
    <section
      className="panel queue-detail"
      data-testid="queue-detail"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onBack();
      }}
    >
      <h2 ref={heading} tabIndex={-1}>{t('detail.title', { id })}</h2>
      {error && <p className="error" role="alert" data-testid="queue-detail-error">{error}</p>}
      {!d && !error && <p className="muted" role="status">{t('loading')}</p>}
      {row && kind === 'returned' && (
        <div className="return-notice" role="note" data-testid="return-reason">
          <strong>{t(isUpstreamReturn(row.returnReason) ? 'detail.returnedByUpstreamTitle' : 'detail.returnedTitle')}</strong>
          <p>
            {t('detail.returnReason')} <span className="reason">{returnReasonText(t, row.returnReason)}</span>
          </p>
          <p className="muted">{t('detail.returnedHelp')}</p>
          <ResumeButton row={row} officerId={officerId} onResume={onResume} big />
        </div>
      )}
      {row && kind === 'draft' && (
        <div className="draft-notice" role="note">
          <p>{t('detail.draftHelp')}</p>
          <ResumeButton row={row} officerId={officerId} onResume={onResume} big />
        </div>
      )}
      {d && (
        <>
          <DossierPortraits id={id} />
          <dl className="review-list">
            <dt>{t('detail.citizen')}</dt>
            <dd>{who?.fullName ?? '—'}</dd>
            <dt>{t('detail.idNumber')}</dt>
            <dd>{who?.idNumber ?? '—'}</dd>
            <dt>{t('detail.dateOfBirth')}</dt>
            <dd>{formatDateVn(who?.dateOfBirth) || '—'}</dd>
            <dt>{t('detail.mobile')}</dt>
            <dd>{d.body.contact ? formatMobile(d.body.contact.mobile) : '—'}</dd>
            <dt>{t('detail.email')}</dt>
            <dd>{d.body.contact?.email || '—'}</dd>
            <dt>{t('detail.state')}</dt>
            <dd data-testid="queue-detail-state">{t(`states.${d.row.state}`)}</dd>
            <dt>{t('sync:dossier.title')}</dt>
            <dd>
              <DossierSyncInfo id={id} />
            </dd>
            <dt>{t('detail.officer')}</dt>
            <dd>{officerName ?? '—'}</dd>
            <dt>{t('detail.createdAt')}</dt>
            <dd>{stamp(d.row.createdAt)}</dd>
            <dt>{t('detail.submittedAt')}</dt>
            <dd>{stamp(d.row.submittedAt)}</dd>
            <dt>{t('detail.decidedAt')}</dt>
            <dd>{stamp(d.row.decidedAt)}</dd>
          </dl>
        </>
      )}
      <HistoryTimeline id={id} {...(row ? { version: `${row.state}-${row.revision}-${row.updatedAt}` } : {})} />
      <div className="actions">
        <button type="button" className="secondary" data-testid="queue-detail-back" onClick={onBack}>{t('detail.back')}</button>
      </div>
    </section>
  );
}
