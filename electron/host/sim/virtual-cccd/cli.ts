/**
 * Puts a virtual CCCD into vpcd's reader, for manual runs, the demo and the integration tests.
 *
 *   tsx electron/host/sim/virtual-cccd/cli.ts [--variant genuine] [--quirk aa-min-s ...] [--citizen nhung|duc-anh]
 *       [--port 35963] [--bitrate 424000 --turnaround 3] [--csca-out csca.der] [--control] [--trace]
 *
 * Without --control the card is inserted and stays until the process ends (Ctrl-C removes it).
 * With --control it reads JSON lines on stdin and answers JSON lines on stdout:
 *   {"op":"insert","variant":"cloned","quirks":["aa-min-s"],"citizen":"nhung","link":{"bitRate":424000,"turnaroundMs":3}}
 *   {"op":"remove"}   {"op":"stats"}   {"op":"quit"}
 * --csca-out writes the CSCA certificate (DER) the card's SOD chains to, for another reader's trust store.
 * It starts with {"event":"ready","cscaDer":"<hex>"} (the CSCA its SODs chain to) and reports {"event":"gone"} when the card leaves the field by itself (pulled-away variant).
 */
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CardError } from '../../card/errors';
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import { DUC_ANH, NHUNG } from '../lds-builder/sample-citizens';
import type { LinkModel } from './link-model';
import { cardIssuer } from './card-issuer';
import { isCardVariant, type CardVariant } from './variants';
import { isCardQuirk, type CardQuirk } from './quirks';
import { createVirtualCccd, type VirtualCccd } from './virtual-cccd';
import { VPCD_DEFAULT_PORT, VpcdSlot } from './vpcd-client';

const CITIZENS: Record<string, CitizenIdentity> = { nhung: NHUNG, 'duc-anh': DUC_ANH };

interface InsertRequest {
  variant?: string;
  quirks?: string[];
  citizen?: string;
  link?: LinkModel;
}

function quirksOf(names: readonly string[] | undefined): CardQuirk[] {
  const out: CardQuirk[] = [];
  for (const q of names ?? []) {
    if (!isCardQuirk(q)) throw new CardError('card.unsupported', `unknown quirk ${q}`);
    out.push(q);
  }
  return out;
}

function build(req: InsertRequest): Promise<VirtualCccd> {
  const variant: CardVariant = req.variant && isCardVariant(req.variant) ? req.variant : 'genuine';
  if (req.variant && !isCardVariant(req.variant)) throw new CardError('card.unsupported', `unknown variant ${req.variant}`);
  const citizen = CITIZENS[req.citizen ?? 'nhung'];
  if (!citizen) throw new CardError('card.unsupported', `unknown citizen ${req.citizen ?? ''}`);
  return createVirtualCccd({ citizen, variant, quirks: quirksOf(req.quirks), ...(req.link ? { link: req.link } : {}) });
}

const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      variant: { type: 'string', default: 'genuine' },
      quirk: { type: 'string', multiple: true },
      'csca-out': { type: 'string' },
      citizen: { type: 'string', default: 'nhung' },
      port: { type: 'string', default: String(VPCD_DEFAULT_PORT) },
      bitrate: { type: 'string' },
      turnaround: { type: 'string' },
      control: { type: 'boolean', default: false },
      trace: { type: 'boolean', default: false },
    },
  });
  const link: LinkModel | undefined = values.bitrate
    ? { bitRate: Number(values.bitrate), turnaroundMs: Number(values.turnaround ?? '3') }
    : undefined;
  const cscaOut = values['csca-out'];
  if (cscaOut) {
    writeFileSync(cscaOut, cardIssuer().csca.der);
    console.error(`CSCA certificate of the virtual card written to ${cscaOut} (DER)`);
  }
  let card = await build({ variant: values.variant, quirks: values.quirk ?? [], citizen: values.citizen, ...(link ? { link } : {}) });
  const slot = new VpcdSlot(card.engine, {
    port: Number(values.port),
    onGone: () => say({ event: 'gone' }),
    ...(values.trace ? { trace: (l: string) => process.stderr.write(`${l}\n`) } : {}),
  });

  if (!values.control) {
    await slot.insert(10_000);
    console.error(`virtual CCCD (${card.variant}, ${card.citizen.fullName}) inserted in vpcd port ${values.port}`);
    const stop = () => void slot.remove().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }

  // The test side trusts this CSCA; it only exists in this process (generated at start).
  say({ event: 'ready', cscaDer: Buffer.from(cardIssuer().csca.der).toString('hex') });
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    let req: { op?: string } & InsertRequest;
    try {
      req = JSON.parse(line) as { op?: string } & InsertRequest;
    } catch {
      say({ ok: false, error: 'bad json' });
      continue;
    }
    try {
      if (req.op === 'insert') {
        await slot.remove();
        if (req.variant || req.quirks || req.citizen || req.link) card = await build(req);
        else card.engine.reinsert();
        slot.setCard(card.engine);
        await slot.insert(10_000);
        say({ ok: true, op: 'insert', variant: card.variant });
      } else if (req.op === 'remove') {
        await slot.remove();
        say({ ok: true, op: 'remove' });
      } else if (req.op === 'stats') {
        say({ ok: true, op: 'stats', apduCount: card.engine.apduCount });
      } else if (req.op === 'quit') {
        await slot.remove();
        say({ ok: true, op: 'quit' });
        break;
      } else {
        say({ ok: false, error: `unknown op ${String(req.op)}` });
      }
    } catch (err) {
      say({ ok: false, op: req.op, error: err instanceof Error ? err.message : String(err) });
    }
  }
  process.exit(0);
}

void main();
