/**
 * The OS's own locks end the officer's session, as the idle lock does: the machine suspends, or
 * its screen locks (Electron's powerMonitor). The host does the locking and tells the screen.
 */
import type { Host } from '../host/host';

/** The part of Electron's powerMonitor this listens to. */
export interface PowerEvents {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

export function lockOnSuspendAndScreenLock(power: PowerEvents, host: Pick<Host, 'lockNow'>): void {
  power.on('suspend', () => host.lockNow('suspend'));
  power.on('lock-screen', () => host.lockNow('screen_lock'));
}
