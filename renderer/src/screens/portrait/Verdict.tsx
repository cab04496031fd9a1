import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict as V } from '../../liveness/evidence';
import { SupervisorConfirm, type SupervisorConfirmed } from '../../components/SupervisorConfirm';
import { useInitialFocus } from '../../components/useInitialFocus';
import { CHALLENGE, CHALLENGE_KINDS } from '../../liveness/challenges';

const KNOWN = ['frozen_frame', 'replay_loop', 'no_micro_motion', 'screen_presentation', 'face_lost', 'multiple_faces', 'challenge_no_reaction', 'challenge_wrong_move', 'challenge_early_move', 'challenge_timeout'];
const ACTIONS: readonly string[] = CHALLENGE_KINDS;

export const END_INTAKE_REASONS = ['citizen_unable', 'suspected_spoof', 'citizen_left', 'other'] as const;

export interface SupervisorActions {
  dossierId?: string;
  /** A supervisor allowed one more liveness attempt. */
  onGrantAttempt(c: SupervisorConfirmed): void;
  /** A supervisor ended the intake; the reason is in the audit. */
  onEndIntake(reason: string): void;
}

/**
 * A failed liveness check: why, and what to do. While attempts remain, "Làm lại"; after the last,
 * the supervisor acts with their password: one more attempt, or end the intake with a reason.
 * Reason codes look like "challenge_no_reaction:blink" or "challenge_wrong_move:turnLeft:lookUp"
 * (the asked step, then the movement seen instead); the code is translated, the actions named.
 */
export function Verdict({ verdict, onRestart, supervisor }: { verdict: Extract<V, { status: 'fail' }>; onRestart: (() => void) | null; supervisor?: SupervisorActions }) {
  const { t, i18n } = useTranslation('portrait');
  const [code = '', asked = '', seen = ''] = verdict.reason.split(':');
  const action = (k: string) => (ACTIONS.includes(k) ? t(`challenge.${k}`) : '');
  const seconds = (CHALLENGE.reactionMs / 1000).toLocaleString(i18n.language);
  const [asking, setAsking] = useState<'retry' | 'end' | null>(null);
  const main = useInitialFocus<HTMLButtonElement>(asking === null);
  if (asking && supervisor) {
    return (
      <SupervisorConfirm
        purpose={asking === 'retry' ? 'liveness_retry' : 'end_intake'}
        reasons={asking === 'retry' ? [] : END_INTAKE_REASONS}
        {...(supervisor.dossierId ? { dossierId: supervisor.dossierId } : {})}
        title={t(asking === 'retry' ? 'supervisor.retryTitle' : 'supervisor.endTitle')}
        submitLabel={t(asking === 'retry' ? 'supervisor.retry' : 'supervisor.end')}
        onCancel={() => setAsking(null)}
        onConfirmed={(c) => {
          setAsking(null);
          if (asking === 'retry') supervisor.onGrantAttempt(c);
          else supervisor.onEndIntake(c.reason);
        }}
      />
    );
  }
  return (
    <div className="portrait-verdict fail" role="alert" data-testid="verdict" data-reason={verdict.reason}>
      <p className="error">{t('verdict.fail')}</p>
      <p data-testid="verdict-reason">{KNOWN.includes(code) ? t(`reason.${code}`, { action: action(asked), seen: action(seen), seconds }) : t('reason.other')}</p>
      {onRestart ? (
        <>
          {code.startsWith('challenge_') && <p>{t('verdict.challengeHelp')}</p>}
          <p className="muted">{t('verdict.failHelp')}</p>
          <button ref={main} type="button" className="big" onClick={onRestart}>{t('actions.restart')}</button>
        </>
      ) : (
        <>
          <p className="warn" data-testid="too-many">{t(supervisor ? 'verdict.tooManySupervisor' : 'verdict.tooMany')}</p>
          {supervisor && (
            <div className="portrait-actions">
              <button ref={main} type="button" className="big" data-testid="supervisor-retry" onClick={() => setAsking('retry')}>{t('supervisor.retry')}</button>
              <button type="button" className="secondary" data-testid="supervisor-end" onClick={() => setAsking('end')}>{t('supervisor.end')}</button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
