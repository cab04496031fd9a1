// Builds the PAD page (the real renderer liveness code) and runs one y4m through it in Chromium.
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { findChromium } from '../../browser/chromium';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const PAD_CONFIG = `${PROJECT_ROOT}renderer/src/liveness/pad/vite.config.mjs`;
export const PAD_BUILD = `${PROJECT_ROOT}.cache/pad-build`;
export const Y4M_CACHE = `${PROJECT_ROOT}.cache/y4m`;

export async function buildPadPage(): Promise<string> {
  await build({ configFile: PAD_CONFIG, logLevel: 'warn' });
  return PAD_BUILD;
}

/** What the page leaves on window.__pad (see renderer/src/liveness/pad/pad.ts). */
export interface PadOutcome {
  done: boolean;
  error: string | null;
  engine: 'worker' | 'main' | null;
  verdict: string;
  reason: string | null;
  faceToVerdictMs: number | null;
  hints: string[];
  failedChecks: string[];
  frames: number;
  /** Frames the camera delivered, dropped by the queue, and the longest gap between two (renderer/src/liveness/loop.ts). */
  loop: { source: 'track' | 'video' | null; dropped: number; received: number; maxGapMs: number };
  inferMs: number[];
  /** variants=1: each screen-cue variant's verdict on the same frames ('pass', 'fail:<reason>', 'timeout'). */
  variants: Record<string, string>;
  /** variants=1: per screen cue, ms from the first face until its score alone reached 1 (null: never). */
  cueFired: Record<string, number | null>;
  /** Per analysed frame with a face: [periodic, bezel, cue ms] (renderer/src/liveness/screenCues.ts). */
  cues: number[][];
  fps: number;
  evidence: unknown;
  recorded: unknown[];
  portrait: { bytes: number; type: string; dataUrl: string } | null;
  pose: number[][];
}

export function chromiumArgs(y4m: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${y4m}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ];
}

export interface RunOptions {
  seed: number;
  maxMs?: number;
  record?: boolean;
  worker?: boolean;
  /** Keep observing until maxMs even after a verdict (fixture recording). */
  full?: boolean;
  /** Also run sessions with each screen-cue variant on the same frames (PadOutcome.variants). */
  variants?: boolean;
  /** Render the ICAO portrait of the first face (PadOutcome.portrait). */
  portrait?: boolean;
  /** Thin the frames as the kiosk does with a live camera (bounded backlog, frames dropped when
   *  analysis falls behind) instead of analysing every frame of the file: for runs under load. */
  live?: boolean;
}

export async function runPad(baseUrl: string, y4m: string, opts: RunOptions): Promise<PadOutcome> {
  const browser = await chromium.launch({ executablePath: findChromium() ?? '/usr/bin/chromium', args: chromiumArgs(y4m) });
  try {
    const page = await browser.newPage();
    const maxMs = opts.maxMs ?? 12000;
    const q = new URLSearchParams({ seed: String(opts.seed), maxMs: String(maxMs), record: opts.record ? '1' : '0', worker: opts.worker === false ? '0' : '1', full: opts.full ? '1' : '0', portrait: opts.portrait ? '1' : '0', variants: opts.variants ? '1' : '0', every: opts.live ? '0' : '1' });
    await page.goto(`${baseUrl}/index.html?${q.toString()}`);
    // Functions, not strings: the page's CSP forbids string evaluation. Typed via globalThis
    // because this file is compiled for Node, without DOM types.
    await page.waitForFunction(() => (globalThis as unknown as { __pad?: { done: boolean } }).__pad?.done === true, undefined, { timeout: maxMs + 60000, polling: 250 });
    return await page.evaluate(() => JSON.parse(JSON.stringify((globalThis as unknown as { __pad: unknown }).__pad)) as PadOutcome);
  } finally {
    await browser.close();
  }
}
