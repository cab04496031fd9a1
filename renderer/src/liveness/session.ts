// One portrait + liveness session: pure, frame-driven, deterministic for a given seed.
// searching -> baseline -> challenges (random order and pauses) -> verdict; in parallel the ICAO
// quality checks run on every frame and ask for an auto-capture once all have held steadily.
import type { FrameObservation } from './types';
import { assessQuality, primaryHint, type HintKey, type QualityCheck } from './quality';
import { PassiveMonitor, type PassiveOptions } from './passive';
import { ChallengeTracker, planChallenges, type Baseline, type ChallengeKind, type ChallengePlan, type ChallengeStep } from './challenges';
import { seededRng } from './rng';
import { EvidenceRecorder, type LivenessEvidence, type Verdict } from './evidence';

export const SESSION = {
  baselineFrames: 8,
  baselineMs: 500,
  baselineMaxYaw: 12,
  steadyMs: 500,
  faceLostMs: 1000,
  /** A second face must persist this long (one-frame detector glitches happen). */
  multiFaceMs: 300,
  minObserveMs: 1500,
} as const;

export type Phase = 'searching' | 'baseline' | 'challenge' | 'capture' | 'done';

export interface ChallengeView {
  kind: ChallengeKind;
  index: number;
  total: number;
  step: ChallengeStep;
}

export interface SessionState {
  phase: Phase;
  checks: QualityCheck[];
  hint: HintKey | null;
  challenge: ChallengeView | null;
  verdict: Verdict;
  /** True on exactly the frame that should become the portrait. */
  captureNow: boolean;
  captured: boolean;
  /** 0..1 how long all checks have held, for a progress ring. */
  steady: number;
}

export class LivenessSession {
  private readonly plans: ChallengePlan[];
  private readonly passive: PassiveMonitor;
  private readonly evidence: EvidenceRecorder;
  private phase: Phase = 'searching';
  private baseFrames: { t: number; yaw: number; pitch: number; blink: number; jaw: number }[] = [];
  private baseline: Baseline | null = null;
  private index = 0;
  private tracker: ChallengeTracker | null = null;
  private lastStep: ChallengeStep | null = null;
  private verdict: Verdict = { status: 'pending' };
  private firstFaceAt: number | null = null;
  private lastFaceAt = 0;
  private multiSince: number | null = null;
  private steadySince: number | null = null;
  private captured = false;

  /** `passive`: which screen/print cues count (tests and pad:eval's cue variants; default the kept ones). */
  constructor(readonly seed: number, passive: PassiveOptions = {}) {
    this.passive = new PassiveMonitor(passive);
    this.plans = planChallenges(seededRng(seed));
    this.evidence = new EvidenceRecorder(seed);
  }

  get challengePlan(): readonly ChallengePlan[] {
    return this.plans;
  }

  /** `shownAt`: live camera only, see ChallengeTracker.push. */
  push(f: FrameObservation, shownAt?: number): SessionState {
    const checks = assessQuality(f);
    const allOk = checks.every((c) => c.ok);
    const p = this.passive.push(f);
    if (f.face && f.faceCount === 1) {
      if (this.firstFaceAt === null) this.evidence.event(f.t, 'face');
      this.firstFaceAt ??= f.t;
      this.lastFaceAt = f.t;
    }
    const face = f.faceCount === 1 ? f.face : null;
    this.evidence.sample(f.t, [face?.yaw ?? NaN, face?.pitch ?? NaN, face ? (face.blinkL + face.blinkR) / 2 : NaN, face?.jawOpen ?? NaN, f.frameDiff, p.motion, checks.filter((c) => c.ok).length]);

    // Until the portrait is in hand, a passive signal or a lost face voids even a passed liveness:
    // the captured picture must come from the same live, continuous presence.
    const open = this.verdict.status === 'pending' || this.phase === 'capture';
    if (open && p.reason) {
      this.evidence.event(f.t, 'passive_reject', p.reason);
      this.finish(f.t, { status: 'fail', reason: p.reason });
    }
    if ((this.verdict.status === 'pending' || this.phase === 'capture') && this.phase !== 'searching') {
      this.multiSince = f.faceCount > 1 ? (this.multiSince ?? f.t) : null;
      if (this.multiSince !== null && f.t - this.multiSince >= SESSION.multiFaceMs) this.finish(f.t, { status: 'fail', reason: 'multiple_faces' });
      else if (f.t - this.lastFaceAt > SESSION.faceLostMs) this.finish(f.t, { status: 'fail', reason: 'face_lost' });
    }
    if (this.verdict.status === 'pending') this.advance(f.t, face, checks.find((c) => c.id === 'faceSize')?.ok === true, shownAt);

    let captureNow = false;
    if (allOk && this.verdict.status !== 'fail') {
      this.steadySince ??= f.t;
      if (!this.captured && f.t - this.steadySince >= SESSION.steadyMs) {
        this.captured = captureNow = true;
        this.evidence.event(f.t, 'capture');
      }
    } else this.steadySince = null;
    if (this.phase === 'capture' && this.captured) this.phase = 'done';

    const step = this.lastStep;
    const plan = this.plans[this.index];
    return {
      phase: this.phase,
      checks,
      hint: primaryHint(checks),
      challenge: this.phase === 'challenge' && step && plan ? { kind: plan.kind, index: this.index, total: this.plans.length, step } : null,
      verdict: this.verdict,
      captureNow,
      captured: this.captured,
      steady: this.steadySince === null ? 0 : Math.min(1, (f.t - this.steadySince) / SESSION.steadyMs),
    };
  }

