import { describe, expect, it } from 'vitest';
import { CardError } from '../errors';
import { MemoryReaderWatcher, type ApduProcessor } from './memory-transport';
import type { ReaderEvent } from './transport';
import { waitForCard } from './wait-for-card';

const echoCard = (overrides: Partial<ApduProcessor> = {}): ApduProcessor => ({
  atr: Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01),
  process: (apdu) => Uint8Array.of(...apdu.slice(0, 2), 0x90, 0x00),
  ...overrides,
});

describe('MemoryReaderWatcher', () => {
  it('emits card-inserted / card-removed and exposes the transport', async () => {
    const w = new MemoryReaderWatcher({ readerName: 'Sim 0' });
    const events: ReaderEvent['type'][] = [];
    w.subscribe((e) => events.push(e.type));
    const t = w.insert(echoCard());
    expect(w.transportFor('Sim 0')).toBe(t);
    expect(await t.transmit(Uint8Array.of(0x00, 0xa4, 0x04, 0x0c))).toEqual(Uint8Array.of(0x00, 0xa4, 0x90, 0x00));
    w.remove();
    expect(events).toEqual(['card-inserted', 'card-removed']);
    expect(w.readers()).toEqual([{ name: 'Sim 0', cardPresent: false }]);
  });

  it('rejects with card.removed once the card is gone, also for an exchange in flight', async () => {
    const w = new MemoryReaderWatcher();
    const t = w.insert(echoCard({ linkDelayMs: () => 20 }));
    const inFlight = t.transmit(Uint8Array.of(0, 0xb0, 0, 0, 1));
    w.remove();
    await expect(inFlight).rejects.toMatchObject({ code: 'card.removed' });
    await expect(t.transmit(Uint8Array.of(0, 0xb0, 0, 0, 1))).rejects.toMatchObject({ code: 'card.removed' });
  });

  it('treats a card that leaves the field by itself as removed', async () => {
    const w = new MemoryReaderWatcher();
    const t = w.insert(
      echoCard({
        process: () => {
          throw new CardError('card.removed', 'left');
        },
      }),
    );
    await expect(t.transmit(Uint8Array.of(0, 0xb0, 0, 0, 1))).rejects.toMatchObject({ code: 'card.removed' });
    expect(w.readers()[0]?.cardPresent).toBe(false);
  });

  it('turns a crashing card object into card.timeout, never a foreign error', async () => {
    const t = new MemoryReaderWatcher().insert(
      echoCard({
        process: () => {
          throw new RangeError('bug');
        },
      }),
    );
    await expect(t.transmit(Uint8Array.of(0, 0xb0, 0, 0, 1))).rejects.toBeInstanceOf(CardError);
  });

  it('waitForCard resolves on insertion and times out with card.no_card', async () => {
    const w = new MemoryReaderWatcher();
    await expect(waitForCard(w, { timeoutMs: 10 })).rejects.toMatchObject({ code: 'card.no_card' });
    const pending = waitForCard(w, { timeoutMs: 1000 });
    const t = w.insert(echoCard());
    expect(await pending).toBe(t);
  });
});
