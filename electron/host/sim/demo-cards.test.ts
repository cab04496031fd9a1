import { describe, expect, it } from 'vitest';
import { DemoCards } from './demo-cards';

describe('demo cards', () => {
  it('place and lift the virtual card on the simulated reader', async () => {
    const demo = new DemoCards();
    expect(demo.watcher.readers()).toEqual([expect.objectContaining({ cardPresent: false })]);
    expect(await demo.set({ present: true, variant: 'bac-only', citizen: 'ducanh' })).toEqual({ present: true, variant: 'bac-only', citizen: 'ducanh' });
    expect(demo.watcher.readers()[0]!.cardPresent).toBe(true);
    await demo.set({ present: false });
    expect(demo.watcher.readers()[0]!.cardPresent).toBe(false);
    await demo.close();
  });
});
