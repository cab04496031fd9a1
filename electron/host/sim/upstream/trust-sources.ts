/**
 * The CSCAs the reference upstream trusts, from what an operator has: a kiosk's data folder (its
 * trust store, as `npm run trust` keeps it), a folder of `.der` certificates, or a PEM/DER file.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TrustStore } from '../../card/icao/auth/trust-store';
import { silentLogger } from '../../log';
import { TrustService } from '../../trust/trust-service';

export async function loadTrust(paths: readonly string[]): Promise<TrustStore> {
  const trust = new TrustStore();
  for (const path of paths) {
    if (!statSync(path).isDirectory()) trust.addPemOrDer(new Uint8Array(readFileSync(path)), `file:${path}`);
    else if (existsSync(join(path, 'trust'))) trust.addFrom((await TrustService.open(path, silentLogger)).anchors);
    else trust.addFrom((await TrustStore.load(path)).store);
  }
  return trust;
}
