import { describe, expect, it } from 'vitest';
import { SharedLoad } from './shared-load';

/** A load the test finishes by hand, counting how often it was started. */
function manualLoad() {
  const started: Array<{ resolve(v: string): void; reject(e: Error): void }> = [];
  const load = () => new Promise<string>((resolve, reject) => started.push({ resolve, reject }));
  return { load, started };
}

describe('SharedLoad', () => {
  it('a use during the preload waits for that load: one load, the use resolved once with its value', async () => {
    const m = manualLoad();
    const shared = new SharedLoad(m.load);
    const done: Array<{ ok: boolean }> = [];
    shared.preload((r) => done.push(r));
    expect(shared.state).toBe('loading');
    let resolutions = 0;
    const use = shared.get().then((v) => {
      resolutions++;
      return v;
    });
    shared.preload((r) => done.push(r)); // a second preload while loading starts nothing
    expect(m.started).toHaveLength(1);
    m.started[0]!.resolve('model');
    expect(await use).toBe('model');
    expect(resolutions).toBe(1);
    expect(done).toEqual([{ ok: true }]);
    expect(shared.state).toBe('loaded');
    expect(await shared.get()).toBe('model');
    expect(shared.loads).toBe(1);
  });

  it('a failed preload is reported, not thrown, and the next use loads again', async () => {
    const m = manualLoad();
    const shared = new SharedLoad(m.load);
    const reported = new Promise<{ ok: boolean; error?: unknown }>((resolve) => shared.preload(resolve));
    m.started[0]!.reject(new Error('no wasm'));
    expect(await reported).toMatchObject({ ok: false, error: new Error('no wasm') });
    expect(shared.state).toBe('idle');
    const again = shared.get();
    expect(m.started).toHaveLength(2);
    m.started[1]!.resolve('model');
    expect(await again).toBe('model');
    expect(shared.loads).toBe(2);
  });

  it('after forget (the worker stopped) the next use loads anew', async () => {
    const m = manualLoad();
    const shared = new SharedLoad(m.load);
    const first = shared.get();
    m.started[0]!.resolve('first');
    await first;
    shared.forget();
    expect(shared.state).toBe('idle');
    const second = shared.get();
    m.started[1]!.resolve('second');
    expect(await second).toBe('second');
  });
});
