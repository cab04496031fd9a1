import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllowedCamera } from '../../bridge/useAllowedCamera';
import { CardStep, type CardStepResult } from '../card/CardStep';
import { PortraitStep, type PortraitResult } from '../portrait/PortraitStep';
import { Summary } from './Summary';

type Step = 'card' | 'portrait' | 'summary';
const STEPS: Step[] = ['card', 'portrait', 'summary'];

/** One citizen's intake, step by step; cancelling returns to the home screen and clears it. */
export function IntakeFlow({ onExit, seed }: { onExit(): void; seed?: number }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('card');
  const [card, setCard] = useState<CardStepResult | null>(null);
  const [portrait, setPortrait] = useState<PortraitResult | null>(null);
  const camera = useAllowedCamera();

  const cancel = () => {
    if (step === 'card' || window.confirm(t('flow.cancelConfirm'))) onExit();
  };

  return (
    <div className="intake" data-testid="intake" data-step={step}>
      <nav className="steps" aria-label="steps">
        <ol>
          {STEPS.map((s, i) => (
            <li key={s} className={s === step ? 'current' : STEPS.indexOf(step) > i ? 'done' : ''} aria-current={s === step ? 'step' : undefined}>
              {i + 1}. {t(`flow.steps.${s}`)}
            </li>
          ))}
        </ol>
        {step !== 'summary' && (
          <button type="button" className="secondary" onClick={cancel} data-testid="intake-cancel">{t('flow.cancel')}</button>
        )}
      </nav>
      {step === 'card' && (
        <CardStep
          onDone={(r) => {
            setCard(r);
            setStep('portrait');
          }}
        />
      )}
      {step === 'portrait' && card && (
        <PortraitStep
          {...(card.chip?.portrait ? { chipPortraitUrl: card.chip.portrait } : {})}
          {...(seed !== undefined ? { seed } : {})}
          openCamera={camera.open}
          onUseOtherCamera={camera.forget}
          onDone={(p) => {
            setPortrait(p);
            setStep('summary');
          }}
          onCancel={cancel}
        />
      )}
      {step === 'summary' && card && <Summary card={card} portrait={portrait} onNext={onExit} />}
    </div>
  );
}
