/** A real host in demo mode (training store and accounts) for tests that go through the dispatcher. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRAINING_PASSWORD } from './auth/training';
import type { CallContext } from './bridge/dispatch';
import { configSchema } from './config';
import { createHost, type Host } from './host';
import { silentLogger, type Logger } from './log';

export const testCtx: CallContext = { shell: 'test', senderUrl: 'test' };

export function demoHost(prefix: string, log: Logger = silentLogger): Promise<Host> {
  return createHost({
    appVersion: '0.0.0-test',
    config: configSchema.parse({ dataDir: mkdtempSync(join(tmpdir(), prefix)) }),
    mode: 'demo',
    shell: 'browser',
    log,
    isTrustedSender: () => true,
  });
}

/** Signs out whoever is signed in, then signs in the training account; false when refused. */
export async function signInAs(host: Host, username: string): Promise<boolean> {
  await host.dispatch('auth.signOut', undefined, testCtx);
  return (await host.dispatch('auth.signIn', { username, password: TRAINING_PASSWORD }, testCtx)).ok;
}
