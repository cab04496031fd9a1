import { describe, expect, it } from 'vitest';
import { DEMO_VARIANTS } from '../../../shared/contract/demo';
import { CARD_VARIANTS } from './virtual-cccd/variants';
import { DemoCards } from './demo-cards';

describe('demo cards', () => {
  it('offer exactly the virtual card variants the emulator implements', () => {
    expect([...DEMO_VARIANTS].sort()).toEqual([...CARD_VARIANTS].sort());
  });

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
