/**
 * A thread for tests of build-pool.ts and verify-pool.ts whose loading never ends: it never says it is ready
 * (a module loader that deadlocked), and keeps its thread alive.
 */
setInterval(() => undefined, 1_000);
