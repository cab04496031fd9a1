import { chromium, type Browser, type Page } from '@playwright/test';
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

export async function y4m(rel: string, opts: Y4mOptions = {}): Promise<string> {
  return toY4m(join(FACES, rel), Y4M_CACHE, opts);
}

let pad: StaticServer | null = null;
export async function padRun(rel: string, seed: number, opts: Y4mOptions & { maxMs?: number; portrait?: boolean } = {}): Promise<PadOutcome> {
  pad ??= await serveStatic(PAD_BUILD);
  const { maxMs, portrait, ...conv } = opts;
  return runPad(pad.url, await y4m(rel, conv), { seed, maxMs: maxMs ?? 10000, portrait: portrait === true });
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
