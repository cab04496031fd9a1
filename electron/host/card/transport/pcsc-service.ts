/**
 * Is the PC/SC service there? pcsclite's context constructor spins forever while pcscd is
 * absent (it retries SCardEstablishContext in a loop on the main thread), so we must look at
 * pcscd's socket ourselves before ever creating it.
 */
import { connect } from 'node:net';

export function pcscSocketPath(): string {
  // libpcsclite honours this variable too, so the probe and the library look at the same place.
  return process.env.PCSCLITE_CSOCK_NAME ?? '/run/pcscd/pcscd.comm';
}

/** Resolves true when something accepts connections on pcscd's socket. Never rejects. */
export function probePcscService(path = pcscSocketPath(), timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
