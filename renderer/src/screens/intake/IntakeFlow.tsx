import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllowedCamera } from '../../bridge/useAllowedCamera';
import { CardStep, type CardStepResult } from '../card/CardStep';
import { PortraitStep, type PortraitResult } from '../portrait/PortraitStep';
import type { DossierRowView } from '../../../../shared/contract/index';
import { ConsentStep, type Consent } from './ConsentStep';
import { ContactStep, type Contact } from './ContactStep';
import { SubmitStep } from './SubmitStep';
import { Summary } from './Summary';

type Step = 'card' | 'contact' | 'portrait' | 'consent' | 'submit' | 'summary';
const STEPS: Step[] = ['card', 'contact', 'portrait', 'consent', 'submit', 'summary'];

/** One citizen's intake, step by step; cancelling returns to the home screen and clears it. */
export function IntakeFlow({ onExit, seed, station }: { onExit(): void; seed?: number; station?: string | null }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('card');
  const [card, setCard] = useState<CardStepResult | null>(null);
  const [contact, setContact] = useState<Contact | null>(null);
  const [portrait, setPortrait] = useState<PortraitResult | null>(null);
  const [consent, setConsent] = useState<Consent | null>(null);
  const [submitted, setSubmitted] = useState<DossierRowView | null>(null);
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
            setStep('contact');
          }}
        />
      )}
      {step === 'contact' && (
        <ContactStep
          initial={contact}
          onDone={(c) => {
            setContact(c);
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
            setStep('consent');
          }}
          onCancel={cancel}
        />
      )}
      {step === 'consent' && (
        <ConsentStep
          onDone={(c) => {
            setConsent(c);
            setStep('submit');
          }}
        />
      )}
      {step === 'submit' && card && contact && portrait && consent && (
        <SubmitStep
          card={card}
          contact={contact}
          portrait={portrait}
          consent={consent}
          station={station ?? null}
          onSubmitted={(row) => {
            setSubmitted(row);
            setStep('summary');
          }}
        />
      )}
      {step === 'summary' && card && <Summary card={card} portrait={portrait} submitted={submitted} onNext={onExit} />}
    </div>
  );
}
