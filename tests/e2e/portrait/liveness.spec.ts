// The real liveness pipeline (worker + FaceLandmarker + session) on Chromium's fake camera.
// Verdicts only; no wall-clock assertions.
import { test, expect } from '@playwright/test';
import { closeAll, D12_LEAD_IN, D12_SEED, facesAvailable, padRun } from './support';

// D12_SEED asks turn left, turn right, open the mouth: what the d12 subject does after the clip's
// lead-in, with margin for a late camera clock, a late start and lost frames (support.ts).

test.skip(!facesAvailable(), 'shared face media not present (set FACES_DIR)');
test.afterAll(closeAll);

test('a genuine clip passes when the seeded challenge order matches what the person does', async () => {
  const r = await padRun('video/liveportrait_d12.mp4', D12_SEED, D12_LEAD_IN);
  expect(r.error).toBeNull();
  expect(r.engine).toBe('worker');
  expect(r.verdict, JSON.stringify(r.evidence)).toBe('pass');
});

test('the same genuine clip replayed against a different challenge order is rejected', async () => {
  const r = await padRun('video/liveportrait_d12.mp4', 1, D12_LEAD_IN);
  expect(r.verdict).toBe('fail');
});

for (const [name, file] of [
  ['a still photo', 'photos/biden2.jpg'],
  ['the printed photo held in a hand', 'photos/liveportrait_s11_printed_photo_in_hand.jpg'],
] as const) {
  test(`${name} never passes`, async () => {
    for (const seed of [D12_SEED, 7]) {
      const r = await padRun(file, seed);
      expect(r.verdict).not.toBe('pass');
    }
  });
}

test('a looped still (a one-second clip of a photo, replayed by the camera) never passes', async () => {
  const r = await padRun('photos/obama_small.jpg', D12_SEED, { stillSeconds: 1, tag: 'loop1s' });
  expect(r.verdict).not.toBe('pass');
  expect(['frozen_frame', 'no_micro_motion', 'replay_loop']).toContain(r.reason);
});

test('a still photo with sensor noise (no frame ever repeats) never passes: the challenges reject it', async () => {
  const r = await padRun('photos/biden2.jpg', 5, { preFilter: 'noise=alls=6:allf=t', tag: 'noise' });
  expect(r.verdict).not.toBe('pass');
  expect(r.reason).not.toBe('frozen_frame');
});
