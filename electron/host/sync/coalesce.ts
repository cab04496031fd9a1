/**
 * Calls merged in time: the first call runs at once, calls within `ms` after a run are merged into
 * one run at the end of that window (never dropped: the last call is always followed by a run).
 * The host tells the screens `sync.changed` through it: with eight large uploads under way (a
 * progress tell and a result each) the renderer would otherwise reload its sync views tens of times
 * a second.
 */
export function coalesce(fn: () => void, ms: number): () => void {
  let last = -Infinity;
  let timer: NodeJS.Timeout | null = null;
  const run = () => {
    timer = null;
    last = Date.now();
    fn();
  };
  return () => {
    if (timer) return;
    const wait = last + ms - Date.now();
    if (wait <= 0) run();
    else {
      timer = setTimeout(run, wait);
      timer.unref();
    }
  };
}
