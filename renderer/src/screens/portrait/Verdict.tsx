import { useTranslation } from 'react-i18next';
import type { Verdict as V } from '../../liveness/evidence';

const KNOWN = ['frozen_frame', 'replay_loop', 'no_micro_motion', 'face_lost', 'multiple_faces', 'challenge_timeout', 'challenge_wrong_direction'];

/** Reason codes look like "challenge_timeout:blink"; the part before ':' is translated. */
export function Verdict({ verdict, onRestart }: { verdict: Extract<V, { status: 'fail' }>; onRestart: (() => void) | null }) {
  const { t } = useTranslation('portrait');
  const code = verdict.reason.split(':')[0] ?? '';
  return (
    <div className="portrait-verdict fail" role="alert" data-testid="verdict" data-reason={verdict.reason}>
      <p className="error">{t('verdict.fail')}</p>
      <p>{KNOWN.includes(code) ? t(`reason.${code}`) : t('reason.other')}</p>
      {onRestart ? (
        <>
          <p className="muted">{t('verdict.failHelp')}</p>
          <button type="button" onClick={onRestart} autoFocus>{t('actions.restart')}</button>
        </>
      ) : (
        <p className="warn" data-testid="too-many">{t('verdict.tooMany')}</p>
      )}
    </div>
  );
}
