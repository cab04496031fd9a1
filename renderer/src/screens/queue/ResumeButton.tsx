import { useTranslation } from 'react-i18next';
import type { DossierRowView } from '../../../../shared/contract/index';
import { resumeKind } from './labels';

/** "Fix and resubmit" for the officer's own returned dossier, "Continue" for their own draft; nothing otherwise. */
export function ResumeButton({ row, officerId, onResume, big = false }: { row: DossierRowView; officerId: string; onResume(id: string): void; big?: boolean }) {
  const { t } = useTranslation('queue');
  const kind = resumeKind(row, officerId);
  if (!kind) return null;
  return (
    <button type="button" className={big ? 'big' : undefined} data-testid="queue-resume" data-kind={kind} onClick={() => onResume(row.id)}>
      {t(`resume.${kind}`)}
    </button>
  );
}
