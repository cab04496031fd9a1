import { useTranslation } from 'react-i18next';
import type { QualityCheck } from '../../liveness/quality';
import { checkOrder } from '../../liveness/quality';

export function Checklist({ checks }: { checks: readonly QualityCheck[] | null }) {
  const { t } = useTranslation('portrait');
  const byId = new Map((checks ?? []).map((c) => [c.id, c]));
  return (
    <ul className="portrait-checklist" aria-label={t('review.report')}>
      {checkOrder().map((id) => {
        const ok = byId.get(id)?.ok ?? false;
        return (
          <li key={id} className={ok ? 'ok' : 'pending'} data-check={id} data-ok={ok}>
            <span aria-hidden="true">{ok ? '✔' : '○'}</span> {t(`check.${id}`)}
          </li>
        );
      })}
    </ul>
  );
}
