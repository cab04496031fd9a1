import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log';
import { CameraPolicy } from './camera-policy';

describe('camera policy', () => {
  it('starts from the config, remembers a choice across restarts, and can forget it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-cam-'));
    const a = new CameraPolicy(dir, 'Configured cam', silentLogger);
    expect(a.allowedLabel).toBe('Configured cam');
    a.set('Logitech C920 (046d:082d)');
    expect(new CameraPolicy(dir, 'Configured cam', silentLogger).allowedLabel).toBe('Logitech C920 (046d:082d)');
    a.set(null);
    expect(new CameraPolicy(dir, 'Configured cam', silentLogger).allowedLabel).toBeNull();
  });

  it('ignores a corrupt state file and keeps the configured camera', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-cam-'));
    mkdirSync(join(dir, 'state'));
    writeFileSync(join(dir, 'state', 'camera.json'), '{"allowedLabel": 42');
    expect(new CameraPolicy(dir, 'Configured cam', silentLogger).allowedLabel).toBe('Configured cam');
  });

  it('keeps a demo choice in memory only', () => {
    const p = new CameraPolicy(null, null, silentLogger);
    p.set('Fake camera');
    expect(p.allowedLabel).toBe('Fake camera');
  });
});
