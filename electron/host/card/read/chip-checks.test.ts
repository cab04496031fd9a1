import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDg15 } from '../../sim/lds-builder/dg14-15';
import type { CardSession } from '../icao/session';
import { chipChecks } from './chip-checks';

describe('clone checks', () => {
  it('an active-authentication key of a kind we do not implement is "not supported", not a clone', async () => {
    const ed25519 = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });
    // The check stops at the key: the session is never used.
    const session = {} as CardSession;
    const r = await chipChecks(session, new Map([[15, buildDg15(new Uint8Array(ed25519))]]));
    expect(r.activeAuth).toBe('not_supported');
    expect(r.chipAuth).toBe('not_supported');
    expect(r.detail).toBeTruthy();
  });
});