  evidenceJson(): LivenessEvidence {
    return this.evidence.build({
      challenges: this.plans.map((c) => ({ ...c })),
      baseline: this.baseline,
      verdict: this.verdict,
    });
  }

  private advance(t: number, face: FrameObservation['face'], sizeOk: boolean, shownAt?: number): void {
    if (this.phase === 'searching' && face) this.phase = 'baseline';
    if (this.phase === 'baseline') {
      // The baseline (and so the challenges) waits until the face is at a usable distance:
      // "move closer" stays on screen instead of a challenge the citizen cannot see well.
      if (face && sizeOk && Math.abs(face.yaw) <= SESSION.baselineMaxYaw) this.baseFrames.push({ t, yaw: face.yaw, pitch: face.pitch, blink: (face.blinkL + face.blinkR) / 2, jaw: face.jawOpen });
      else if (!sizeOk) this.baseFrames = [];
      const first = this.baseFrames[0];
      if (first && this.baseFrames.length >= SESSION.baselineFrames && t - first.t >= SESSION.baselineMs) {
        const m = (k: 'yaw' | 'pitch' | 'blink' | 'jaw') => median(this.baseFrames.map((b) => b[k]));
        this.baseline = { yaw: m('yaw'), pitch: m('pitch'), blink: m('blink'), jaw: m('jaw') };
        const b = this.baseline;
        this.evidence.event(t, 'baseline', `yaw=${b.yaw.toFixed(1)} pitch=${b.pitch.toFixed(1)} blink=${b.blink.toFixed(2)} jaw=${b.jaw.toFixed(2)}`);
        this.phase = 'challenge';
      }
    }
    if (this.phase !== 'challenge' || !this.baseline) return;
    const plan = this.plans[this.index];
    if (!plan) {
      if (t - (this.firstFaceAt ?? t) >= SESSION.minObserveMs) this.finish(t, { status: 'pass' });
      return;
    }
    this.tracker ??= new ChallengeTracker(plan, this.baseline, t);
    const wasActive = this.tracker.activeSince !== null;
    const step = (this.lastStep = this.tracker.push(t, face, shownAt));
    if (!wasActive && this.tracker.activeSince !== null) this.evidence.event(t, 'challenge_start', plan.kind);
    if (step.status === 'failed') {
      // challenge_<failure>:<asked>[:<seen instead>], e.g. challenge_wrong_move:turnLeft:lookUp.
      const detail = `${plan.kind}${step.seen ? `:${step.seen}` : ''}`;
      this.evidence.event(t, 'challenge_fail', `${detail}:${step.failure ?? ''}`);
      this.finish(t, { status: 'fail', reason: `challenge_${step.failure ?? 'failed'}:${detail}` });
    } else if (step.status === 'passed') {
      this.evidence.event(t, 'challenge_pass', plan.kind);
      this.index++;
      // The next prompt's pause counts from this frame, not from whenever the next frame is analysed.
      const next = this.plans[this.index];
      // The last head movement passed may still be on its way back (a blink or a mouth step in between is quick).
      const lastHead = this.plans.slice(0, this.index).reverse().find((p) => p.kind !== 'blink' && p.kind !== 'openMouth')?.kind ?? null;
      this.tracker = next ? new ChallengeTracker(next, this.baseline, t, lastHead, this.plans[this.index - 1]?.kind === 'openMouth') : null;
      this.lastStep = null;
      if (this.index >= this.plans.length && t - (this.firstFaceAt ?? t) >= SESSION.minObserveMs) this.finish(t, { status: 'pass' });
    }
  }

  private finish(t: number, v: Verdict): void {
    this.verdict = v;
    this.tracker = null;
    this.lastStep = null;
    this.phase = v.status === 'pass' && !this.captured ? 'capture' : 'done';
    this.evidence.event(t, 'verdict', v.status === 'fail' ? v.reason : 'pass');
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}
