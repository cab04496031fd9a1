import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumArgs, PAD_BUILD, PROJECT_ROOT, runPad, Y4M_CACHE, type PadOutcome } from '../../../electron/cli/pad-eval/page';
import { serveStatic, type StaticServer } from '../../../electron/cli/pad-eval/serve';
import { toY4m, type Y4mOptions } from '../../../electron/cli/pad-eval/y4m';
import { CHROMIUM_PATH } from '../../support/chromium';
import { sharedPath } from '../../support/shared-dir';

export const FACES = process.env.FACES_DIR ?? sharedPath('faces');
export const PORTRAIT_CONFIG = `${PROJECT_ROOT}renderer/src/screens/portrait/dev/vite.config.mjs`;
export const PORTRAIT_BUILD = `${PROJECT_ROOT}.cache/portrait-build`;

export function facesAvailable(): boolean {
  return existsSync(join(FACES, 'video/liveportrait_d12.mp4'));
}

/**
 * The fake camera's frame rate in the e2e tests. 15 fps rather than a webcam's 30: on a loaded
 * 2-core machine the face engine (60–110 ms a frame there, 25 ms idle) then analyses every frame or
 * nearly, so the verdict on a recorded clip does not depend on which frames a busy CPU skipped.
 * From the 25 fps sources no two consecutive frames are both dropped, so a 2-frame blink stays visible.
 */
export const E2E_FPS = 15;

/**
 * The challenge seed whose plan is what the d12 subject does once the clip runs after its lead-in:
 * turn left, turn right, open the mouth (found by simulation over the clip's recorded landmarks with
 * the most margin against a late camera clock, a late start and lost frames: renderer/src/liveness/
 * seedSearch.ts; session.test.ts pins it). The retry of a failed session uses seed + 1, + 2...
 */
export const D12_SEED = 8504;

/** Source frames (25 fps) of the lead-in: 0.8 s of the clip's first frame held, before the clip. */
export const LEAD_IN_FRAMES = 20;

/** Horizontal and vertical sway in source pixels, as functions of the frame number `in`. */
const DX = '(2.2*sin(2*PI*in/52)+0.9*sin(2*PI*in/19+0.7))';
const DY = '(1.4*sin(2*PI*in/37+1.3)+0.5*sin(2*PI*in/11))';

/**
 * ffmpeg filter chain (one input) holding source frame `frame` for `count` frames, as a person sitting
 * still in front of a real camera: a slow, non-periodic sub-pixel sway of a few pixels (the perspective
 * filter resamples the frame each time) and temporal sensor noise, so no frame repeats another
 * (no frozen_frame, no replay_loop) and the eyes move by about ±2 px (no no_micro_motion).
 */
export function stillChain(frame: number, count: number): string {
  const sway = `perspective=x0='${DX}':y0='${DY}':x1='W+${DX}':y1='${DY}':x2='${DX}':y2='H+${DY}':x3='W+${DX}':y3='H+${DY}':interpolation=linear:eval=frame`;
  return [`trim=start_frame=${frame}:end_frame=${frame + 1}`, `loop=loop=${count - 1}:size=1:start=0`, 'setpts=N/25/TB', sway, 'noise=alls=5:allf=t'].join(',');
}

/**
 * The d12 clip after a 0.8 s lead-in of its first frame held still. Without it the subject's first
 * turn comes 0.65 s after the session's 0.5 s baseline, so whether the first prompt precedes it by a
 * human reaction time (and lies inside the reaction window) would hang on how late the first frames
 * reach the page; with it, a citizen who sits down, holds still, then follows the prompts.
 */
export const D12_LEAD_IN: Y4mOptions = { preFilter: `split[clip][src];[src]${stillChain(0, LEAD_IN_FRAMES)}[lead];[lead][clip]concat=n=2:v=1:a=0`, tag: 'lead' };

export async function y4m(rel: string, opts: Y4mOptions = {}): Promise<string> {
  return toY4m(join(FACES, rel), Y4M_CACHE, { fps: E2E_FPS, ...opts });
}

let pad: StaticServer | null = null;
/** `full`: keep observing until maxMs after the liveness verdict (for checks made on every frame). */
export async function padRun(rel: string, seed: number, opts: Y4mOptions & { maxMs?: number; portrait?: boolean; full?: boolean } = {}): Promise<PadOutcome> {
  pad ??= await serveStatic(PAD_BUILD);
  const { maxMs, portrait, full, ...conv } = opts;
  return runPad(pad.url, await y4m(rel, conv), { seed, maxMs: maxMs ?? 10000, portrait: portrait === true, full: full === true });
}

export async function openPortrait(rel: string, query: Record<string, string>, opts: Y4mOptions = {}): Promise<{ browser: Browser; page: Page; server: StaticServer }> {
  const server = await serveStatic(PORTRAIT_BUILD);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs(await y4m(rel, opts)) });
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await page.goto(`${server.url}/index.html?${new URLSearchParams(query).toString()}`);
  return { browser, page, server };
}

export async function closeAll(): Promise<void> {
  await pad?.close();
  pad = null;
}

/** Long enough for a loaded 2-core machine: the d12 clip's verdict comes ~5 s of camera time after the first face. */
export const VERDICT_TIMEOUT_MS = 90_000;

/**
 * Waits for the portrait step's liveness verdict, then requires a pass (naming the reason when it
 * failed). The session's clock is the camera's frame time, so a loaded machine delays the verdict
 * without changing it: wait generously for the verdict itself, never for a fixed time.
 */
export async function expectLivenessPass(page: Page): Promise<void> {
  const step = page.locator('.portrait-step');
  await expect(step).toHaveAttribute('data-verdict', /^(pass|fail)$/, { timeout: VERDICT_TIMEOUT_MS });
  const reason = await step.getAttribute('data-reason');
  expect(await step.getAttribute('data-verdict'), `liveness verdict (reason: ${reason ?? 'none'})`).toBe('pass');
}
