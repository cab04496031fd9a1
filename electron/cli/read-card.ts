/**
 * `npm run read-card -- --id <12 digits> [--dob dd/mm/yyyy --doe dd/mm/yyyy|none --doi dd/mm/yyyy]
 *   [--reader NAME] [--wait 30] [--portrait out.jpg]`
 * Reads the card on a PC/SC reader exactly as the kiosk does (same CardService, same trust store
 * in the data folder) and prints JSON with the identity, each verification result and timings.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { AccessInput } from '../../shared/contract/card';
import { parseDmy } from '../../shared/domain/dates';
import { CardService } from '../host/card/card-service';
import { CardError } from '../host/card/errors';
import { PcscReaderWatcher } from '../host/card/transport/pcsc-transport';
import { loadConfig } from '../host/config';
import { EventHub } from '../host/events';
import { silentLogger } from '../host/log';
import { TrustService } from '../host/trust/trust-service';
import { failJson, toJson } from './card/json-out';

function access(values: Record<string, string | undefined>): AccessInput {
  const id = (values.id ?? '').replace(/\D/g, '');
  if (id.length !== 12) throw new CardError('card.access_denied', '--id must be the 12-digit ID number');
  const date = (v: string | undefined, name: string) => {
    if (!v) return undefined;
    const iso = parseDmy(v);
    if (!iso) throw new CardError('card.access_denied', `--${name} must be dd/mm/yyyy`);
    return iso;
  };
  const doe = values.doe === 'none' ? 'none' : date(values.doe, 'doe');
  const dob = date(values.dob, 'dob');
  const doi = date(values.doi, 'doi');
  return { idNumber: id, ...(dob ? { dateOfBirth: dob } : {}), ...(doe ? { dateOfExpiry: doe } : {}), ...(doi ? { dateOfIssue: doi } : {}) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      id: { type: 'string' }, dob: { type: 'string' }, doe: { type: 'string' }, doi: { type: 'string' },
      reader: { type: 'string' }, wait: { type: 'string', default: '30' }, portrait: { type: 'string' },
    },
  });
  const config = loadConfig();
  const watcher = await PcscReaderWatcher.start();
  try {
    const input = access(values);
    const hub = new EventHub(silentLogger);
    const t0 = performance.now();
    const phases: Record<string, number> = {};
    hub.subscribe((name, payload) => {
      if (name !== 'card.progress') return;
      const p = payload as { step: string; file?: string };
      const key = p.step === 'reading' && p.file ? `read ${p.file}` : p.step;
      phases[key] ??= Math.round(performance.now() - t0);
    });
    const trust = await TrustService.open(config.dataDir, silentLogger);
    // Give pcscd a moment to report its readers before choosing one.
    await new Promise((r) => setTimeout(r, 300));
    const service = new CardService({ watcher, trustStore: () => trust.current(), hub, log: silentLogger, preferredReader: config.reader.preferred, cardWaitMs: Number(values.wait) * 1000 });
    const view = await service.read(input, undefined, values.reader);
    if (values.portrait && view.portrait) writeFileSync(values.portrait, Buffer.from(view.portrait.split(',')[1] ?? '', 'base64'));
    console.log(toJson({ ok: true, ...view, portrait: view.portrait ? `${view.portraitFormat}, ${view.portrait.length} chars as data URL` : null, timingsMs: { ...phases, total: Math.round(performance.now() - t0) } }));
    await watcher.close();
    process.exit(0);
  } catch (e) {
    await watcher.close();
    failJson(e);
  }
}

void main();
