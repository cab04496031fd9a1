import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgeRule } from '../../../../shared/domain/age-rules';
import type { DraftDossier } from '../../../../shared/domain/dossier';
import { useKiosk } from '../../bridge/context';
import { useAllowedCamera } from '../../bridge/useAllowedCamera';
import { errorMessage } from '../../i18n/error-message';
import { CardStep, type CardStepResult } from '../card/CardStep';
import { PortraitStep } from '../portrait/PortraitStep';
import { AgeRefusal } from './AgeRefusal';
import { blobToBase64, newDraft, portraitPart } from './build-dossier';
import { ConsentStep } from './ConsentStep';
import { ContactStep } from './ContactStep';
import { GuardianStep } from './GuardianStep';
import { IntegrationStep } from './IntegrationStep';
import { KeepPortrait } from './KeepPortrait';
import { ChipOverride } from './ChipOverride';
import { ageRuleOf, needsGuardian, nextStep, resumeStep, visibleSteps, type Step } from './steps';
import { SubmitStep } from './SubmitStep';
import { Summary } from './Summary';
import { useDraft } from './useDraft';
import { isUpstreamReturn } from '../../../../shared/domain/return-reason';

/**
 * One citizen's intake, step by step. The dossier is saved as a draft as soon as the card is read
 * and after every step, so it survives a crash or a restart and is resumed from the home screen;
 * cancelling a draft erases it. A returned dossier opens here too, for correction.
 */
