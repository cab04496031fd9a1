import { describe, expect, it } from 'vitest';
import { ChallengeTracker, planChallenges, CHALLENGE, type ChallengePlan } from './challenges';
import { seededRng } from './rng';
import { face } from './testkit';

const plan = (kind: ChallengePlan['kind']): ChallengePlan => ({ kind, delayMs: 300, timeoutMs: 4000 });

function drive(tr: ChallengeTracker, seq: [number, Partial<Parameters<typeof face>[0]>][]) {
  let last = tr.push(0, face());
  for (const [t, over] of seq) last = tr.push(t, face(over));
  return last;
}

describe('challenge plan', () => {
  it('is a permutation of the three challenges, fixed by the seed', () => {
    const a = planChallenges(seededRng(42));
    expect(a.map((c) => c.kind).sort()).toEqual(['blink', 'turnLeft', 'turnRight']);
    expect(planChallenges(seededRng(42))).toEqual(a);
    const orders = new Set(Array.from({ length: 40 }, (_, s) => planChallenges(seededRng(s)).map((c) => c.kind).join()));
    expect(orders.size).toBe(6);
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
    const tr = new ChallengeTracker(plan('blink'), { yaw: 0, blink: 0.05 }, 0);
    expect(tr.push(100, face()).status).toBe('waiting');
    expect(tr.push(350, face()).status).toBe('active');
  });
  it('passes a blink: close above threshold then reopen', () => {
    const tr = new ChallengeTracker(plan('blink'), { yaw: 0, blink: 0.05 }, 0);
    expect(drive(tr, [[400, {}], [450, { blinkL: 0.7, blinkR: 0.6 }], [500, { blinkL: 0.1, blinkR: 0.1 }]]).status).toBe('passed');
  });
  it('measures the blink against the baseline: narrow eyes at rest need a larger rise', () => {
    const tr = new ChallengeTracker(plan('blink'), { yaw: 0, blink: 0.4 }, 0);
    const s = drive(tr, [[400, { blinkL: 0.4, blinkR: 0.4 }], [450, { blinkL: 0.6, blinkR: 0.6 }], [500, { blinkL: 0.4, blinkR: 0.4 }]]);
    expect(s.status).toBe('active');
  });
  it("maps turn-left to the citizen's left: positive yaw relative to the baseline", () => {
    const left = new ChallengeTracker(plan('turnLeft'), { yaw: 3, blink: 0.05 }, 0);
    expect(drive(left, [[400, { yaw: 4 }], [450, { yaw: 14 }], [500, { yaw: 15 }]]).status).toBe('passed');
    const right = new ChallengeTracker(plan('turnRight'), { yaw: 3, blink: 0.05 }, 0);
    expect(drive(right, [[400, { yaw: -3 }], [450, { yaw: -8 }], [500, { yaw: -9 }]]).status).toBe('passed');
  });
  it('fails a turn the wrong way (a replayed clip does not follow the prompt)', () => {
    const tr = new ChallengeTracker(plan('turnRight'), { yaw: 0, blink: 0.05 }, 0);
    const s = drive(tr, [[400, { yaw: 5 }], [450, { yaw: 12 }]]);
    expect(s).toMatchObject({ status: 'failed', failure: 'wrong_direction' });
  });
  it('ignores movement already under way when the prompt appears (counts only after a neutral frame)', () => {
    const tr = new ChallengeTracker(plan('turnRight'), { yaw: 0, blink: 0.05 }, 0);
    // Still turned to the left from before: neither a wrong-direction failure nor progress.
    expect(drive(tr, [[400, { yaw: 14 }], [450, { yaw: 12 }]]).status).toBe('active');
    expect(drive(tr, [[500, { yaw: 2 }], [550, { yaw: -12 }], [600, { yaw: -13 }]]).status).toBe('passed');
  });
  it('times out when nothing happens', () => {
    const tr = new ChallengeTracker(plan('blink'), { yaw: 0, blink: 0.05 }, 0);
    expect(drive(tr, [[400, {}], [2000, {}], [4800, {}]])).toMatchObject({ status: 'failed', failure: 'timeout' });
  });
});
