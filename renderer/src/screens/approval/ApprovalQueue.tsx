import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DossierRowView } from '../../../../shared/contract/index';
import { formatDateVn } from '../../../../shared/domain/format';
import { useKiosk } from '../../bridge/context';
import { errorMessage } from '../../i18n/error-message';
import { ApprovalDetail } from './ApprovalDetail';

/** The supervisor's queue of submitted dossiers; opening one shows it whole with approve / return. */
export function ApprovalQueue({ onBack }: { onBack(): void }) {
  const { t } = useTranslation();
  const client = useKiosk();
  const [rows, setRows] = useState<DossierRowView[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const load = useCallback(() => {
    void client.call('dossier.list', { state: 'submitted' }).then((r) => (r.ok ? setRows(r.value.rows) : setError(errorMessage(t, r.error))));
  }, [client, t]);
  useEffect(load, [load]);
  /** Each listed dossier's chip verdict and overrides, so a failed chip stands out before opening it. */
  const [verdicts, setVerdicts] = useState<Record<string, { overall: string; overrides: number }>>({});
  useEffect(() => {
    if (!rows) return;
    let live = true;
    void Promise.all(rows.slice(0, 50).map(async (r) => {
      const d = await client.call('dossier.get', { id: r.id });
      return d.ok ? ([r.id, { overall: d.value.body.identity?.verification.overall ?? 'not_read', overrides: d.value.body.overrides.length }] as const) : null;
    })).then((list) => {
      if (live) setVerdicts(Object.fromEntries(list.filter((x) => x !== null)));
    });
    return () => {
      live = false;
    };
  }, [client, rows]);
  useEffect(() => heading.current?.focus(), [open]);
  if (open) return <ApprovalDetail id={open} onClose={() => { setOpen(null); load(); }} />;
  return (
    <section className="panel" data-testid="approval-queue">
      <h2 ref={heading} tabIndex={-1}>{t('approval.title')}</h2>
      {error && <p className="error" role="alert">{error}</p>}
      {rows && rows.length === 0 && <p className="muted" data-testid="approval-empty">{t('approval.empty')}</p>}
      {rows && rows.length > 0 && (
        <ul className="queue">
          {rows.map((r) => (
            <li key={r.id}>
              <button type="button" className="secondary queue-item" data-testid="approval-item" onClick={() => setOpen(r.id)}>
                <strong>{r.fullName}</strong> — {r.idNumber} · {r.id} · {t('approval.submittedAt', { date: formatDateVn(r.submittedAt?.slice(0, 10)) })}
                {verdicts[r.id] && (
                  <span className={`queue-verdict verdict-${verdicts[r.id]!.overall}`} data-testid="approval-item-verdict" data-overall={verdicts[r.id]!.overall}>
                    {' · '}{t(`approval.verdict.${verdicts[r.id]!.overall}`)}
                    {verdicts[r.id]!.overrides > 0 ? ` · ${t('override.given', { count: verdicts[r.id]!.overrides })}` : ''}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onBack}>{t('flow.home')}</button>
      </div>
    </section>
  );
}
