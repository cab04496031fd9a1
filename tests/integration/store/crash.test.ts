/**
 * The crash test at a small N (the closing note's figure comes from `npm run test:crash -- --kills 500`):
 * SIGKILL at seeded points during saves, submissions, approvals and store creation, then nothing
 * lost, duplicated or half-written, and the audit chain verifies.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

describe('crash safety of the store', () => {
  it('survives 12 kills (seeded) with nothing lost, duplicated or half-written', () => {
    const r = spawnSync(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'electron/cli/store/crash-test.ts', '--kills', '12', '--seed', '7'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 240_000,
    });
    const line = r.stdout.split('\n').find((l) => l.startsWith('kills '));
    expect(line, r.stderr).toMatch(/^kills 12, committed [1-9]\d*, lost 0, duplicated 0, half-written 0, audit ok$/);
    expect(r.status).toBe(0);
  }, 300_000);
});
