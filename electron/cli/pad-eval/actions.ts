// pad:eval labels by actions: a recorded clip says what its subject does ("actions": ["turnLeft",
// "turnRight", "openMouth"]) rather than which seed matches it, so it keeps working whatever the
// planner. The clip is played `SEARCH_SLOW` times slower through the real pipeline (every frame
// analysed, whatever the load; the recorded times divided back), and the PAD page simulates the
// planner's seeds over that recording (renderer/src/liveness/seedSearch.ts): a seed whose plan is
// exactly those actions, in that order, with the most margin for the reaction window.
import { chromium } from '@playwright/test';
import { findChromium } from '../../browser/chromium';
import { chromiumArgs } from './page';
import { toY4m } from './y4m';

/** Played this many times slower when recorded (30, 15 and 10 fps then stay whole numbers: 6, 3, 2). */
export const SEARCH_SLOW = 5;

export interface SeedCandidate {
  seed: number;
  /** Perturbed replays of the recording passed (1 = all: a late clock, a late start, lost frames). */
  margin: number;
  /** First face -> verdict on the recording, ms. */
  ms: number;
}

/** The seed to use, or an error that says why there is none. */
export function pickSeed(file: string, actions: readonly string[], found: readonly SeedCandidate[]): SeedCandidate {
  const best = [...found].sort((a, b) => b.margin - a.margin || a.seed - b.seed)[0];
  if (!best) throw new Error(`${file}: no seed asks ${actions.join(', ')} at times this clip satisfies (does its subject do exactly these, in this order, each within the reaction window of the last?)`);
  return best;
}

export interface ActionClip {
  file: string;
  actions: readonly string[];
  fps?: number | undefined;
  maxMs?: number | undefined;
  shrink?: number | undefined;
  /** Extra ffmpeg filter before the slow-down (the entry's own noise, say). */
  preFilter?: string | undefined;
}

/** Records the clip slowed down and asks the PAD page for the seeds that fit its actions. */
export async function findActionSeeds(baseUrl: string, path: string, cacheDir: string, c: ActionClip): Promise<SeedCandidate[]> {
  const fps = (c.fps ?? 30) / SEARCH_SLOW;
  const preFilter = [c.preFilter, `setpts=${SEARCH_SLOW}*PTS`].filter(Boolean).join(',');
  const y4m = await toY4m(path, cacheDir, { preFilter, fps, shrink: c.shrink, tag: `slow${SEARCH_SLOW}` });
  const maxMs = (c.maxMs ?? 12000) * SEARCH_SLOW;
  const browser = await chromium.launch({ executablePath: findChromium() ?? '/usr/bin/chromium', args: chromiumArgs(y4m) });
  try {
    const page = await browser.newPage();
    const q = new URLSearchParams({ seed: '1', maxMs: String(maxMs), record: '1', full: '1' });
    await page.goto(`${baseUrl}/index.html?${q.toString()}`);
    await page.waitForFunction(() => (globalThis as unknown as { __pad?: { done: boolean } }).__pad?.done === true, undefined, { timeout: maxMs + 60000, polling: 500 });
    const actions = [...c.actions];
    return await page.evaluate(([a, slow]) => (globalThis as unknown as { __padFindSeeds: (a: string[], s: number) => SeedCandidate[] }).__padFindSeeds(a, slow), [actions, SEARCH_SLOW] as const);
  } finally {
    await browser.close();
  }
}
