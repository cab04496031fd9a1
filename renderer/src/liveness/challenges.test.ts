import { describe, expect, it } from 'vitest';
import { ChallengeTracker, planChallenges, CHALLENGE, CHALLENGE_KINDS, type ChallengePlan } from './challenges';
import type { Baseline } from './motions';
import { seededRng } from './rng';
import { face } from './testkit';

const plan = (kind: ChallengePlan['kind']): ChallengePlan => ({ kind, delayMs: 300, reactionMs: 1500, timeoutMs: 3000 });
const BASE: Baseline = { yaw: 0, pitch: 0, blink: 0.05, jaw: 0.02 };

/** Drives a tracker created at 0 (prompt at 300 ms): first a rest frame, then the given frames. */
function drive(tr: ChallengeTracker, seq: [number, Partial<Parameters<typeof face>[0]>][]) {
  let last = tr.activeSince === null ? tr.push(0, face()) : null;
  for (const [t, over] of seq) last = tr.push(t, face(over));
  if (!last) throw new Error('no frames');
  return last;
}

describe('challenge plan', () => {
  it('is three different actions out of six, fixed by the seed', () => {
    const a = planChallenges(seededRng(42));
    expect(a).toHaveLength(3);
    expect(new Set(a.map((c) => c.kind)).size).toBe(3);
    expect(planChallenges(seededRng(42))).toEqual(a);
    const orders = new Set(Array.from({ length: 3000 }, (_, s) => planChallenges(seededRng(s)).map((c) => c.kind).join()));
    expect(orders.size).toBe(6 * 5 * 4);
    const kinds = new Set(Array.from({ length: 50 }, (_, s) => planChallenges(seededRng(s)).map((c) => c.kind)).flat());
    expect([...kinds].sort()).toEqual([...CHALLENGE_KINDS].sort());
  });
  it('randomises the pause before each prompt within bounds', () => {
    const delays = Array.from({ length: 30 }, (_, s) => planChallenges(seededRng(s)).map((c) => c.delayMs)).flat();
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(CHALLENGE.minDelayMs);
    expect(Math.max(...delays)).toBeLessThanOrEqual(CHALLENGE.maxDelayMs);
    expect(new Set(delays).size).toBeGreaterThan(20);
  });
});

