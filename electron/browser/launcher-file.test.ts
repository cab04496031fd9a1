import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateLauncherDir, UnsafeLauncherDirError, writeLauncher } from './launcher-file';

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
});
