/**
 * A fake-camera input for the end of the portrait step: the shared d12 clip (a real person who
 * blinks, turns right, turns left: the order ?seed=319 asks for), followed by 3 s of the same
 * person holding still, frontal, eyes open and mouth closed, as a cooperative citizen does once the
 * prompts stop.
 *
 * The clip itself never holds such a pose for 500 ms, so the hold is made from its own frame 100
 * (4.00 s; measured by the pipeline: yaw −3°, pitch 4°, roll 5°, mouth and eyes within limits, the
 * 3.9–4.1 s span of the recorded fixture renderer/src/liveness/fixtures/genuine-d12.json),
 * repeated for 75 frames (3 s at the source's 25 fps) with a slow, non-periodic sub-pixel sway of a few pixels (the
 * perspective filter resamples the frame each time) and temporal sensor noise, so the passive
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
import { E2E_FPS } from '../portrait/support';

export const D12_CLIP = sharedPath('faces', 'video', 'liveportrait_d12.mp4');

/** The source frame of the hold (25 fps numbering) and its length in source frames. */
export const HOLD_FRAME = 100;
export const HOLD_FRAMES = 75;

/** Horizontal and vertical sway in source pixels, as functions of the frame number `in`. */
const DX = '(2.2*sin(2*PI*in/52)+0.9*sin(2*PI*in/19+0.7))';
const DY = '(1.4*sin(2*PI*in/37+1.3)+0.5*sin(2*PI*in/11))';

/** The ffmpeg filter graph (one input, one output) placed before toY4m's letterbox. */
export function holdFilter(): string {
  const sway = `perspective=x0='${DX}':y0='${DY}':x1='W+${DX}':y1='${DY}':x2='${DX}':y2='H+${DY}':x3='W+${DX}':y3='H+${DY}':interpolation=linear:eval=frame`;
  const hold = [
    `trim=start_frame=${HOLD_FRAME}:end_frame=${HOLD_FRAME + 1}`,
    `loop=loop=${HOLD_FRAMES - 1}:size=1:start=0`,
    'setpts=N/25/TB',
    sway,
    'noise=alls=5:allf=t',
  ].join(',');
  return `split[clip][src];[src]${hold}[hold];[clip][hold]concat=n=2:v=1:a=0`;
}

/** The y4m (640x480, E2E_FPS) of the clip followed by the hold: about 10.3 s, looped by the camera. */
export function cooperativeHoldY4m(): Promise<string> {
  return toY4m(D12_CLIP, Y4M_CACHE, { preFilter: holdFilter(), tag: 'hold', fps: E2E_FPS });
}

/** The d12 clip alone, at the e2e tests' camera frame rate. */
export function d12Y4m(): Promise<string> {
  return toY4m(D12_CLIP, Y4M_CACHE, { fps: E2E_FPS });
}

/** A headless Chromium whose fake camera plays the clip and the hold. */
export async function holdCameraBrowser(): Promise<Browser> {
  const y4m = await cooperativeHoldY4m();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`],
  });
}