describe('challenge tracker', () => {
  it('waits for the random pause before the prompt is active', () => {
    const tr = new ChallengeTracker(plan('blink'), BASE, 0);
    expect(tr.push(100, face()).status).toBe('waiting');
    expect(tr.push(350, face()).status).toBe('active');
  });
  it('passes a blink: close above threshold then reopen', () => {
    const tr = new ChallengeTracker(plan('blink'), BASE, 0);
    expect(drive(tr, [[400, {}], [700, { blinkL: 0.7, blinkR: 0.6 }], [750, { blinkL: 0.1, blinkR: 0.1 }]]).status).toBe('passed');
  });
  it('measures the blink against the baseline: narrow eyes at rest need a larger rise', () => {
    const tr = new ChallengeTracker(plan('blink'), { ...BASE, blink: 0.4 }, 0);
    const s = drive(tr, [[400, { blinkL: 0.4, blinkR: 0.4 }], [700, { blinkL: 0.6, blinkR: 0.6 }], [750, { blinkL: 0.4, blinkR: 0.4 }]]);
    expect(s.status).toBe('active');
  });
  it("maps turn-left to the citizen's left: positive yaw relative to the baseline", () => {
    const left = new ChallengeTracker(plan('turnLeft'), { ...BASE, yaw: 3 }, 0);
    expect(drive(left, [[400, { yaw: 4 }], [700, { yaw: 14 }], [750, { yaw: 15 }]]).status).toBe('passed');
    const right = new ChallengeTracker(plan('turnRight'), { ...BASE, yaw: 3 }, 0);
    expect(drive(right, [[400, { yaw: 2 }], [700, { yaw: -8 }], [750, { yaw: -9 }]]).status).toBe('passed');
  });
  it('looks up (negative pitch) and down (positive pitch) relative to the resting pitch', () => {
    const up = new ChallengeTracker(plan('lookUp'), { ...BASE, pitch: 5 }, 0);
    expect(drive(up, [[400, { pitch: 5 }], [700, { pitch: -6 }], [750, { pitch: -8 }]]).status).toBe('passed');
    const down = new ChallengeTracker(plan('lookDown'), { ...BASE, pitch: 5 }, 0);
    expect(drive(down, [[400, { pitch: 5 }], [700, { pitch: 16 }], [750, { pitch: 17 }]]).status).toBe('passed');
  });
  it('opens the mouth: jawOpen well above the resting jaw, held two frames', () => {
    const tr = new ChallengeTracker(plan('openMouth'), BASE, 0);
    expect(drive(tr, [[400, {}], [700, { jawOpen: 0.6 }]]).status).toBe('active');
    expect(drive(tr, [[750, { jawOpen: 0.65 }]]).status).toBe('passed');
    // Talking at rest (a resting jaw of 0.3) raises the bar.
    const talker = new ChallengeTracker(plan('openMouth'), { ...BASE, jaw: 0.3 }, 0);
    expect(drive(talker, [[400, { jawOpen: 0.3 }], [700, { jawOpen: 0.55 }], [750, { jawOpen: 0.58 }]]).status).toBe('active');
  });
  it('fails a different head movement inside the step, naming it', () => {
    const tr = new ChallengeTracker(plan('turnRight'), BASE, 0);
    expect(drive(tr, [[400, { yaw: 5 }], [700, { yaw: 12 }], [750, { yaw: 13 }]])).toMatchObject({ status: 'failed', failure: 'wrong_move', seen: 'turnLeft' });
    const blink = new ChallengeTracker(plan('blink'), BASE, 0);
    expect(drive(blink, [[400, {}], [700, { pitch: -11 }], [750, { pitch: -12 }]])).toMatchObject({ status: 'failed', failure: 'wrong_move', seen: 'lookUp' });
  });
  it('does not count a blink or talking as a wrong movement in a head step', () => {
    const tr = new ChallengeTracker(plan('turnLeft'), BASE, 0);
    expect(drive(tr, [[400, {}], [600, { blinkL: 0.9, blinkR: 0.9, jawOpen: 0.7 }], [700, { jawOpen: 0.6 }], [900, { yaw: 12 }], [950, { yaw: 14 }]]).status).toBe('passed');
  });
  it('lets the head tip back a little while the mouth opens wide', () => {
    const tr = new ChallengeTracker(plan('openMouth'), BASE, 0);
    expect(drive(tr, [[400, {}], [700, { jawOpen: 0.7, pitch: -11 }], [750, { jawOpen: 0.75, pitch: -12 }]]).status).toBe('passed');
  });
  it('ignores movement already under way when the prompt appears (counts only after a rest frame)', () => {
    const tr = new ChallengeTracker(plan('turnRight'), BASE, 0);
    // Still turned to the left from before: neither a wrong-move failure nor progress.
    expect(drive(tr, [[400, { yaw: 14 }], [450, { yaw: 12 }]]).status).toBe('active');
    expect(drive(tr, [[500, { yaw: 2 }], [750, { yaw: -12 }], [800, { yaw: -13 }]]).status).toBe('passed');
  });
  it('reaction window: a movement that starts later than reactionMs after the prompt does not count', () => {
    const tr = new ChallengeTracker(plan('turnLeft'), BASE, 0);
    expect(drive(tr, [[400, {}], [1700, {}], [1950, { yaw: 12 }]])).toMatchObject({ status: 'failed', failure: 'no_reaction' });
    const inTime = new ChallengeTracker(plan('turnLeft'), BASE, 0);
    expect(drive(inTime, [[400, {}], [1700, { yaw: 7 }], [1850, { yaw: 11 }], [1900, { yaw: 12 }]]).status).toBe('passed');
  });
  it('with a live camera on a busy PC the reaction window counts from when the prompt was shown', () => {
    // The prompt's frame (t 400) reached the screen 1.2 s later (t 1600 on the same clock).
    const late = new ChallengeTracker(plan('turnLeft'), BASE, 0);
    late.push(0, face());
    late.push(400, face(), 1600);
    expect(late.push(2200, face())).toMatchObject({ status: 'active' });
    expect(late.push(2700, face({ yaw: 11 })).status).toBe('active');
    expect(late.push(2750, face({ yaw: 12 })).status).toBe('passed');
    // Counted from the frame instead, the same reaction is too late.
    const byFrame = new ChallengeTracker(plan('turnLeft'), BASE, 0);
    byFrame.push(0, face());
    byFrame.push(400, face());
    expect(byFrame.push(2200, face())).toMatchObject({ status: 'failed', failure: 'no_reaction' });
  });
  it('a movement starting sooner than a person can react is ignored until the head is back at rest', () => {
    const tr = new ChallengeTracker(plan('turnLeft'), BASE, 0);
    // Prompt at 300: the turn is under way at 350 (50 ms later), so it does not count...
    expect(drive(tr, [[300, {}], [350, { yaw: 8 }], [400, { yaw: 12 }], [450, { yaw: 13 }]]).status).toBe('active');
    // ...a real reaction after coming back does.
    expect(drive(tr, [[600, { yaw: 1 }], [900, { yaw: 11 }], [950, { yaw: 12 }]]).status).toBe('passed');
  });
  it('a head movement during the pause fails the step (early_move), except the way back from the previous step', () => {
    // Created on the frame that passed the left turn: the head is still out, then comes back.
    const tr = new ChallengeTracker(plan('blink'), BASE, 0, 'turnLeft');
    for (const [t, yaw] of [[0, 14], [50, 25], [100, 18], [150, 8]] as const) expect(tr.push(t, face({ yaw })).status).toBe('waiting');
    // Once back, turning that way again is a movement like any other.
    expect(tr.push(200, face({ yaw: 12 })).status).toBe('waiting');
    expect(tr.push(250, face({ yaw: 13 }))).toMatchObject({ status: 'failed', failure: 'early_move', seen: 'turnLeft' });
    const early = new ChallengeTracker(plan('blink'), BASE, 0, 'turnLeft');
    expect(drive(early, [[100, { pitch: 12 }], [150, { pitch: 13 }]])).toMatchObject({ status: 'failed', failure: 'early_move', seen: 'lookDown' });
  });
  it('times out when a movement started but never reached its goal', () => {
    const tr = new ChallengeTracker(plan('turnLeft'), BASE, 0);
    expect(drive(tr, [[400, {}], [800, { yaw: 7 }], [2000, { yaw: 8 }], [3500, { yaw: 8 }]])).toMatchObject({ status: 'failed', failure: 'timeout' });
  });
});
