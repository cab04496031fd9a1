/** Sync worker tests: a packet source over the real packet build, and a log watched for one error. */
import type { Logger } from '../log';
import { buildPacketFromStore } from './packet/index';
import { testKeys } from './packet/test-packets';
import type { PacketSource } from './worker';

/** Builds real packets from the store; `digest()` is the last one built (for a sink's receipt). */
export async function digestSource(): Promise<{ source: PacketSource; digest: () => string }> {
  const { keys } = await testKeys();
  let last = '';
  const source: PacketSource = {
    build: async (db, d) => {
      const p = await buildPacketFromStore(db, d, keys);
      last = p.digest;
      return p;
    },
  };
  return { source, digest: () => last };
}

/** A logger keeping every error event (with its fields); `seen` resolves once `event` is logged. */
export function errorWatch(event: string): { log: Logger; seen: Promise<void>; errors: { event: string; fields?: Record<string, unknown> }[] } {
  const errors: { event: string; fields?: Record<string, unknown> }[] = [];
  let resolve: () => void = () => undefined;
  const seen = new Promise<void>((r) => (resolve = r));
  const log: Logger = {
    info() {},
    warn() {},
    error(e, fields) {
      errors.push({ event: e, fields });
      if (e === event) resolve();
    },
  };
  return { log, seen, errors };
}
