/**
 * The administrator's trust-store tool, on the same data folder and trust service as the kiosk
 * (KIOSK_DATA_DIR / the config's dataDir). A running kiosk sees the change at its next read.
 *
 *   npm run trust -- list
 *   npm run trust -- import <cert-file>                                    self-signed CSCA (PEM/DER)
 *   npm run trust -- import-master-list <ml-file> --signer-root <root-file>
 *   npm run trust -- remove <sha256>
 *
 * Every change is logged (JSON line on stderr and in <data folder>/trust/changes.log) with the
 * certificate's SHA-256 and subject. Prints JSON; exit 1 with {ok:false,error} on failure.
 */
import { loadConfig } from '../host/config';
import { failJson, toJson } from './card/json-out';
import { runTrustCli } from './trust/run';

async function main() {
  try {
    const value = await runTrustCli(process.argv.slice(2), loadConfig().dataDir);
    console.log(toJson({ ok: true, value }));
  } catch (e) {
    failJson(e);
  }
}

void main();
