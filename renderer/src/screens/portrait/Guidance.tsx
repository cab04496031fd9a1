// The one instruction the citizen should follow now: a challenge prompt, else the first failing check.
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../liveness/session';
import type { ChallengeKind } from '../../liveness/challenges';

/** Arrows after the prompt's text (turn left has its arrow before it, on the side the head goes). */
const ARROWS: Partial<Record<ChallengeKind, string>> = { turnRight: '→', lookUp: '↑', lookDown: '↓' };

export function Guidance({ state }: { state: SessionState | null }) {
  const { t } = useTranslation('portrait');
  if (!state) return <p className="portrait-guidance" aria-live="polite">{t('intro')}</p>;
  const c = state.challenge;
  let text: string;
  let kind = 'hint';
  if (c && c.step.status === 'waiting') text = t('challenge.getReady');
  else if (c) {
    kind = `challenge ${c.kind}`;
    text = t(`challenge.${c.kind}`);
  } else if (state.phase === 'capture') text = state.hint ? t(`hint.${state.hint}`) : t('challenge.lookBack');
  else text = state.hint ? t(`hint.${state.hint}`) : t('intro');
  return (
    <div className={`portrait-guidance ${kind}`} aria-live="assertive" data-testid="guidance" data-hint={state.hint ?? ''} data-challenge={c?.kind ?? ''}>
      {/* The preview is mirrored: the citizen's left is on the screen's left, so the arrow points the same way. */}
      {c?.kind === 'turnLeft' && c.step.status === 'active' && <span className="arrow" aria-hidden="true">←</span>}
      <span className="text">{text}</span>
      {c?.step.status === 'active' && ARROWS[c.kind] && <span className="arrow" aria-hidden="true">{ARROWS[c.kind]}</span>}
      {c && <span className="portrait-progress">{t('challenge.progress', { index: c.index + 1, total: c.total })}</span>}
      {c?.step.status === 'active' && (
        // Set through the CSSOM (React's style prop), which the CSP's style-src 'self' allows.
        <div className="progress portrait-challenge-progress" aria-hidden="true">
          <div className="progress-bar" style={{ width: `${Math.round(c.step.progress * 100)}%` }} />
        </div>
      )}
    </div>
  );
}
