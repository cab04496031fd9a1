import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { LockReason } from '../host/auth/session';
import { lockOnSuspendAndScreenLock } from './power-lock';

describe('powerMonitor wiring', () => {
  it('suspend and lock-screen each lock the host with their reason; other power events do not', () => {
    const power = new EventEmitter();
    const locks: LockReason[] = [];
    lockOnSuspendAndScreenLock(power, { lockNow: (r) => locks.push(r) });
    power.emit('resume');
    power.emit('unlock-screen');
    power.emit('suspend');
    power.emit('lock-screen');
    expect(locks).toEqual(['suspend', 'screen_lock']);
  });
});
