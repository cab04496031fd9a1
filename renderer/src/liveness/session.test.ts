import { describe, expect, it } from 'vitest';
import { LivenessSession, type SessionState } from './session';
import type { FrameObservation } from './types';
import type { ChallengeKind } from './challenges';
import { face, frame, jitter, recorded } from './testkit';
import { runSession, withLeadIn } from './sim';
import { findSeeds, planKinds, variants } from './seedSearch';

/**
 * The e2e tests' seed (tests/e2e/portrait/support.ts D12_SEED): it asks turn left, turn right, open
 * the mouth, which the d12 subject does after the tests' 0.8 s lead-in. Chosen with findSeeds over
 * the clip's 15 fps recording for the most margin.
 */
const E2E_SEED = 8504;
const d12 = () => withLeadIn(recorded('d12at15'), 800);

function run(seed: number, frames: FrameObservation[]): { last: SessionState; session: LivenessSession; captures: number } {
  const s = new LivenessSession(seed);
  let last: SessionState | null = null;
  let captures = 0;
  for (const f of frames) {
    last = s.push(f);
    if (last.captureNow) captures++;
    if (last.verdict.status !== 'pending') break;
  }
  if (!last) throw new Error('no frames');
  return { last, session: s, captures };
}

describe('liveness session on recorded media', () => {
  it('passes the genuine clip when the seeded plan is what the person does, in time', () => {
    const { last, session } = run(E2E_SEED, d12());
    expect(session.challengePlan.map((c) => c.kind)).toEqual(['turnLeft', 'turnRight', 'openMouth']);
    expect(last.verdict).toEqual({ status: 'pass' });
  });
  it('the e2e seed passes with margin: the camera clock up to 20 % late, the start up to 600 ms late, frames lost', () => {
    const tried = variants(d12()).filter((v) => v.scale <= 1.2 && v.skipMs <= 600);
    expect(tried.length).toBeGreaterThanOrEqual(40);
    expect(tried.filter((v) => !runSession(E2E_SEED, v.frames).pass).map(({ scale, skipMs, drop }) => ({ scale, skipMs, drop }))).toEqual([]);
  });
  it('is the seed a search over the recording finds (labels by actions use the same search)', () => {
    const [best] = findSeeds(d12(), ['turnLeft', 'turnRight', 'openMouth'], { count: 9000 });
    expect(best?.seed).toBe(E2E_SEED);
  });
  it('fails the same clip for other seeds (a replay cannot follow orders)', () => {
    const seeds = Array.from({ length: 60 }, (_, i) => i + 1);
    const passed = seeds.filter((s) => run(s, d12()).last.verdict.status === 'pass');
    expect(passed).toEqual([]);
    expect(run(1, d12()).last.verdict).toMatchObject({ status: 'fail' });
  });
  it('never passes a still photo, whatever the seed', () => {
    for (const name of ['biden', 'printed', 'obama'] as const) {
      for (let seed = 1; seed <= 20; seed++) expect(run(seed, recorded(name)).last.verdict.status).not.toBe('pass');
    }
  });
  it('voids a passed liveness when the feed turns out to be a loop before any portrait was captured', () => {
    // The same clip twice with the same frame signatures: the camera loops a file.
    const once = d12();
    const period = (once[once.length - 1]?.t ?? 0) + 67;
    const twice = [...once, ...once.map((f) => ({ ...f, t: f.t + period }))];
    const s = new LivenessSession(E2E_SEED);
    const verdicts = twice.map((f) => s.push(f).verdict.status);
    expect(verdicts).toContain('pass');
    expect(s.evidenceJson().verdict).toEqual({ status: 'fail', reason: 'replay_loop' });
  });
  it('records evidence: baseline, challenge events and the verdict', () => {
    const { session } = run(E2E_SEED, d12());
    const ev = session.evidenceJson();
    expect(ev.seed).toBe(E2E_SEED);
    expect(ev.baseline).toMatchObject({ yaw: expect.any(Number), pitch: expect.any(Number), blink: expect.any(Number), jaw: expect.any(Number) });
    expect(ev.challenges[0]).toMatchObject({ reactionMs: 1500 });
    expect(ev.events.filter((e) => e.type === 'challenge_pass').map((e) => e.detail)).toEqual(['turnLeft', 'turnRight', 'openMouth']);
    expect(ev.verdict).toEqual({ status: 'pass' });
    expect(ev.samples.length).toBeGreaterThan(10);
    expect(ev.samples[0]?.length).toBe(ev.columns.length);
    expect(JSON.stringify(ev).length).toBeLessThan(20000);
  });
  it('names the asked step and the movement seen instead when a step fails', () => {
    // Turn right first: the subject turns left instead (during the step, or during the pause before it).
    const seed = Array.from({ length: 400 }, (_, i) => i + 1).find((s) => planKinds(s)[0] === 'turnRight') ?? 0;
    const { last } = run(seed, d12());
    expect(last.verdict).toMatchObject({ status: 'fail', reason: expect.stringMatching(/^challenge_(wrong|early)_move:turnRight:turnLeft$/) });
  });
});

