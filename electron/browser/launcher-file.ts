/**
 * How the browser shell hands Chromium its launch secret without putting it where other local
 * users can read it. A command line is world-readable (/proc/<pid>/cmdline), so Chromium is
 * started on a small launcher page in a folder only the kiosk user may enter; the page sends the
 * window on to the loopback app with the secret in the URL fragment (never sent over HTTP). The
 * file is deleted as soon as the secret has been used, and at shut-down.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export class UnsafeLauncherDirError extends Error {}

export interface LauncherFile {
  /** file:// URL for Chromium's command line: reveals nothing but a random file name. */
  readonly url: string;
  readonly path: string;
  remove(): void;
}

/**
 * The data folder must be ours and closed to others all the way up: if another user could rename
 * an entry in it (or in a folder above it), they could swap our private folder for theirs between
 * our checks and our writes (e.g. a data folder someone else made under /tmp). Ancestors may be
 * root's, and may be world-writable only with the sticky bit (as /tmp is). Returns the real path,
 * which is what every later path is built from, so no symlink on the way can be switched after.
 */
export function checkedDataDir(dataDir: string): string {
  const uid = process.getuid?.();
  const real = realpathSync(dataDir);
  if (uid === undefined) return real;
  const own = statSync(real);
  if (!own.isDirectory() || own.uid !== uid || (own.mode & 0o022) !== 0) {
    throw new UnsafeLauncherDirError(`${real} must be a folder owned by the kiosk user that nobody else can write to`);
  }
  for (let dir = dirname(real); ; dir = dirname(dir)) {
    const st = statSync(dir);
    const sticky = (st.mode & 0o1000) !== 0;
    if ((st.uid !== 0 && st.uid !== uid) || ((st.mode & 0o022) !== 0 && !sticky)) {
      throw new UnsafeLauncherDirError(`${dir} (above the data folder ${real}) can be changed by another user`);
    }
    if (dirname(dir) === dir) break;
  }
  return real;
}

/** A folder in the data folder, created 0700, refused if another user owns it or it is a link. */
export function privateDataSubdir(dataDir: string, name: string): string {
  const dir = join(checkedDataDir(dataDir), name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const uid = process.getuid?.();
  const before = lstatSync(dir);
  if (!before.isDirectory() || (uid !== undefined && before.uid !== uid)) {
    throw new UnsafeLauncherDirError(`${dir} must be a folder (not a link) owned by the kiosk user`);
  }
  chmodSync(dir, 0o700);
  if ((lstatSync(dir).mode & 0o077) !== 0) throw new UnsafeLauncherDirError(`${dir} could not be made private (mode 0700)`);
  return dir;
}

/** The folder for launcher pages: created 0700, and refused if another user owns it or can enter it. */
export function privateLauncherDir(dataDir: string): string {
  const dir = privateDataSubdir(dataDir, 'launch');
  // A launcher left by a killed run holds a secret of a host that no longer exists: clear them.
  for (const f of readdirSync(dir)) if (f.endsWith('.html')) rmSync(join(dir, f), { force: true });
  return dir;
}

/**
 * Writes a file only its owner can read, as a new file: never through a file or link someone else
 * put at that path first (a pre-made world-readable file keeps its mode when written over). The
 * content goes to a fresh 0600 file beside it, renamed over the path; in a sticky folder like /tmp
 * the rename over another user's file fails, and that failure is the right answer.
 */
export function writePrivateFile(path: string, content: string): void {
  const tmp = join(dirname(path), `.${randomBytes(8).toString('hex')}.tmp`);
  writeFileSync(tmp, content, { mode: 0o600, flag: 'wx' });
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
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