export function IntakeFlow({ onExit, onNext, onSubmitted, seed, station, resumeId }: { onExit(): void; onNext?: () => void; onSubmitted?: () => void; seed?: number; station?: string | null; resumeId?: string }) {
  const { t } = useTranslation();
  const { t: ti } = useTranslation('intake');
  const client = useKiosk();
  const camera = useAllowedCamera();
  const { draft, create, save, load, setRow } = useDraft();
  const [step, setStep] = useState<Step | 'loading'>(resumeId ? 'loading' : 'card');
  const [refusal, setRefusal] = useState<{ rule: Extract<AgeRule, { allowed: false }>; name: string } | null>(null);
  const [chipPortraitUrl, setChipPortraitUrl] = useState<string | null>(null);
  const [hasLivePortrait, setHasLivePortrait] = useState(false);
  const [keepAsked, setKeepAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** Supervisors' extra liveness attempts in this portrait step, saved with the portrait. */
  const granted = useRef<DraftDossier['overrides']>([]);
  /** What to run again after a failed save: the same step's data, nothing retyped. */
  const retry = useRef<(() => void) | null>(null);

  // Every step opens at the top of the page (never carrying the last step's scroll); each step
  // focuses its own main control, inside a region named by its heading.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [step, keepAsked]);

  useEffect(() => {
    if (!resumeId) return;
    let live = true;
    void (async () => {
      const r = await load(resumeId);
      if (!live) return;
      if (!r.ok) return setProblem(ti('draft.loadFailed', { reason: errorMessage(t, r.error) }));
      const [chip, photo] = await Promise.all([
        client.call('dossier.image', { id: resumeId, kind: 'chip_portrait' }),
        client.call('dossier.image', { id: resumeId, kind: 'live_portrait' }),
      ]);
      if (!live) return;
      setChipPortraitUrl(chip.ok ? chip.value.dataUrl : null);
      const hasPhoto = photo.ok && photo.value.dataUrl !== null;
      setHasLivePortrait(hasPhoto);
      setStep(resumeStep(r.draft.body, r.draft.row.state, hasPhoto));
    })();
    return () => {
      live = false;
    };
  }, [client, load, resumeId, t, ti]);

  /** Saves this step's part and moves on; a failed save keeps the officer here with the reason. */
  const advance = useCallback(
    async function run(from: Step, change: Partial<DraftDossier>, images: { livePortrait?: string } = {}): Promise<boolean> {
      setBusy(true);
      setProblem(null);
      retry.current = null;
      const r = await save(change, images);
      setBusy(false);
      if (!r.ok) {
        retry.current = () => void run(from, change, images);
        setProblem(ti('draft.saveFailed', { reason: errorMessage(t, r.error) }));
        return false;
      }
      setStep(nextStep(from, r.draft.body));
      return true;
    },
    [save, t, ti],
  );

  const onCard = async (card: CardStepResult) => {
    const body = newDraft(card, station ?? null);
    const rule = ageRuleOf(body);
    if (rule && !rule.allowed) {
      // Nothing is stored for a citizen who cannot have a level-2 account.
      setRefusal({ rule, name: `${card.identity.fullName} — ${card.identity.idNumber}` });
      return setStep('refused');
    }
    setBusy(true);
    setProblem(null);
    retry.current = null;
    const r = await create(body, card.chip?.readId ? { chipReadId: card.chip.readId } : {});
    setBusy(false);
    if (!r.ok) {
      retry.current = () => void onCard(card);
      return setProblem(ti('draft.saveFailed', { reason: errorMessage(t, r.error) }));
    }
    setChipPortraitUrl(card.chip?.portrait ?? null);
    setStep(card.needsOverride ? 'override' : 'contact');
  };

  /** A supervisor ended the intake after the last failed liveness attempt (their reason is audited). */
  const endIntake = async () => {
    const row = draft?.row;
    if (row?.state === 'draft') {
      const r = await client.call('dossier.cancel', { id: row.id });
      if (!r.ok) return setProblem(ti('draft.cancelFailed', { reason: errorMessage(t, r.error) }));
    }
    onExit();
  };

  const cancel = async () => {
    const row = draft?.row;
    if (!row || step === 'refused') return onExit();
    if (row.state !== 'draft') {
      if (window.confirm(ti('draft.leaveReturned'))) onExit();
      return;
    }
    if (!window.confirm(ti('draft.cancelConfirm'))) return;
    const r = await client.call('dossier.cancel', { id: row.id });
    if (r.ok) onExit();
    else setProblem(ti('draft.cancelFailed', { reason: errorMessage(t, r.error) }));
  };

  const body = draft?.body;
  const steps = visibleSteps(body ? needsGuardian(body) : false);
  const shownStep = step === 'refused' || step === 'loading' || step === 'override' ? 'card' : step;
  const rule = body ? ageRuleOf(body) : null;

  return (
    <div className="intake" data-testid="intake" data-step={step}>
      <nav className="steps" aria-label={t('flow.stepsLabel')}>
        <ol>
          {steps.map((s, i) => (
            <li key={s} className={s === shownStep ? 'current' : steps.indexOf(shownStep) > i ? 'done' : ''} aria-current={s === shownStep ? 'step' : undefined}>
              {i + 1}. {t(`flow.steps.${s}`)}
            </li>
          ))}
        </ol>
        {step !== 'summary' && (
          <button type="button" className="secondary" onClick={() => void cancel()} data-testid="intake-cancel">{t('flow.cancel')}</button>
        )}
      </nav>
      {draft && step !== 'summary' && step !== 'card' && (
        <p className="muted small reference" data-testid="dossier-id">{ti('draft.reference', { id: draft.row.id })}</p>
      )}
      {draft?.row.state === 'returned' && step !== 'summary' && (
        <div className="notice warn" role="status" data-testid="returned-banner">
          <p className="lead">{isUpstreamReturn(draft.row.returnReason) ? ti('draft.returnedUpstream') : ti('draft.returned', { reason: draft.row.returnReason ?? '' })}</p>
          <p className="muted">{ti('draft.returnedHelp')}</p>
        </div>
      )}
      {problem && (
        <div className="error" role="alert" data-testid="draft-error">
          <p>{problem}</p>
          {retry.current && !busy && (
            <button type="button" className="big" data-testid="draft-retry" onClick={() => retry.current?.()}>{ti('draft.retry')}</button>
          )}
        </div>
      )}
      {busy && <p className="muted" role="status">{ti('draft.saving')}</p>}
      {step === 'loading' && !problem && <p className="muted" role="status">{ti('draft.loading')}</p>}
      {step === 'loading' && problem && (
        <button type="button" className="big" onClick={onExit}>{t('flow.home')}</button>
      )}
      {step === 'card' && <CardStep onDone={(r) => void onCard(r)} />}
      {step === 'override' && draft && (
        <ChipOverride body={draft.body} dossierId={draft.row.id} onCancel={() => void cancel()} onConfirmed={(o) => void advance('override', { overrides: [...draft.body.overrides, o] })} />
      )}
      {step === 'refused' && refusal && <AgeRefusal rule={refusal.rule} name={refusal.name} onDone={onExit} />}
      {step === 'contact' && body && (
        <ContactStep busy={busy} initial={body.contact ?? null} onDone={(contact) => void advance('contact', { contact })} />
      )}
      {step === 'guardian' && body?.identity && rule && (
        <GuardianStep busy={busy} citizen={body.identity.identity} age={rule.age} initial={body.guardian} onDone={(guardian) => void advance('guardian', { guardian })} />
      )}
      {step === 'integration' && body && (
        <IntegrationStep busy={busy} initial={body.integration} onDone={(integration) => void advance('integration', { integration })} />
      )}
      {step === 'portrait' && draft && hasLivePortrait && body?.portrait && !keepAsked && (
        <KeepPortrait dossierId={draft.row.id} onKeep={() => setStep('consent')} onRetake={() => setKeepAsked(true)} />
      )}
      {step === 'portrait' && (!hasLivePortrait || !body?.portrait || keepAsked) && (
        <PortraitStep
          {...(chipPortraitUrl ? { chipPortraitUrl } : {})}
          {...(seed !== undefined ? { seed } : {})}
          openCamera={camera.open}
          onUseOtherCamera={camera.forget}
          supervisor={{
            ...(draft ? { dossierId: draft.row.id } : {}),
            onEndIntake: () => void endIntake(),
            onGranted: (c) => {
              granted.current = [...granted.current, { kind: 'liveness_retry', supervisorId: c.supervisorId, reason: c.reason, at: c.at }];
            },
          }}
          onDone={(p) =>
            void (async () => {
              const livePortrait = await blobToBase64(p.jpeg);
              const overrides = [...(body?.overrides ?? []), ...granted.current].slice(-5);
              if (await advance('portrait', { portrait: portraitPart(p), overrides }, { livePortrait })) {
                granted.current = [];
                setHasLivePortrait(true);
                setKeepAsked(false);
              }
            })()
          }
          onCancel={() => void cancel()}
        />
      )}
      {step === 'consent' && <ConsentStep busy={busy} onDone={(consent) => void advance('consent', { consent })} />}
      {step === 'submit' && draft && (
        <SubmitStep
          draft={draft}
          onSubmitted={(row) => {
            setRow(row);
            setStep('summary');
            onSubmitted?.();
          }}
        />
      )}
      {step === 'summary' && draft && <Summary draft={draft} onNext={onNext ?? onExit} onHome={onExit} />}
    </div>
  );
}
