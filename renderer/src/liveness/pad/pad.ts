// Test page for the presentation-attack harness and the e2e tests: runs the REAL liveness
// pipeline (worker, FaceLandmarker, session) on the camera and exposes the outcome on window.__pad.
// Query: seed (challenge order), maxMs (give up), record=1 (keep every observation), worker=0,
// every=0 (thin the frames like a live camera instead of analysing each one), variants=1 (also run
// sessions with other screen-cue sets on the same frames: none, each cue alone, all).
import { createFaceEngine } from '../engine';
import { openCamera, CameraFailure } from '../camera';
import { runFrameLoop, type FrameLoopStats } from '../loop';
import { LivenessSession, type SessionState } from '../session';
import { PassiveMonitor, type ScreenCueName } from '../passive';
import type { LivenessEvidence } from '../evidence';
import type { FrameObservation } from '../types';
import { decodeFrames, encodeFrame, type EncodedFrame } from '../fixtureCodec';
import { findSeeds, type SeedCandidate } from '../seedSearch';
import { CHALLENGE_KINDS, type ChallengeKind } from '../challenges';
import { renderPortrait } from '../portraitImage';

export interface PadOutcome {
  done: boolean;
  error: string | null;
  engine: 'worker' | 'main' | null;
  verdict: string;
  reason: string | null;
  /** First face seen -> verdict, ms. */
  faceToVerdictMs: number | null;
  hints: string[];
  failedChecks: string[];
  frames: number;
  /** Where frames came from, and how many were dropped because analysis fell behind the camera. */
  loop: FrameLoopStats;
  inferMs: number[];
  /** variants=1: each cue variant's verdict on the same frames ('pass', 'fail:<reason>', 'timeout'). */
  variants: Record<string, string>;
  /** variants=1: per screen cue, ms from the first face until its passive score alone reached 1 (null: never in this run). */
  cueFired: Record<string, number | null>;
  /** Per analysed frame with a face: the screen/print cues [periodic, bezel, cost ms] (screenCues.ts). */
  cues: number[][];
  fps: number;
  evidence: LivenessEvidence | null;
  /** Every observation, compactly encoded (record=1). */
  recorded: EncodedFrame[];
  /** Per analysed frame with a face: [yaw, pitch, roll, poseCheckOk 0|1]. */
  pose: number[][];
  last: SessionState | null;
  /** portrait=1: the ICAO crop of the first frame with a face, as a data: URL of the JPEG. */
  portrait: { bytes: number; type: string; dataUrl: string } | null;
}

declare global {
  interface Window {
    __pad: PadOutcome;
    /** pad:eval labels by actions: seeds whose plan is `actions` and which pass this run's recording
     *  (record=1, full=1; its times divided by `slow` when the clip was played slowed down). */
    __padFindSeeds: (actions: string[], slow: number) => SeedCandidate[];
  }
}

window.__padFindSeeds = (actions, slow) => {
  const unknown = actions.filter((a) => !(CHALLENGE_KINDS as readonly string[]).includes(a));
  if (unknown.length) throw new Error(`unknown actions: ${unknown.join(', ')} (known: ${CHALLENGE_KINDS.join(', ')})`);
  const frames = decodeFrames({ source: '', note: '', frames: window.__pad.recorded }).map((f) => ({ ...f, t: f.t / slow }));
  return findSeeds(frames, actions as ChallengeKind[], { keep: 3 });
};

const q = new URLSearchParams(location.search);
const seed = Number(q.get('seed') ?? '1');
const maxMs = Number(q.get('maxMs') ?? '12000');
const record = q.get('record') === '1';
/** full=1: keep observing until maxMs even after a verdict (for recording fixtures). */
const full = q.get('full') === '1';
const wantPortrait = q.get('portrait') === '1';
/** The camera here is always a recorded file: analyse every frame (every=0: thin like a live camera). */
const keepEveryFrame = q.get('every') !== '0';
const VARIANTS: Record<string, readonly ScreenCueName[]> = q.get('variants') === '1' ? { none: [], periodic: ['periodic'], bezel: ['bezel'], all: ['periodic', 'bezel'] } : {};
const out: PadOutcome = {
  done: false, error: null, engine: null, verdict: 'pending', reason: null, faceToVerdictMs: null,
  hints: [], failedChecks: [], pose: [], frames: 0, loop: { source: null, dropped: 0, received: 0, maxGapMs: 0 }, inferMs: [], cues: [], variants: {}, cueFired: {}, fps: 0, evidence: null, recorded: [], last: null, portrait: null,
};
window.__pad = out;
const status = document.getElementById('status') as HTMLPreElement;
const video = document.getElementById('video') as HTMLVideoElement;

