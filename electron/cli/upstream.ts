/**
 * `npm run upstream -- --data DIR [--port N] [--enrolment-port N] [--trust PATH]... [--script FILE] [--import DIR]`
 *
 * Starts the reference upstream (electron/host/sim/upstream/) on loopback and prints, as one JSON
 * line on stdout, what a kiosk needs to enrol: the API and enrolment URLs, the CA to pin and a
 * one-time enrolment token (also written to DIR/enrolment.json). `--trust`: the CSCAs passive
 * authentication trusts (a kiosk data folder, a folder of .der files, or a PEM/DER file; repeat it).
 * `--script FILE`: JSON behaviour (see the README), read at start and again on SIGHUP.
 * `--import DIR`: every `*.jwe` file below DIR (exported packets) is imported at start, one JSON line each.
 * Stops cleanly on SIGINT/SIGTERM.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { scriptSchema } from '../host/sim/upstream/control';
import { writeFileAtomic } from '../host/sim/upstream/files';
import { startUpstream } from '../host/sim/upstream/server';
import { loadTrust } from '../host/sim/upstream/trust-sources';

const readScript = (file: string) => scriptSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

function port(text: string | undefined, name: string): number {
  const n = Number(text ?? 0);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number`);
  return n;
}

/** Exported packets carried by hand: each stored once (201), or already there (200), or refused with its code. */
async function importFolder(control: Awaited<ReturnType<typeof startUpstream>>['control'], dir: string): Promise<void> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.jwe')).sort();
  for (const file of files) {
    try {
      const { status, receipt } = await control.importPacket(readFileSync(join(dir, file), 'latin1'));
      console.log(JSON.stringify({ imported: file, status, dossierId: receipt.dossierId }));
    } catch (e) {
      console.log(JSON.stringify({ imported: file, refused: (e as { code?: string }).code ?? 'unavailable' }));
    }
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      'enrolment-port': { type: 'string' },
      trust: { type: 'string', multiple: true, default: [] },
      script: { type: 'string' },
      import: { type: 'string' },
    },
  });
  if (!values.data) throw new Error('--data DIR is required (the upstream keeps its CA, devices and packets there)');
  const up = await startUpstream({
    dataDir: values.data,
    port: port(values.port, '--port'),
    enrolmentPort: port(values['enrolment-port'], '--enrolment-port'),
    trust: await loadTrust(values.trust),
    ...(values.script ? { script: readScript(values.script) } : {}),
  });
  const stop = () => void up.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const token = up.control.issueToken();
  const caPath = join(values.data, 'ca.pem');
  const info = { url: up.url, enrolmentUrl: up.enrolmentUrl, caPath, token };
  writeFileAtomic(join(values.data, 'enrolment.json'), JSON.stringify({ ...info, caPem: up.caPem }, null, 2), 0o600);
  console.log(JSON.stringify(info));
  if (values.import) await importFolder(up.control, values.import);
  console.error(`reference upstream: API ${up.url}, enrolment ${up.enrolmentUrl}; pin ${caPath}; one-time token in ${join(values.data, 'enrolment.json')}`);
  // Counts only: the upstream never logs a dossier's content.
  up.events.on('stored', (e: { dossierId: string }) => console.error(JSON.stringify({ event: 'stored', dossierId: e.dossierId, packets: up.control.packetCount() })));
  up.events.on('refused', (e: { code: string; status: number }) => console.error(JSON.stringify({ event: 'refused', code: e.code, status: e.status })));
  up.events.on('failed', () => console.error(JSON.stringify({ event: 'failed' })));
  if (values.script) {
    const file = values.script;
    process.on('SIGHUP', () => {
      try {
        up.control.apply(readScript(file));
        console.error(JSON.stringify({ event: 'script_reloaded' }));
      } catch (e) {
        console.error(JSON.stringify({ event: 'script_refused', error: (e as Error).message }));
      }
    });
  }
}

main().catch((e: Error) => {
  console.error(JSON.stringify({ error: e.message }));
  process.exit(1);
});
