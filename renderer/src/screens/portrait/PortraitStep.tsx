// The portrait step: mirrored live preview, live ICAO checklist, randomised liveness challenges,
// auto-capture, then a review the officer confirms or retakes. Touch and keyboard usable.
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortraitSession } from './usePortraitSession';
import { Checklist } from './Checklist';
import { Guidance } from './Guidance';
import { CameraProblem } from './CameraProblem';
import { Review } from './Review';
import { Verdict } from './Verdict';
import type { PortraitResult, PortraitStepProps } from './types';
import './portrait.css';

export type { PortraitResult, PortraitStepProps } from './types';

export function PortraitStep({ chipPortraitUrl, seed, onDone, onCancel, openCamera, onUseOtherCamera, supervisor }: PortraitStepProps) {
  const { t } = useTranslation('portrait');
  const { videoRef, stage, state, capture, restart, grantAttempt, evidence, attemptsLeft, attempts } = usePortraitSession(seed, openCamera);
  const retake = restart;
  const verdict = state?.verdict ?? { status: 'pending' as const };
  const reviewing = verdict.status === 'pass' && capture !== null;

  const confirm = useCallback(() => {
    const ev = evidence();
    if (!capture || !ev || ev.verdict.status !== 'pass') return;
    const result: PortraitResult = {
      jpeg: capture.jpeg,
      width: 480,
      height: 640,
      capturedAt: capture.at.toISOString(),
      quality: capture.checks.map((c) => ({ check: c.id, ok: c.ok, measures: c.measures })),
      liveness: ev,
      attempts,
    };
    onDone(result);
  }, [attempts, capture, evidence, onDone]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
      else if (reviewing && (e.key === 'r' || e.key === 'R')) retake();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel, retake, reviewing]);

  if (stage.kind === 'cameraError' || stage.kind === 'modelError') {
    const useOther = onUseOtherCamera && stage.kind === 'cameraError' && stage.code === 'allowedMissing'
      ? () => void onUseOtherCamera().then(restart)
      : undefined;
    return <CameraProblem stage={stage} onRetry={restart} {...(useOther ? { onUseOther: useOther } : {})} />;
  }
  return (
    <section className="portrait-step" aria-labelledby="portrait-title" data-phase={state?.phase ?? 'starting'} data-verdict={verdict.status} data-reason={verdict.status === 'fail' ? verdict.reason : undefined}>
      <h2 id="portrait-title">{t('title')}</h2>
      {reviewing && <Review capture={capture} {...(chipPortraitUrl ? { chipPortraitUrl } : {})} onRetake={retake} onConfirm={confirm} />}
      {/* Hidden, not unmounted, during review: a detached <video> pauses and Retake needs it live. */}
      <div className="portrait-live" hidden={reviewing}>
        <div className="portrait-preview">
          <video ref={videoRef} muted playsInline aria-label={t('mirrorNote')} />
          <div className={`portrait-oval ${state?.steady ? 'steady' : ''}`} aria-hidden="true" />
          {stage.kind === 'starting' && <p className="portrait-starting">{t('starting')}</p>}
        </div>
        <div className="portrait-side">
          {verdict.status === 'fail' ? (
            <Verdict verdict={verdict} onRestart={attemptsLeft > 0 ? restart : null} {...(supervisor ? { supervisor: { ...supervisor, onGrantAttempt: (c) => { supervisor.onGranted?.(c); grantAttempt(); } } } : {})} />
          ) : (
            <Guidance state={state} />
          )}
          <Checklist checks={state?.checks ?? null} />
        </div>
      </div>
    </section>
  );
}
