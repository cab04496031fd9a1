import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelsFromFolders, loadLabels, parseLabels } from './labels';

describe('PAD labels', () => {
  it('parses a labels.json and insists that attacks name their species', () => {
    expect(parseLabels({ presentations: [{ file: 'a.mp4', label: 'bona_fide', seeds: [3] }] })).toHaveLength(1);
    expect(() => parseLabels({ presentations: [{ file: 'b.jpg', label: 'attack' }] })).toThrow(/type/);
    expect(() => parseLabels({ presentations: [{ file: 'c.jpg', label: 'genuine' }] })).toThrow();
  });
  it('falls back to the bona_fide/ and attack/<type>/ folder convention', () => {
    const root = mkdtempSync(join(tmpdir(), 'pad-'));
    mkdirSync(join(root, 'bona_fide'));
    mkdirSync(join(root, 'attack/print_still'), { recursive: true });
    writeFileSync(join(root, 'bona_fide/me.mp4'), '');
    writeFileSync(join(root, 'attack/print_still/p.jpg'), '');
    writeFileSync(join(root, 'README.md'), '');
    expect(labelsFromFolders(root)).toEqual([
      { file: 'attack/print_still/p.jpg', label: 'attack', type: 'print_still' },
      { file: 'bona_fide/me.mp4', label: 'bona_fide' },
    ]);
    expect(loadLabels(root)).toHaveLength(2);
  });
});
