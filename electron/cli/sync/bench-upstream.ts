/**
 * The sync bench's reference upstream in a process of its own (in production the upstream is
 * another machine; here it is at least another process with its own event loop). Started by
 * upstream-process.ts with an IPC channel; answers one message per request: start (on a data
 * folder, ports and the CSCAs to trust), stop (the outage), mode, issueToken, packetCount,
 * packetSize, cpu (this process's CPU time, every thread). Exits when its parent goes.
 */
import { TrustStore } from '../../host/card/icao/auth/trust-store';
import { startUpstream, type Upstream } from '../../host/sim/upstream/server';

export interface StartArgs {
  dataDir: string;
  /** The CSCAs passive authentication trusts, DER. */
  trustDers: Uint8Array[];
  verifyThreads: number;
  port: number;
  enrolmentPort: number;
}

export type Request =
  | { id: number; op: 'start'; args: StartArgs }
  | { id: number; op: 'stop' | 'issueToken' | 'packetCount' | 'cpu' }
  | { id: number; op: 'mode'; mode: 'accept' | 'hold' }
  | { id: number; op: 'packetSize'; dossierId: string };

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

let up: Upstream | null = null;

function running(): Upstream {
  if (!up) throw new Error('the upstream is not running');
  return up;
}

async function answer(m: Request): Promise<unknown> {
  switch (m.op) {
    case 'start': {
      if (up) throw new Error('already running');
      const trust = new TrustStore();
      for (const der of m.args.trustDers) trust.add(new Uint8Array(der), 'bench CSCA');
      up = await startUpstream({ dataDir: m.args.dataDir, trust, verifyThreads: m.args.verifyThreads, port: m.args.port, enrolmentPort: m.args.enrolmentPort });
      return { url: up.url, enrolmentUrl: up.enrolmentUrl, caPem: up.caPem };
    }
    case 'stop': {
      const u = up;
      up = null;
      await u?.stop();
      return null;
    }
    case 'mode':
      running().control.mode(m.mode);
      return null;
    case 'issueToken':
      return running().control.issueToken();
    case 'packetCount':
      return running().control.packetCount();
    case 'packetSize':
      return running().control.packet(m.dossierId)?.jwe.length ?? null;
    case 'cpu':
      return process.cpuUsage();
  }
}

process.on('message', (m: Request) => {
  answer(m).then(
    (value) => process.send!({ id: m.id, ok: true, value } satisfies Reply),
    (e: unknown) => process.send!({ id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies Reply),
  );
});
process.on('disconnect', () => {
  const u = up;
  up = null;
  void (u ? u.stop() : Promise.resolve()).finally(() => process.exit(0));
});
