/**
 * One load shared by every caller: a preload started early (at host start) and the first real use
 * wait for the same load instead of starting another. A failed load is forgotten, so the next use
 * tries again; a preload's failure is reported, never thrown (nobody awaits it).
 */
export class SharedLoad<T> {
  private loading: Promise<T> | null = null;
  private settled = false;
  /** Loads started so far (a retry after a failure, or after `forget`, counts again). */
  loads = 0;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.loading) {
      this.loads++;
      this.settled = false;
      const p: Promise<T> = this.load().then(
        (v) => {
          if (this.loading === p) this.settled = true;
          return v;
        },
        (e: unknown) => {
          if (this.loading === p) this.loading = null;
          throw e;
        },
      );
      this.loading = p;
    }
    return this.loading;
  }

  /** Starts the load now unless one is under way or done; `onDone` hears how it went. */
  preload(onDone: (r: { ok: true } | { ok: false; error: unknown }) => void): void {
    if (this.loading) return;
    this.get().then(
      () => onDone({ ok: true }),
      (error: unknown) => onDone({ ok: false, error }),
    );
  }

  /** 'idle' (never loaded, or forgotten), 'loading', or 'loaded'. */
  get state(): 'idle' | 'loading' | 'loaded' {
    return !this.loading ? 'idle' : this.settled ? 'loaded' : 'loading';
  }

  /** What was loaded is gone (its worker stopped): the next `get` loads anew. */
  forget(): void {
    this.loading = null;
    this.settled = false;
  }
}
