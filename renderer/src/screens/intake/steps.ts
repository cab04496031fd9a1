/**
 * The intake's steps and where a saved dossier resumes: a draft at the first part still missing,
 * a returned dossier at the contact step with everything filled in (the officer corrects what the
 * supervisor asked and passes through each step again).
 */
import { levelTwoRule, type AgeRule } from '../../../../shared/domain/age-rules';
import { isoDateAt } from '../../../../shared/domain/dates';
import type { DraftDossier } from '../../../../shared/domain/dossier';
import type { DossierState } from '../../../../shared/domain/dossier-state';

/** 'override': a draft whose chip failed waits for a supervisor's password and reason before going on. */
export type Step = 'card' | 'override' | 'refused' | 'contact' | 'guardian' | 'integration' | 'portrait' | 'consent' | 'submit' | 'summary';

/** The rule of Decree 69/2024 for this dossier's citizen today, once the identity is known. */
export function ageRuleOf(body: Pick<DraftDossier, 'identity'>, nowMs = Date.now()): AgeRule | null {
  const id = body.identity;
  return id ? levelTwoRule(id.identity.dateOfBirth, id.cardKind, isoDateAt(nowMs)) : null;
}

export function needsGuardian(body: Pick<DraftDossier, 'identity'>, nowMs = Date.now()): boolean {
  return ageRuleOf(body, nowMs)?.rule === 'minor_with_guardian';
}

/** The steps shown in the bar: the guardian step only for a child who needs one. */
export function visibleSteps(guardian: boolean): Step[] {
  return ['card', 'contact', ...(guardian ? (['guardian'] as const) : []), 'integration', 'portrait', 'consent', 'submit', 'summary'];
}

/** A chip that failed verification and no supervisor has let through yet. */
export function needsChipOverride(body: Pick<DraftDossier, 'identity' | 'overrides'>): boolean {
  return body.identity?.verification.overall === 'failed' && !body.overrides.some((o) => o.kind === 'chip_failed');
}

/** The step after `step` for this dossier (the override belongs to the card step). */
export function nextStep(step: Step, body: Pick<DraftDossier, 'identity'>, nowMs = Date.now()): Step {
  const steps = visibleSteps(needsGuardian(body, nowMs));
  const i = steps.indexOf(step === 'override' ? 'card' : step);
  return i >= 0 && i + 1 < steps.length ? steps[i + 1]! : 'summary';
}

/** Where a saved dossier opens again. */
export function resumeStep(body: DraftDossier, state: DossierState, hasLivePortrait: boolean, nowMs = Date.now()): Step {
  if (!body.identity) return 'card';
  if (needsChipOverride(body)) return 'override';
  if (state === 'returned') return 'contact';
  if (!body.contact) return 'contact';
  if (needsGuardian(body, nowMs) && !body.guardian) return 'guardian';
  if (!body.integration) return 'integration';
  if (!body.portrait || !hasLivePortrait) return 'portrait';
  if (!body.consent) return 'consent';
  return 'submit';
}
