/**
 * How the store CLIs get the station passphrase: KIOSK_STORE_PASSPHRASE (tests and benches only),
 * otherwise asked on the terminal without echo. The data folder is the app's (KIOSK_DATA_DIR).
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { loadConfig } from '../../host/config';
import { createStore, storeExists, unlockStore, type OpenStore } from '../../host/store/store';

export async function askPassphrase(prompt: string): Promise<string> {
  const fromEnv = process.env.KIOSK_STORE_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new Error('no terminal to ask the station passphrase on (set KIOSK_STORE_PASSPHRASE for tests and benches only)');
  let muted = false;
  const out = new Writable({ write: (chunk, _enc, done) => (muted ? done() : process.stderr.write(chunk, done)) });
  const rl = createInterface({ input: process.stdin, output: out, terminal: true });
  process.stderr.write(prompt);
  muted = true;
  const answer = await new Promise<string>((ok) => rl.question('', ok));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

export function dataDir(): string {
  return loadConfig().dataDir;
}

export async function openStoreForCli(opts: { createIfMissing?: boolean } = {}): Promise<OpenStore> {
  const dir = dataDir();
  if (!storeExists(dir)) {
    if (!opts.createIfMissing) throw new Error(`no store in ${dir} yet: the first start of the kiosk creates it`);
    return createStore(dir, { passphrase: await askPassphrase('New station passphrase (at least 12 characters): ') });
  }
  return unlockStore(dir, { passphrase: await askPassphrase('Station passphrase: ') });
}
