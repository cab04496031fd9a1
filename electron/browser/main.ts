/**
 * The browser shell: the same host as Electron, served to the system Chromium over loopback.
 */
import type { ChildProcess } from 'node:child_process';
import type { KioskConfig } from '../host/config';
import { createHost, type Host } from '../host/host';
import type { Logger } from '../host/log';
import { findChromium, launchChromium } from './chromium';
import { writeLauncher, writePrivateFile, type LauncherFile } from './launcher-file';
import { startBrowserShellServer, type BrowserShellServer } from './server';

export interface BrowserShellOptions {
  appVersion: string;
  config: KioskConfig;
  demo: boolean;
  log: Logger;
  rendererDir: string;
  open: boolean;
  port?: number;
  /** Writes the page URL (with its secret) to this file, mode 0600, for test drivers. */
  urlFile?: string;
  fakeCameraFile?: string;
  /** Extra Chromium switches (tests: --headless=new). */
  chromiumExtraArgs?: string[];
  /** Load the face model as the host starts (default true; see HostOptions). */
  preloadFaceModel?: boolean;
}

export interface RunningBrowserShell {
  host: Host;
  server: BrowserShellServer;
  chromium: ChildProcess | null;
  stop(): Promise<void>;
}

export async function runBrowserShell(opts: BrowserShellOptions): Promise<RunningBrowserShell> {
  const host = await createHost({
    appVersion: opts.appVersion,
    config: opts.config,
    mode: opts.demo ? 'demo' : 'live',
    shell: 'browser',
    log: opts.log,
    // The WebSocket bridge admits only our page (Origin + secret), so every caller is trusted.
    isTrustedSender: (ctx) => ctx.shell === 'browser',
    preloadFaceModel: opts.preloadFaceModel ?? true,
  });
  let launcher: LauncherFile | null = null;
  const server = await startBrowserShellServer({
    host,
    rendererDir: opts.rendererDir,
    log: opts.log,
    port: opts.port,
    onLaunchUsed: () => {
      launcher?.remove();
      launcher = null;
    },
  });
  let chromium: ChildProcess | null = null;
  try {
    // A new 0600 file, never written through a file or link someone else left at that path.
    if (opts.urlFile) writePrivateFile(opts.urlFile, server.appUrl + '\n');
    if (opts.open) {
      const exe = findChromium();
      if (!exe) {
        opts.log.error('browser_shell.no_chromium', {});
        console.error('Chromium not found: install the "chromium" package (scripts/setup.sh does), or set KIOSK_CHROMIUM.');
      } else {
        // Never the secret on Chromium's command line: other local users can read that.
        launcher = writeLauncher(opts.config.dataDir, server.appUrl);
        chromium = launchChromium({
          executable: exe,
          url: launcher.url,
          dataDir: opts.config.dataDir,
          kiosk: opts.config.kiosk,
          fakeCameraFile: opts.fakeCameraFile,
          extraArgs: opts.chromiumExtraArgs,
        });
      }
    }
  } catch (e) {
    // An unsafe data folder or URL file: nothing keeps listening with a secret nobody can use.
    (launcher as LauncherFile | null)?.remove();
    await server.close();
    await host.close();
    throw e;
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    chromium?.kill();
    (launcher as LauncherFile | null)?.remove();
    await server.close();
    await host.close();
  };
  return { host, server, chromium, stop };
}
