import { describe, expect, it } from 'vitest';
import { cameraNoise, ffmpegArgs, labelsFor, recipes } from './media-recipes';
import { parseLabels } from './labels';

describe('pad:media recipes', () => {
  it('make every species of the held-out set and bona fide variants, each to its own file', () => {
    const rs = recipes();
    const species = new Set(rs.filter((r) => r.label === 'attack').map((r) => r.type));
    expect([...species].sort()).toEqual(['frozen_replay', 'looped_second', 'print_in_hand', 'screen_replay', 'screen_replay_close']);
    expect(rs.filter((r) => r.label === 'bona_fide').map((r) => r.out)).toEqual([
      'bona_fide/liveportrait_d12-plain.mp4', 'bona_fide/liveportrait_d12-dim.mp4', 'bona_fide/liveportrait_d12-warm.mp4', 'bona_fide/liveportrait_d12-15fps.mp4',
    ]);
    expect(new Set(rs.map((r) => r.out)).size).toBe(rs.length);
  });
  it('render at the camera size, the screen with its grid, bezel and perspective', () => {
    const screen = recipes().find((r) => r.type === 'screen_replay');
    expect(screen?.vf).toMatch(/mod\(X,3\)/);
    expect(screen?.vf).toMatch(/pad=640:480/);
    expect(screen?.vf).toMatch(/perspective=/);
    const args = ffmpegArgs(screen ?? recipes()[0]!, 'in.mp4', 'out.mp4');
    expect(args.slice(-1)).toEqual(['out.mp4']);
    expect(args).toContain('-crf');
  });
  it('write labels the harness accepts, bona fide with the order its subject performs', () => {
    const labels = parseLabels({ presentations: labelsFor(recipes(), 1) });
    expect(labels.filter((l) => l.label === 'bona_fide').every((l) => l.actions?.join() === 'turnLeft,turnRight,openMouth')).toBe(true);
    expect(labels.find((l) => l.file.endsWith('-15fps.mp4'))?.fps).toBe(15);
  });
  it('camera noise is temporal noise plus jitter, never a repeated frame', () => {
    expect(cameraNoise(8)).toMatch(/noise=alls=8:allf=t/);
    expect(cameraNoise(8)).toMatch(/crop=.*sin\(/);
  });
});
