/** A reference upstream with one enrolled test kiosk for a describe block (fields set once beforeAll ran). */
import { afterAll, beforeAll } from 'vitest';
import { startUpstream, type Upstream } from './server';
import { enrolKiosk, upstreamFixture, type TestKiosk } from './test-client';

export interface UpstreamEnv extends ReturnType<typeof upstreamFixture> {
  up: Upstream;
  kiosk: TestKiosk;
  /** Stops the upstream and starts it again on the same data folder. */
  restart(): Promise<void>;
}

export function useUpstream(prefix: string): UpstreamEnv {
  const env = upstreamFixture(prefix) as UpstreamEnv;
  const start = async () => {
    env.up = await startUpstream({ dataDir: env.dataDir, trust: env.trust });
  };
  env.restart = async () => {
    await env.up.stop();
    await start();
  };
  beforeAll(async () => {
    await start();
    env.kiosk = await enrolKiosk(env.up.enrolmentUrl, env.up.caPem, env.up.control.issueToken());
  });
  afterAll(() => env.up?.stop());
  return env;
}
