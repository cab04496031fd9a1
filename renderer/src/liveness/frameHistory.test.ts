import { afterAll, describe, expect, it, vi } from 'vitest';
import { FrameHistory } from './frameHistory';

// Node has no ImageBitmap: a stand-in that records closing, and a createImageBitmap that copies it.
class FakeBitmap {
  closed = false;
  constructor(readonly id: string) {}
  close(): void {
    this.closed = true;
  }
}
const bitmap = (id: string) => new FakeBitmap(id) as unknown as ImageBitmap;
const idOf = (b: ImageBitmap | null) => (b as unknown as FakeBitmap | null)?.id ?? null;

describe('FrameHistory (the frame the portrait is cut from)', () => {
  vi.stubGlobal('createImageBitmap', (src: FakeBitmap) => Promise.resolve(new FakeBitmap(`copy of ${src.id}`)));
  afterAll(() => vi.unstubAllGlobals());

  it('copies the frame analysed at the asked time, even when a newer frame was analysed since', async () => {
    const h = new FrameHistory();
    h.add(100, bitmap('a'));
    h.add(133, bitmap('b'));
    // The worker analysed frame b before the page's grab for frame a arrived.
    expect(idOf(await h.copy(100))).toBe('copy of a');
    expect(idOf(await h.copy(133))).toBe('copy of b');
  });

  it('keeps only the last few frames and closes the ones it drops', async () => {
    const h = new FrameHistory(2);
    const a = bitmap('a');
    h.add(1, a);
    h.add(2, bitmap('b'));
    h.add(3, bitmap('c'));
    expect((a as unknown as FakeBitmap).closed).toBe(true);
    // No longer held: the newest frame rather than nothing (a capture must not dead-end).
    expect(idOf(await h.copy(1))).toBe('copy of c');
  });

  it('has nothing to copy before the first frame or after clear()', () => {
    const h = new FrameHistory();
    expect(h.copy(0)).toBeNull();
    const b = bitmap('b');
    h.add(5, b);
    h.clear();
    expect((b as unknown as FakeBitmap).closed).toBe(true);
    expect(h.copy(5)).toBeNull();
  });
});
