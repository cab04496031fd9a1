import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierRowView, OfficerView } from '../../../../shared/contract/index';
import { formatDateTimeVn } from '../../../../shared/domain/format';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { returnReasonText } from '../../components/return-reason';

/** The officer's own unfinished drafts and returned dossiers, newest first, each one click from where it stopped. */
export function ResumeList({ officer, onResume }: { officer: OfficerView; onResume(id: string): void }) {
  const { t } = useTranslation('intake');
  const { t: tc } = useTranslation();
  const client = useKiosk();
  const [rows, setRows] = useState<DossierRowView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([client.call('dossier.list', { state: 'returned' }), client.call('dossier.list', { state: 'draft' })]).then(([returned, drafts]) => {
      if (!live) return;
      if (!returned.ok) return setError(errorMessage(tc, returned.error));
      if (!drafts.ok) return setError(errorMessage(tc, drafts.error));
      setRows([...returned.value.rows, ...drafts.value.rows].filter((r) => r.officerId === officer.id));
    });
    return () => {
      live = false;
    };
  }, [client, officer.id, tc]);

  if (error) return <p className="error" role="alert">{error}</p>;
  if (!rows) return <p className="muted" role="status">{t('resume.loading')}</p>;
  if (rows.length === 0) return null;
  return (
    <section className="panel" data-testid="resume-list">
      <h3>{t('resume.title')}</h3>
      <ul className="plain">
        {rows.map((r) => (
          <li key={r.id} className="resume-item" data-testid="resume-item" data-state={r.state}>
            <span>
              <strong>{r.fullName ?? t('resume.noName')}</strong> — {r.id}
              <br />
              <span className={r.state === 'returned' ? 'warn' : 'muted'}>
                {r.state === 'returned' ? t('resume.returned', { reason: returnReasonText(t, r.returnReason) }) : t('resume.draft', { at: formatDateTimeVn(r.updatedAt) })}
              </span>
            </span>
            <button type="button" className={r.state === 'returned' ? 'big' : 'secondary'} data-testid="resume" onClick={() => onResume(r.id)}>
              {r.state === 'returned' ? t('resume.fix') : t('resume.continue')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
