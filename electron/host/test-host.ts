/** A real host in demo mode (training store and accounts) for tests that go through the dispatcher. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRAINING_PASSWORD } from './auth/training';
import type { CallContext } from './bridge/dispatch';
import { configSchema } from './config';
import { createHost, type Host, type HostOptions } from './host';
import { silentLogger, type Logger } from './log';

export const testCtx: CallContext = { shell: 'test', senderUrl: 'test' };

export interface DemoHostOptions extends Partial<Pick<HostOptions, 'isTrustedSender' | 'preloadFaceModel'>> {
  /** The data folder (a restart test reuses one); default a new one named after `prefix`. */
  dataDir?: string;
  stationName?: string | null;
}

/** Every caller trusted unless `o.isTrustedSender` says otherwise; the face model loads on first use unless `o.preloadFaceModel`. */
export function demoHost(prefix: string, log: Logger = silentLogger, o: DemoHostOptions = {}): Promise<Host> {
  return createHost({
    appVersion: '0.0.0-test',
    config: configSchema.parse({ dataDir: o.dataDir ?? mkdtempSync(join(tmpdir(), prefix)), ...(o.stationName !== undefined ? { stationName: o.stationName } : {}) }),
    mode: 'demo',
    shell: 'browser',
    log,
    isTrustedSender: o.isTrustedSender ?? (() => true),
    preloadFaceModel: o.preloadFaceModel,
  });
}

/** Signs out whoever is signed in, then signs in the training account; false when refused. */
export async function signInAs(host: Host, username: string): Promise<boolean> {
  await host.dispatch('auth.signOut', undefined, testCtx);
  return (await host.dispatch('auth.signIn', { username, password: TRAINING_PASSWORD }, testCtx)).ok;
}
