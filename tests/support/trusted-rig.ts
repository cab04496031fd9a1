/**
 * The usual set-up of a card integration test: one rig for the describe block and a trust store
 * that trusts the virtual card's CSCA (generated in the emulator process).
 */
import { afterAll, beforeAll } from 'vitest';
import { TrustStore } from '../../electron/host/card/icao/auth/trust-store';
import { startCardRig, type CardRig } from './card-rig';

export interface TrustedRig {
  rig: CardRig;
  trust: TrustStore;
}

/** Call inside a describe block; the fields are set once beforeAll has run. */
export function useTrustedCardRig(): TrustedRig {
  const env = {} as TrustedRig;
  beforeAll(async () => {
    env.rig = await startCardRig();
    env.trust = new TrustStore();
    env.trust.add(env.rig.card.trustedCscaDer, 'virtual card issuer');
  });
  afterAll(async () => {
    await env.rig?.stop();
  });
  return env;
}
