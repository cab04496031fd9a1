/**
 * Card-read benchmark through the real path: pcscd (in a quickack network namespace when root)
 * + vpcd + the virtual CCCD with a contactless link model (bit rate + per-APDU turnaround), and
 * the kiosk's readCard on the test side. Prints JSON lines:
 *   - the adaptive reader (extended length when the reader passes it, falling back on 6700),
 *   - a fixed 223-byte-chunk reader (what public CCCD readers do), on the same card,
 *   - the adaptive reader on a card that refuses reads over 223 bytes and extended length,
 *   - the theoretical link time of each read's APDUs under the same model.
 *
 *   tsx electron/cli/bench-card.ts [--bitrate 424000] [--turnaround 3] [--runs 3]
 *
 * A development tool: it uses the integration-test harness (tests/support) to run pcscd.
 */
import { parseArgs } from 'node:util';
import { TrustStore } from '../host/card/icao/auth/trust-store';
import { ChunkPolicy } from '../host/card/icao/lds/file-reader';
import { readCard } from '../host/card/read-card';
import type { CardTransport } from '../host/card/transport/transport';
import { composeTd1 } from '../host/sim/lds-builder/dg1';
import { NHUNG } from '../host/sim/lds-builder/sample-citizens';
import { describeLink, linkTimeMs, type LinkModel } from '../host/sim/virtual-cccd/link-model';
import { cardSecrets } from '../host/sim/virtual-cccd/personalise';
import { startCardRig, type CardRig } from '../../tests/support/card-rig';

interface Mode {
  name: string;
  variant: 'genuine' | 'small-reads';
  /** What the transport claims about extended length. */
  extendedLength: boolean;
  policy: () => ChunkPolicy | undefined;
}

const MODES: Mode[] = [
  { name: 'adaptive', variant: 'genuine', extendedLength: true, policy: () => undefined },
  // PACE gives AES secure messaging: 223 (0xDF) plain bytes fill a short 256-byte answer.
  { name: 'fixed-223', variant: 'genuine', extendedLength: false, policy: () => new ChunkPolicy({ extendedLength: false, smBlockSize: 16, max: 223 }) },
  // The card refuses more: the reader learns 223 on the first file and keeps it (per read here).
  { name: 'adaptive-small-reads-card', variant: 'small-reads', extendedLength: true, policy: () => undefined },
];

/** Records every exchange's sizes so the link time can be computed under the model. */
function recording(inner: CardTransport, extendedLength: boolean) {
  const sizes: Array<[number, number]> = [];
  const transport: CardTransport = {
    readerName: inner.readerName,
    extendedLength,
    async transmit(apdu, maxResponse) {
      const r = await inner.transmit(apdu, maxResponse);
      sizes.push([apdu.length, r.length]);
      return r;
    },
  };
  return { transport, sizes };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number) => Math.round(x * 10) / 10;

async function benchMode(rig: CardRig, mode: Mode, link: LinkModel | undefined, runs: number, trust: TrustStore) {
  const secrets = cardSecrets(NHUNG, composeTd1(NHUNG));
  const times: number[] = [];
  let last: { apdus: number; chunk: number; theory: number; bytes: number } | undefined;
  let byStep: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const inserted = await rig.insert({ variant: mode.variant, ...(link ? { link } : {}) });
    const { transport, sizes } = recording(inserted, mode.extendedLength);
    const policy = mode.policy();
    const t0 = performance.now();
    // APDUs per step: access control, the files, the checks after them (AA, CA).
    const stepStart: Record<string, number> = {};
    const onProgress = (p: { step: string }) => {
      stepStart[p.step] ??= sizes.length;
    };
    const r = await readCard(transport, { keys: { can: secrets.can }, trustStore: trust, onProgress, ...(policy ? { policy } : {}) });
    const at = (step: string) => stepStart[step] ?? sizes.length;
    byStep = { accessControl: at('reading'), files: at('verifying') - at('reading'), checks: sizes.length - at('verifying') };
    times.push(performance.now() - t0);
    const theory = link ? sizes.reduce((sum, [c, resp]) => sum + linkTimeMs(link, c, resp), 0) : 0;
    last = { apdus: r.stats.apdus, chunk: r.stats.chunkSize, theory, bytes: sizes.reduce((s, [c, resp]) => s + c + resp, 0) };
  }
  return {
    bench: 'card-full-read',
    mode: mode.name,
    card: mode.variant,
    link: link ? describeLink(link) : 'none (emulator answers at once)',
    namespaced: rig.pcscd.namespaced,
    runs,
    apdus: last?.apdus,
    apdusByStep: byStep,
    chunkSize: last?.chunk,
    bytesOnLink: last?.bytes,
    medianMs: round(median(times)),
    ...(link ? { theoreticalLinkMs: round(last?.theory ?? 0) } : {}),
  };
}

export async function runCardBench(link: LinkModel, runs: number, print: (o: object) => void): Promise<void> {
  const rig = await startCardRig();
  try {
    const trust = new TrustStore();
    trust.add(rig.card.trustedCscaDer, 'virtual card issuer');
    for (const mode of MODES) print(await benchMode(rig, mode, link, runs, trust));
    // The same reads with no link model: what the stack itself costs (crypto, pcscd, vpcd).
    for (const mode of MODES) print(await benchMode(rig, mode, undefined, runs, trust));
  } finally {
    await rig.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      bitrate: { type: 'string', default: '424000' },
      turnaround: { type: 'string', default: '3' },
      runs: { type: 'string', default: '3' },
    },
  });
  const link = { bitRate: Number(values.bitrate), turnaroundMs: Number(values.turnaround) };
  await runCardBench(link, Number(values.runs), (o) => console.log(JSON.stringify(o)));
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
