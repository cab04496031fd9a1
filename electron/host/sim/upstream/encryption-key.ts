/** The upstream's packet-encryption key pair, made on first start and kept in its data folder (0600). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { generateEncryptionKey, publicJwk } from '../../sync/packet/keys';
import { writeFileAtomic } from './files';

export async function loadOrCreateEncryptionKey(dir: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const path = join(dir, 'encryption-key.jwk.json');
  if (!existsSync(path)) writeFileAtomic(path, JSON.stringify((await generateEncryptionKey()).privateJwk), 0o600);
  const privateJwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  return { privateJwk, publicJwk: publicJwk(privateJwk) };
}
