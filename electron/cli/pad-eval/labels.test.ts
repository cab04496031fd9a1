import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labelsFromFolders, loadLabels, parseLabels, seedsFor } from './labels';
import { pickSeed } from './actions';

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
  it('takes a bona fide clip labelled by what its subject does, in order', () => {
    const [e] = parseLabels({ presentations: [{ file: 'a.mp4', label: 'bona_fide', actions: ['blink', 'turnRight', 'turnLeft'], repeat: 2 }] });
    expect(e?.actions).toEqual(['blink', 'turnRight', 'turnLeft']);
    expect(() => parseLabels({ presentations: [{ file: 'a.mp4', label: 'bona_fide', actions: ['blink', 'wink'] }] })).toThrow();
    expect(() => parseLabels({ presentations: [{ file: 'a.mp4', label: 'bona_fide', actions: ['blink', 'blink'] }] })).toThrow(/twice/);
    expect(() => parseLabels({ presentations: [{ file: 'a.mp4', label: 'bona_fide', actions: [] }] })).toThrow();
  });
  it('runs an actions entry with the seed found for it; actions win over seeds; seeds keep working', () => {
    const [both, seeds, neither] = parseLabels({
      presentations: [
        { file: 'a.mp4', label: 'bona_fide', seeds: [319], actions: ['turnLeft', 'turnRight', 'openMouth'], repeat: 3 },
        { file: 'a.mp4', label: 'bona_fide', seeds: [4, 5] },
        { file: 'b.mp4', label: 'attack', type: 'video_replay', repeat: 2 },
      ],
    });
    if (!both || !seeds || !neither) throw new Error('parse');
    expect(seedsFor(both, 0, 100, 8504)).toEqual([8504, 8504, 8504]);
    expect(() => seedsFor(both, 0, 100)).toThrow(/no seed found/);
    expect(seedsFor(seeds, 1, 100)).toEqual([4, 5]);
    const fresh = seedsFor(neither, 2, 100);
    expect(fresh).toHaveLength(2);
    expect(new Set(fresh).size).toBe(2);
    expect(seedsFor(neither, 2, 100)).toEqual(fresh);
  });
  it('picks the seed with the most margin, or says the clip does not do these actions in time', () => {
    const found = [{ seed: 30, margin: 0.5, ms: 4000 }, { seed: 12, margin: 0.9, ms: 4100 }, { seed: 9, margin: 0.9, ms: 4100 }];
    expect(pickSeed('a.mp4', ['blink'], found).seed).toBe(9);
    expect(() => pickSeed('a.mp4', ['blink', 'lookUp'], [])).toThrow(/a.mp4: no seed asks blink, lookUp/);
  });
});
