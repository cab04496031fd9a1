/**
 * How the browser shell hands Chromium its launch secret without putting it where other local
 * users can read it. A command line is world-readable (/proc/<pid>/cmdline), so Chromium is
 * started on a small launcher page in a folder only the kiosk user may enter; the page sends the
 * window on to the loopback app with the secret in the URL fragment (never sent over HTTP). The
 * file is deleted as soon as the secret has been used, and at shut-down.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class UnsafeLauncherDirError extends Error {}

export interface LauncherFile {
  /** file:// URL for Chromium's command line: reveals nothing but a random file name. */
  readonly url: string;
  readonly path: string;
  remove(): void;
}

/** The folder for launcher pages: created 0700, and refused if another user owns it or can enter it. */
export function privateLauncherDir(dataDir: string): string {
  const dir = join(dataDir, 'launch');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const uid = process.getuid?.();
  const before = lstatSync(dir);
  if (!before.isDirectory() || (uid !== undefined && before.uid !== uid)) {
    throw new UnsafeLauncherDirError(`${dir} must be a folder (not a link) owned by the kiosk user`);
  }
  chmodSync(dir, 0o700);
  if ((lstatSync(dir).mode & 0o077) !== 0) throw new UnsafeLauncherDirError(`${dir} could not be made private (mode 0700)`);
  // A launcher left by a killed run holds a secret of a host that no longer exists: clear them.
  for (const f of readdirSync(dir)) if (f.endsWith('.html')) rmSync(join(dir, f), { force: true });
  return dir;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function launcherHtml(appUrl: string): string {
  const u = escapeAttr(appUrl);
  return (
    '<!doctype html><meta charset="utf-8"><meta name="referrer" content="no-referrer">' +
    `<meta http-equiv="refresh" content="0;url=${u}"><title>EID Kiosk</title>`
  );
}

export function writeLauncher(dataDir: string, appUrl: string): LauncherFile {
  const dir = privateLauncherDir(dataDir);
  const path = join(dir, `${randomBytes(12).toString('hex')}.html`);
  writeFileSync(path, launcherHtml(appUrl), { mode: 0o600, flag: 'wx' });
  return { url: pathToFileURL(path).href, path, remove: () => rmSync(path, { force: true }) };
}
