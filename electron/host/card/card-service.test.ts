import { describe, expect, it } from 'vitest';
import { HostError } from '../bridge/host-error';
import { EventHub } from '../events';
import { silentLogger } from '../log';
import { DemoCards } from '../sim/demo-cards';
import { CardService } from './card-service';
import { TrustStore } from './icao/auth/trust-store';

async function setup(present = true) {
  const demo = new DemoCards();
  if (present) await demo.set({ present: true });
  const hub = new EventHub(silentLogger);
  const trust = new TrustStore();
  trust.add(DemoCards.cscaDer(), 'demo');
  const service = new CardService({ watcher: demo.watcher, trustStore: () => trust, hub, log: silentLogger, preferredReader: null, cardWaitMs: 5_000 });
  return { demo, hub, service };
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (e instanceof HostError ? e.code : String(e)));
const ACCESS = { idNumber: '001190012345' };

describe('card service', () => {
  it('stops a read in progress when the officer cancels, and reads again afterwards', async () => {
    const { hub, service } = await setup();
    const off = hub.subscribe((name, p) => {
      if (name === 'card.progress' && (p as { step: string }).step === 'reading') service.cancel();
    });
    expect(await codeOf(service.read(ACCESS))).toBe('card.cancelled');
    off();
    expect((await service.read(ACCESS)).verification.overall).toBe('genuine');
  });

  it('stops waiting for a card on cancel, and refuses a second read while one runs', async () => {
    const { service, demo } = await setup(false);
    const waiting = service.read(ACCESS);
    expect(await codeOf(service.read(ACCESS))).toBe('card.busy');
    expect(service.cancel()).toBe(true);
    expect(await codeOf(waiting)).toBe('card.cancelled');
    expect(service.cancel()).toBe(false);
    const next = service.read(ACCESS);
    await demo.set({ present: true });
    expect((await next).identity.idNumber).toBe('001190012345');
  });

  it('says there is no reader when none is attached', async () => {
    const { service, demo } = await setup();
    await demo.close();
    expect(await codeOf(service.read(ACCESS))).toBe('card.no_reader');
  });
});
