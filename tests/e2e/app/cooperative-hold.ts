/**
 * A fake-camera input for the whole portrait step: 0.8 s of the shared d12 clip's first frame held
 * still (the lead-in, ../portrait/support.ts), the clip (a real person who turns left, right, then
 * opens the mouth: the plan ?seed=D12_SEED asks for), then 3 s of the same person holding still,
 * frontal, eyes open and mouth closed, as a cooperative citizen does once the prompts stop.
 *
 * The clip itself never holds such a pose for 500 ms, so the hold is made from its own frame 100
 * (4.00 s; measured by the pipeline: yaw −3°, pitch 4°, roll 5°, mouth and eyes within limits, the
 * 3.9–4.1 s span of the recorded fixture renderer/src/liveness/fixtures/genuine-d12.json),
 * repeated for 75 frames (3 s at the source's 25 fps) with a slow, non-periodic sub-pixel sway of a few pixels (the
 * perspective filter resamples the frame each time, stillChain()) and temporal sensor noise, so the passive
 * checks see what a real camera delivers: every frame differs (no frozen_frame), no frame repeats
 * an earlier one (no replay_loop), and the eyes move by about ±2 px (no no_micro_motion).
 * No threshold is relaxed; the clip part is the same as the one the liveness e2e test plays.
 *
 * Made with ffmpeg at test time from ../shared/faces and cached in .cache/y4m (the cache key
 * includes the filter, so changing it makes a new file).
 */
import { chromium, type Browser } from '@playwright/test';
import { Y4M_CACHE } from '../../../electron/cli/pad-eval/page';
import { toY4m } from '../../../electron/cli/pad-eval/y4m';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import { sharedPath } from '../../support/shared-dir';
import { D12_LEAD_IN, E2E_FPS, LEAD_IN_FRAMES, stillChain } from '../portrait/support';

export { D12_SEED } from '../portrait/support';

export const D12_CLIP = sharedPath('faces', 'video', 'liveportrait_d12.mp4');

/** The source frame of the hold (25 fps numbering) and its length in source frames. */
export const HOLD_FRAME = 100;
export const HOLD_FRAMES = 75;

/** The ffmpeg filter graph (one input, one output) placed before toY4m's letterbox: the lead-in, the clip, the hold. */
export function holdFilter(): string {
  return `split=3[clip][a][b];[a]${stillChain(0, LEAD_IN_FRAMES)}[lead];[b]${stillChain(HOLD_FRAME, HOLD_FRAMES)}[hold];[lead][clip][hold]concat=n=3:v=1:a=0`;
}

/** The y4m (640x480, E2E_FPS) of the lead-in, the clip and the hold: about 11.1 s, looped by the camera. */
export function cooperativeHoldY4m(): Promise<string> {
  return toY4m(D12_CLIP, Y4M_CACHE, { preFilter: holdFilter(), tag: 'hold', fps: E2E_FPS });
}

/** The d12 clip after its lead-in (no hold), at the e2e tests' camera frame rate. */
export function d12Y4m(): Promise<string> {
  return toY4m(D12_CLIP, Y4M_CACHE, { ...D12_LEAD_IN, fps: E2E_FPS });
}

/** A headless Chromium whose fake camera plays the clip and the hold. */
export async function holdCameraBrowser(): Promise<Browser> {
  const y4m = await cooperativeHoldY4m();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
  });
}
