/** Finds the system Chromium and starts it as the kiosk window (`--app`, or `--kiosk`). */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { privateDataSubdir } from './launcher-file';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.KIOSK_CHROMIUM && existsSync(env.KIOSK_CHROMIUM)) return env.KIOSK_CHROMIUM;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Flags that keep Chromium from calling any host but ours. */
export const QUIET_FLAGS = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication',
];

export function chromiumArgs(opts: { url: string; profileDir: string; kiosk: boolean; fakeCameraFile?: string; extraArgs?: string[] }): string[] {
  const args = [`--user-data-dir=${opts.profileDir}`, ...QUIET_FLAGS, ...(opts.extraArgs ?? [])];
  if (opts.fakeCameraFile) {
    args.push('--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${opts.fakeCameraFile}`);
  }
  args.push(opts.kiosk ? '--kiosk' : '--start-maximized', `--app=${opts.url}`);
  return args;
}

export function launchChromium(opts: {
  executable: string;
  url: string;
  dataDir: string;
  kiosk: boolean;
  fakeCameraFile?: string;
  extraArgs?: string[];
}): ChildProcess {
  // The profile keeps the page's session secret (session storage) and its history: 0700, ours.
  const profileDir = privateDataSubdir(opts.dataDir, 'chromium-profile');
  const extra = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return spawn(opts.executable, [...extra, ...chromiumArgs({ ...opts, profileDir })], { stdio: 'ignore' });
}
