import { useTranslation } from 'react-i18next';
import type { DraftDossier } from '../../../../shared/domain/dossier';
import { SupervisorConfirm } from '../../components/SupervisorConfirm';

export type Override = DraftDossier['overrides'][number];
export const CHIP_OVERRIDE_REASONS = ['checked_documents', 'card_damaged', 'other'] as const;

/**
 * A draft whose chip failed verification goes on only when a supervisor types their password here
 * with a reason (audited for this dossier); the override is then saved with it. Cancelling leaves
 * the dossier's own cancel (it is erased after a question).
 */
export function ChipOverride({ body, dossierId, onConfirmed, onCancel }: { body: DraftDossier; dossierId: string; onConfirmed(o: Override): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('card');
  const failed = body.identity?.verification.lines.filter((l) => l.status === 'fail') ?? [];
  return (
    <section className="chip-override" data-testid="chip-override" aria-labelledby="chip-override-title">
      <h2 id="chip-override-title">{tc('title')}</h2>
      <p className="error" data-testid="chip-override-verdict">
        {t('approval.verdict.failed')}
        {failed.map((l) => ` · ${t(`approval.check.${l.check}`)}`).join('')}
        {body.identity ? ` — ${body.identity.identity.fullName}, ${body.identity.identity.idNumber}` : ''}
      </p>
      <SupervisorConfirm
        purpose="chip_failed"
        reasons={CHIP_OVERRIDE_REASONS}
        dossierId={dossierId}
        title={tc('override.title')}
        submitLabel={tc('override.submit')}
        onCancel={onCancel}
        onConfirmed={(c) => onConfirmed({ kind: 'chip_failed', supervisorId: c.supervisorId, reason: c.reason, at: c.at })}
      />
    </section>
  );
}
