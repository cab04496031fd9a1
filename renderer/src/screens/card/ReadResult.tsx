import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardReadView } from '../../../../shared/contract/card';
import type { DraftDossier } from '../../../../shared/domain/dossier';
import { ActionBar } from '../../components/ActionBar';
import { SupervisorConfirm } from '../../components/SupervisorConfirm';
import { useInitialFocus } from '../../components/useInitialFocus';
import { Disagreements } from './Disagreements';
import { IdentityView } from './IdentityView';
import { VerificationBadge } from './VerificationBadge';
import { suspectFields } from './verdict';

export type ChipOverride = DraftDossier['overrides'][number];

export const CHIP_OVERRIDE_REASONS = ['checked_documents', 'card_damaged', 'other'] as const;

/**
 * A read chip: the verdict in one line, the citizen and portrait, the buttons in the fixed bar with
 * the main one focused. A failed chip stops the normal path: read again, cancel the dossier, or
 * continue only with a supervisor's password and a reason, which travel with the dossier.
 */
export function ReadResult({ view, onContinue, onReadAgain }: { view: CardReadView; onContinue(override?: ChipOverride): void; onReadAgain(): void }) {
  const { t } = useTranslation('card');
  const failed = view.verification.overall === 'failed';
  const [overriding, setOverriding] = useState(false);
  const main = useInitialFocus<HTMLButtonElement>(!overriding);
  return (
    <>
      <VerificationBadge v={view.verification} stats={view.stats} />
      {overriding ? (
        <SupervisorConfirm
          purpose="chip_failed"
          reasons={CHIP_OVERRIDE_REASONS}
          title={t('override.title')}
          submitLabel={t('override.submit')}
          onCancel={() => setOverriding(false)}
          onConfirmed={(c) => onContinue({ kind: 'chip_failed', supervisorId: c.supervisorId, reason: c.reason, at: c.at })}
        />
      ) : (
        <>
          <Disagreements items={view.disagreements} idWarnings={view.idWarnings} />
          {view.warnings.length > 0 && (
            <div className="panel help" role="status" data-testid="read-warnings">
              {view.warnings.map((w) => <p key={w}>{t(`warnings.${w}`)}</p>)}
            </div>
          )}
          <IdentityView identity={view.identity} portrait={view.portrait} suspect={suspectFields(view.verification)} />
          <ActionBar>
            {failed ? (
              <>
                <button ref={main} type="button" className="big" data-testid="card-read-again" onClick={onReadAgain}>{t('result.readAgain')}</button>
                <button type="button" className="secondary" data-testid="card-override" onClick={() => setOverriding(true)}>{t('override.open')}</button>
              </>
            ) : (
              <>
                <button ref={main} type="button" className="big" data-testid="card-continue" onClick={() => onContinue()}>{t('result.continue')}</button>
                <button type="button" className="secondary" onClick={onReadAgain}>{t('result.readAgain')}</button>
              </>
            )}
          </ActionBar>
        </>
      )}
    </>
  );
}
