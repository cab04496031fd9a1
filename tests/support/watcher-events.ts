/** Waits until a watcher's state satisfies a condition (checked now and after every event). */
import type { ReaderWatcher } from '../../electron/host/card/transport/transport';

export function waitForEvent(watcher: ReaderWatcher, done: (w: ReaderWatcher) => boolean, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (done(watcher)) return resolve();
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('watcher condition not met in time'));
    }, timeoutMs);
    const unsubscribe = watcher.subscribe(() => {
      if (done(watcher)) {
        clearTimeout(timer);
        unsubscribe();
        resolve();
      }
    });
  });
}
