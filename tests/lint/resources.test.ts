/**
 * resources/ is part of the repository (the design card's layout): the icon electron-builder
 * packages, at the sizes it needs, tracked by git rather than appearing only after set-up.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tracked = () => execFileSync('git', ['ls-files', 'resources'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
const size = (p: string) => {
  const png = PNG.sync.read(readFileSync(resolve(root, p)));
  return [png.width, png.height];
};

describe('resources/', () => {
  it('is tracked by git with its README and the icons electron-builder uses', () => {
    const files = tracked();
    expect(files).toContain('resources/README.md');
    expect(files).toContain('resources/build/icon.png');
    for (const s of [16, 32, 48, 64, 128, 256, 512]) expect(files).toContain(`resources/build/icons/${s}x${s}.png`);
    expect(files.some((f) => f.endsWith('.task'))).toBe(false); // the model comes from set-up
  });

  it('each icon is the size its name says, and the main icon is large enough for every platform', () => {
    expect(size('resources/build/icon.png')).toEqual([1024, 1024]);
    for (const s of [16, 32, 48, 64, 128, 256, 512]) expect(size(`resources/build/icons/${s}x${s}.png`)).toEqual([s, s]);
    expect(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8')).toMatch(/buildResources: resources\/build/);
  });
});
