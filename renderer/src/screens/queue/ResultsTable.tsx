import { useTranslation } from 'react-i18next';
import type { DossierRowView } from '../../../../shared/contract/index';
import { resumeKind, stamp } from './labels';
import { ResumeButton } from './ResumeButton';
import { RowUploadProgress } from './UploadProgress';
import { returnReasonText } from '../../components/return-reason';

interface Props {
  rows: DossierRowView[];
  officers: Record<string, string>;
  officerId: string;
  onOpen(id: string): void;
  onResume(id: string): void;
}

/** The dossiers found: one row each, opened with "View"; the officer's own drafts and returned dossiers can be picked up here. */
export function ResultsTable({ rows, officers, officerId, onOpen, onResume }: Props) {
  const { t } = useTranslation('queue');
  return (
    <table className="queue-table" data-testid="queue-results">
      <thead>
        <tr>
          <th scope="col">{t('columns.id')}</th>
          <th scope="col">{t('columns.name')}</th>
          <th scope="col">{t('columns.idNumber')}</th>
          <th scope="col">{t('columns.state')}</th>
          <th scope="col">{t('columns.dates')}</th>
          <th scope="col">{t('columns.officer')}</th>
          <th scope="col">{t('columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid="queue-row" data-id={r.id} data-state={r.state}>
            <td className="mono">{r.id}</td>
            <td>
              <strong>{r.fullName ?? '—'}</strong>
              {resumeKind(r, officerId) === 'returned' && r.returnReason && <div className="list-reason">{t('listReason', { reason: returnReasonText(t, r.returnReason) })}</div>}
            </td>
            <td className="mono">{r.idNumber ?? '—'}</td>
            <td>
              <span className={`state-tag state-${r.state}`}>{t(`states.${r.state}`)}</span>
              {r.state === 'sending' && <RowUploadProgress id={r.id} />}
            </td>
            <td className="dates">
              <div>{t('dates.created', { at: stamp(r.createdAt) })}</div>
              {r.submittedAt && <div>{t('dates.submitted', { at: stamp(r.submittedAt) })}</div>}
              {r.decidedAt && <div>{t('dates.decided', { at: stamp(r.decidedAt) })}</div>}
            </td>
            <td>{officers[r.officerId] ?? '—'}</td>
            <td className="row-actions">
              <button type="button" className="secondary" data-testid="queue-open" aria-label={t('viewLabel', { id: r.id })} onClick={() => onOpen(r.id)}>
                {t('view')}
              </button>
              <ResumeButton row={r} officerId={officerId} onResume={onResume} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