async function main(): Promise<void> {
  const engine = await createFaceEngine({ preferWorker: q.get('worker') !== '0' });
  out.engine = engine.mode;
  const stream = await openCamera();
  video.srcObject = stream;
  await video.play();
  const session = new LivenessSession(seed);
  const variants = Object.entries(VARIANTS).map(([name, cues]) => ({ name, session: new LivenessSession(seed, { cues }) }));
  const cueMonitors = (['periodic', 'bezel'] as const).filter(() => q.get('variants') === '1').map((cue) => ({ cue, monitor: new PassiveMonitor({ cues: [cue] }) }));
  for (const c of cueMonitors) out.cueFired[c.cue] = null;
  const variantsPending = () => variants.some((v) => !(v.name in out.variants));
  let portraitPending: Promise<void> = Promise.resolve();
  const grabPortrait = async (face: NonNullable<FrameObservation['face']>, t: number) => {
    const bitmap = await engine.grab(t);
    if (!bitmap) return;
    const jpeg = await renderPortrait(bitmap, face);
    const dataUrl = await new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsDataURL(jpeg);
    });
    out.portrait = { bytes: jpeg.size, type: jpeg.type, dataUrl };
  };
  const start = performance.now();
  let firstFace: number | null = null;
  const hints = new Set<string>();
  const failed = new Set<string>();
  const finish = (stop: () => void) => {
    stop();
    out.evidence = session.evidenceJson();
    out.fps = out.frames / ((performance.now() - start) / 1000);
    out.hints = [...hints];
    out.failedChecks = [...failed];
    status.textContent = `done: ${out.verdict} ${out.reason ?? ''}`;
    void portraitPending.finally(() => {
      engine.close();
      stream.getTracks().forEach((t) => t.stop());
      out.done = true;
    });
  };
  const stop: () => void = runFrameLoop(video, engine, (obs) => {
    if (out.done) return;
    out.frames++;
    out.inferMs.push(Math.round(obs.inferMs * 10) / 10);
    if (obs.face?.cues) out.cues.push([obs.face.cues.periodic, obs.face.cues.bezel, obs.face.cues.ms]);
    if (record) out.recorded.push(encodeFrame(obs, start));
    if (obs.face && firstFace === null) {
      firstFace = obs.t;
      if (wantPortrait) portraitPending = grabPortrait(obs.face, obs.t);
    }
    const s = session.push(obs);
    for (const c of cueMonitors) {
      if (c.monitor.push(obs).screen >= 1 && firstFace !== null) out.cueFired[c.cue] ??= Math.round(obs.t - firstFace);
    }
    for (const v of variants) {
      if (v.name in out.variants) continue;
      const vs = v.session.push(obs).verdict;
      if (vs.status !== 'pending') out.variants[v.name] = vs.status === 'fail' ? `fail:${vs.reason}` : 'pass';
    }
    out.last = s;
    if (s.hint) hints.add(s.hint);
    if (obs.face) out.pose.push([obs.face.yaw, obs.face.pitch, obs.face.roll, s.checks.find((c) => c.id === 'pose')?.ok ? 1 : 0]);
    s.checks.filter((c) => !c.ok).forEach((c) => failed.add(c.id));
    status.textContent = `${s.phase} ${s.challenge ? `${s.challenge.kind}:${s.challenge.step.status}` : ''} hint=${s.hint ?? '-'}\n${s.checks.map((c) => `${c.ok ? '✔' : '✘'} ${c.id}`).join('\n')}`;
    if (s.verdict.status !== 'pending' && out.verdict === 'pending') {
      out.verdict = s.verdict.status;
      out.reason = s.verdict.status === 'fail' ? s.verdict.reason : null;
      out.faceToVerdictMs = firstFace === null ? null : Math.round(obs.t - firstFace);
    }
    // The verdict and its time are the session's (set above); with variants the run goes on until
    // every variant has one, which must not move the production verdict's time.
    if (s.verdict.status !== 'pending' && !full && !variantsPending()) {
      finish(stop);
    } else if (obs.t - start > maxMs) {
      if (out.verdict === 'pending') {
        out.verdict = 'timeout';
        out.reason = 'no verdict before maxMs';
      }
      for (const v of variants) out.variants[v.name] ??= 'timeout';
      finish(stop);
    }
  }, out.loop, { keepEveryFrame });
}

main().catch((err: unknown) => {
  out.error = err instanceof CameraFailure ? `camera:${err.code}` : err instanceof Error ? err.message : String(err);
  out.done = true;
  status.textContent = `error: ${out.error}`;
});
