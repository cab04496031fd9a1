/** The commands of `npm run trust` (see electron/cli/trust.ts), callable from tests. */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { HostError } from '../../host/bridge/host-error';
import { createLogger } from '../../host/log';
import { TrustService } from '../../host/trust/trust-service';

const USAGE = 'usage: trust list | import <cert-file> | import-master-list <ml-file> --signer-root <root-file> | remove <sha256>';

function readInput(path: string | undefined): Uint8Array {
  if (!path) throw new HostError('trust.usage', USAGE);
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new HostError('trust.invalid_file', `cannot read ${path}: ${(e as Error).message}`);
  }
}

/** `echo` gets each change's log line besides the data folder's changes.log (stderr by default). */
export async function runTrustCli(argv: string[], dataDir: string, echo: (line: string) => void = (l) => process.stderr.write(l + '\n')): Promise<unknown> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'signer-root': { type: 'string' } } });
  const [command, arg] = positionals;
  const logDir = join(dataDir, 'trust');
  mkdirSync(logDir, { recursive: true });
  const log = createLogger((line) => {
    echo(line);
    appendFileSync(join(logDir, 'changes.log'), line + '\n');
  });
  const trust = await TrustService.open(dataDir, log);
  switch (command) {
    case 'list':
      return { dataDir, ...trust.list() };
    case 'import':
      return trust.importCsca(basename(arg ?? ''), readInput(arg));
    case 'import-master-list': {
      const root = values['signer-root'];
      if (!root) throw new HostError('trust.usage', `a master list needs --signer-root <root-file>; ${USAGE}`);
      return trust.importMasterList(basename(arg ?? ''), readInput(arg), basename(root), readInput(root));
    }
    case 'remove':
      if (!arg || !/^[0-9a-f]{64}$/.test(arg)) throw new HostError('trust.usage', `remove needs the SHA-256 shown by 'list'; ${USAGE}`);
      return { removed: await trust.remove(arg) };
    default:
      throw new HostError('trust.usage', USAGE);
  }
}
