import { useTranslation } from 'react-i18next';
import type { CardReadView } from '../../../../shared/contract/card';
import { ActionBar } from '../../components/ActionBar';
import { useInitialFocus } from '../../components/useInitialFocus';
import { Disagreements } from './Disagreements';
import { IdentityView } from './IdentityView';
import { VerificationBadge } from './VerificationBadge';
import { suspectFields } from './verdict';

/**
 * A read chip: the verdict in one line, the citizen and portrait, the buttons in the fixed bar with
 * the main one focused. A failed chip stops the normal path: read again, cancel the dossier, or go
 * on to a supervisor's password and reason (the intake's override step), which travel with the dossier.
 */
export function ReadResult({ view, onContinue, onReadAgain }: { view: CardReadView; onContinue(): void; onReadAgain(): void }) {
  const { t } = useTranslation('card');
  const failed = view.verification.overall === 'failed';
  const main = useInitialFocus<HTMLButtonElement>();
  return (
    <>
      <VerificationBadge v={view.verification} stats={view.stats} />
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
            <button type="button" className="secondary" data-testid="card-override" onClick={onContinue}>{t('override.open')}</button>
          </>
        ) : (
          <>
            <button ref={main} type="button" className="big" data-testid="card-continue" onClick={() => onContinue()}>{t('result.continue')}</button>
            <button type="button" className="secondary" onClick={onReadAgain}>{t('result.readAgain')}</button>
          </>
        )}
      </ActionBar>
    </>
  );
}
