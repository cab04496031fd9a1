import { chmodSync, chownSync, closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, statSync, symlinkSync, writeFileSync, existsSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { privateLauncherDir, UnsafeLauncherDirError, writeLauncher, writePrivateFile } from './launcher-file';

const secretUrl = `http://127.0.0.1:4567/#k=${'c'.repeat(64)}`;

describe('launcher file', () => {
  it('keeps the secret out of the URL Chromium is given, in a file only the kiosk user can read', () => {
    const data = mkdtempSync(join(tmpdir(), 'kiosk-launch-'));
    const l = writeLauncher(data, secretUrl);
    expect(l.url).toMatch(/^file:\/\//);
    expect(l.url).not.toContain('c'.repeat(64));
    expect(statSync(l.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(data, 'launch')).mode & 0o777).toBe(0o700);
    expect(readFileSync(l.path, 'utf8')).toContain(`url=${secretUrl}`);
    l.remove();
    expect(existsSync(l.path)).toBe(false);
  });

  it('tightens a launch folder others could enter, and clears launchers of an earlier run', () => {
    const data = mkdtempSync(join(tmpdir(), 'kiosk-launch-'));
    mkdirSync(join(data, 'launch'), { mode: 0o755 });
    chmodSync(join(data, 'launch'), 0o755);
    writeFileSync(join(data, 'launch', 'old.html'), 'stale');
    const dir = privateLauncherDir(data);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(existsSync(join(dir, 'old.html'))).toBe(false);
  });

  it('refuses a launch folder that is a symlink to somewhere else', async () => {
    const data = mkdtempSync(join(tmpdir(), 'kiosk-launch-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'kiosk-elsewhere-'));
    const { symlinkSync } = await import('node:fs');
    symlinkSync(elsewhere, join(data, 'launch'));
    expect(() => privateLauncherDir(data)).toThrow(UnsafeLauncherDirError);
  });

  it('refuses a data folder others can write to: they could swap the launch folder after the checks', () => {
    const data = mkdtempSync(join(tmpdir(), 'kiosk-launch-'));
    chmodSync(data, 0o777);
    expect(() => writeLauncher(data, secretUrl)).toThrow(UnsafeLauncherDirError);
    expect(existsSync(join(data, 'launch'))).toBe(false);
  });

  it('refuses a data folder inside a folder others can write to (no sticky bit)', () => {
    const parent = mkdtempSync(join(tmpdir(), 'kiosk-launch-'));
    const data = join(parent, 'data');
    mkdirSync(data, { mode: 0o700 });
    chmodSync(parent, 0o777);
    expect(() => writeLauncher(data, secretUrl)).toThrow(UnsafeLauncherDirError);
  });

  it.skipIf(process.getuid?.() !== 0)('refuses a data folder another user made (e.g. pre-created under /tmp) (root: chowns to 65534)', () => {
    const data = mkdtempSync(join(tmpdir(), 'kiosk-launch-'));
    chownSync(data, 65534, 65534);
    expect(() => writeLauncher(data, secretUrl)).toThrow(UnsafeLauncherDirError);
  });

  it('a data folder reached through a symlink is used by its real path', () => {
    const real = mkdtempSync(join(tmpdir(), 'kiosk-launch-'));
    const link = `${real}-link`;
    symlinkSync(real, link);
    const l = writeLauncher(link, secretUrl);
    expect(l.path.startsWith(join(real, 'launch'))).toBe(true);
    l.remove();
  });

  it("Chromium's profile (session secret, history) is made private even when it was left open", () => {
    const data = mkdtempSync(join(tmpdir(), 'kiosk-launch-'));
    mkdirSync(join(data, 'chromium-profile'));
    chmodSync(join(data, 'chromium-profile'), 0o755);
    const child = launchChromium({ executable: '/bin/true', url: 'file:///dev/null', dataDir: data, kiosk: false });
    child.on('error', () => {});
    expect(statSync(join(data, 'chromium-profile')).mode & 0o777).toBe(0o700);
  });
});

describe('private files (the --url-file)', () => {
  it('a world-readable file someone left at the path is replaced, not written into', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-url-'));
    const path = join(dir, 'url');
    writeFileSync(path, '');
    chmodSync(path, 0o666);
    // The other user keeps the file open, to read whatever is written into it later.
    const theirs = openSync(path, 'r');
    writePrivateFile(path, secretUrl);
    const buf = Buffer.alloc(200);
    expect(readSync(theirs, buf, 0, 200, 0)).toBe(0);
    closeSync(theirs);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toBe(secretUrl);
  });

  it('a symlink at the path is replaced, never followed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-url-'));
    const victim = join(dir, 'theirs.txt');
    writeFileSync(victim, 'readable by them');
    chmodSync(victim, 0o644);
    symlinkSync(victim, join(dir, 'url'));
    writePrivateFile(join(dir, 'url'), secretUrl);
    expect(readFileSync(victim, 'utf8')).toBe('readable by them');
    expect(lstatSync(join(dir, 'url')).isFile()).toBe(true);
    expect(statSync(join(dir, 'url')).mode & 0o777).toBe(0o600);
  });
});