/** What a cooperative subject does for each challenge (face overrides). */
const ACT: Record<ChallengeKind, Parameters<typeof face>[0]> = {
  blink: { blinkL: 0.8, blinkR: 0.8 },
  turnLeft: { yaw: 18 },
  turnRight: { yaw: -18 },
  lookUp: { pitch: -16 },
  lookDown: { pitch: 16 },
  openMouth: { jawOpen: 0.7, lipGap: 0.3 },
};

describe('liveness session on a synthetic cooperative subject', () => {
  // A cooperative person who does whatever is asked ~400 ms after the prompt.
  function cooperative(seed: number): FrameObservation[] {
    const plan = new LivenessSession(seed).challengePlan;
    const frames: FrameObservation[] = [];
    let t = 0;
    const at = (over: Parameters<typeof face>[0], n: number) => {
      for (let i = 0; i < n; i++, t += 50) frames.push(frame(t, jitter(t, face(over))));
    };
    at({}, 16);
    for (const c of plan) {
      at({}, Math.ceil((c.delayMs + 400) / 50));
      at(ACT[c.kind], c.kind === 'blink' ? 3 : 4);
      at({}, 4);
    }
    at({}, 30);
    return frames;
  }
  it('passes and auto-captures a portrait once all checks hold', () => {
    const { last, captures } = run(7, cooperative(7));
    expect(last.verdict).toEqual({ status: 'pass' });
    expect(last.captured).toBe(true);
    expect(captures).toBe(1);
  });
  it('passes a cooperative subject whatever the seed (simulated clock, ~20 fps, 400 ms reactions)', () => {
    const times: number[] = [];
    for (let seed = 100; seed < 130; seed++) {
      const frames = cooperative(seed);
      const s = new LivenessSession(seed);
      const done = frames.find((f) => s.push(f).verdict.status !== 'pending');
      expect(s.evidenceJson().verdict).toEqual({ status: 'pass' });
      times.push(done?.t ?? Infinity);
    }
    // Simulated time from the first face to the verdict: the design budget, not a wall-clock measurement.
    expect(Math.max(...times)).toBeLessThan(7000);
  });
  it('on a slow CPU (one analysed frame every 150 ms), the pause before each prompt counts from the pass, not from the next analysed frame', () => {
    const seed = 7;
    const plan = new LivenessSession(seed).challengePlan;
    const s = new LivenessSession(seed);
    let t = 0;
    const step = (over: Parameters<typeof face>[0] = {}) => s.push(frame((t += 150), jitter(t, face(over))));
    const untilPrompt = () => {
      for (let n = 0; n < 100; n++) if (step().challenge?.step.status === 'active') return;
      throw new Error('the prompt never appeared');
    };
    for (let i = 0; i < 12; i++) step();
    for (const c of plan) {
      untilPrompt();
      step(); // a human reaction time (a movement within 250 ms of the prompt is not a reaction)
      for (let i = 0; i < (c.kind === 'blink' ? 1 : 2); i++) step(ACT[c.kind]);
      step();
    }
    const ev = s.evidenceJson().events;
    expect(ev.filter((e) => e.type === 'challenge_pass')).toHaveLength(3);
    const starts = ev.filter((e) => e.type === 'challenge_start').map((e) => e.t);
    const passes = ev.filter((e) => e.type === 'challenge_pass').map((e) => e.t);
    // Prompt 2 and 3 appear at the first frame after pass + pause: less than one frame interval late.
    for (const i of [1, 2]) expect((starts[i] ?? 0) - (passes[i - 1] ?? 0) - (plan[i]?.delayMs ?? 0)).toBeLessThan(150);
  });
  it('fails when the face is lost in the middle', () => {
    // Lost for 1.3 s from 1.1 s, while the first prompt (at ~0.9 s) is still within its reaction window.
    const frames = cooperative(7).map((f) => (f.t > 1100 && f.t < 2400 ? frame(f.t, null) : f));
    expect(run(7, frames).last.verdict).toEqual({ status: 'fail', reason: 'face_lost' });
  });
  it('fails when a second face appears', () => {
    const frames = cooperative(7).map((f) => (f.t > 1500 && f.t < 2000 ? { ...f, faceCount: 2 } : f));
    expect(run(7, frames).last.verdict).toEqual({ status: 'fail', reason: 'multiple_faces' });
  });
  it('ignores a one-frame second-face glitch', () => {
    const frames = cooperative(7).map((f) => (f.t === 1500 ? { ...f, faceCount: 2 } : f));
    expect(run(7, frames).last.verdict).toEqual({ status: 'pass' });
  });
  it('holds the challenges and says "move closer" while the face is too small', () => {
    const small = (t: number) => frame(t, jitter(t, face({ eyeRight: [300, 220], eyeLeft: [340, 220] })));
    const s = new LivenessSession(7);
    let last: SessionState | null = null;
    for (let t = 0; t < 3000; t += 50) last = s.push(small(t));
    expect(last).toMatchObject({ phase: 'baseline', challenge: null, hint: 'moveCloser' });
  });
});
