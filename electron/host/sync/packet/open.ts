/**
 * Opens a packet on the upstream's side: decrypt the JWE with the upstream's key, verify the JWS
 * with the signing device's enrolled key (found by its kid), then check the manifest against every
 * part. Each failure is a PacketError with the yaml's problem code; nothing half-checked comes out.
 */
import './base64';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { compactDecrypt, compactVerify, decodeProtectedHeader, importJWK, type CryptoKey, type JWK, type KeyObject } from 'jose';
import { PacketError } from './errors';
import { MAX_JWE_CHARS, PACKET_CTY, packetSchema, REQUIRED_PARTS, type OpenedPacket, type PartName } from './manifest';

type Key = JWK | CryptoKey | KeyObject;

export interface OpenOptions {
  /** The upstream's private encryption key. */
  decryptionKey: Key;
  /**
   * The enrolled signing key of the device named by the JWS's kid; undefined when no such device
   * is enrolled. To refuse a revoked device, throw `new PacketError('device.revoked')`.
   */
  deviceKey(kid: string): Key | undefined | Promise<Key | undefined>;
}

export interface Opened {
  packet: OpenedPacket;
  /** SHA-256 of the JWS, hex. */
  digest: string;
  /** The signer's device id (the JWS kid, equal to the manifest's deviceId). */
  signer: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/**
 * UTF-8 bytes as text, or null if they are not UTF-8: what TextDecoder('utf-8', { fatal: true })
 * gives (a leading BOM dropped too), through Node's native check and decoder: the fatal
 * TextDecoder took a sixth of opening a packet.
 */
export function utf8Text(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  const s = asBuffer(bytes).toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}


async function asKey(k: Key, alg: string): Promise<CryptoKey | KeyObject | Uint8Array> {
  return 'kty' in k && typeof k.kty === 'string' ? importJWK(k as JWK, alg) : (k as CryptoKey | KeyObject);
}

async function decrypt(jwe: string, key: Key): Promise<string> {
  let result;
  try {
    result = await compactDecrypt(jwe, await asKey(key, 'ECDH-ES+A256KW'), { keyManagementAlgorithms: ['ECDH-ES+A256KW', 'RSA-OAEP-256'], contentEncryptionAlgorithms: ['A256GCM'] });
  } catch (e) {
    throw new PacketError('packet.decrypt_failed', (e as { code?: string }).code ?? 'decryption failed');
  }
  if (result.protectedHeader.cty !== PACKET_CTY) throw new PacketError('packet.malformed', 'unexpected cty');
  const text = utf8Text(result.plaintext);
  if (text === null) throw new PacketError('packet.malformed', 'the content is not text');
  return text;
}

async function verify(jws: string, options: OpenOptions): Promise<{ payload: Uint8Array; signer: string }> {
  let kid: unknown;
  try {
    const header = decodeProtectedHeader(jws);
    if (header.alg !== 'ES256') throw new Error('alg');
    kid = header.kid;
  } catch {
    throw new PacketError('packet.malformed', 'the content is not an ES256 compact JWS');
  }
  if (typeof kid !== 'string' || !kid) throw new PacketError('packet.malformed', 'the JWS names no signer (kid)');
  const key = await options.deviceKey(kid);
  if (!key) throw new PacketError('device.unknown', 'the signing device is not enrolled');
  try {
    const { payload } = await compactVerify(jws, await asKey(key, 'ES256'), { algorithms: ['ES256'] });
    return { payload, signer: kid };
  } catch {
    throw new PacketError('packet.signature_invalid', 'the signature does not verify with the device key');
  }
}

function parseParts(payload: Uint8Array, signer: string): OpenedPacket {
  let json: unknown;
  try {
    const text = utf8Text(payload);
    if (text === null) throw new Error('not UTF-8');
    json = JSON.parse(text);
  } catch {
    throw new PacketError('packet.malformed', 'the signed content is not JSON');
  }
  const parsed = packetSchema.safeParse(json);
  if (!parsed.success) throw new PacketError('packet.malformed', `packet ${parsed.error.issues[0]?.path.join('.') ?? ''}`.slice(0, 200));
  const { manifest, parts } = parsed.data;
  if (manifest.deviceId !== signer) throw new PacketError('packet.manifest_mismatch', 'the manifest names another device than the signer');
  const out = new Map<PartName, Uint8Array>();
  for (const p of manifest.parts) {
    if (out.has(p.name)) throw new PacketError('packet.manifest_mismatch', `part ${p.name} listed twice`);
    const b64 = parts[p.name];
    if (b64 === undefined) throw new PacketError('packet.manifest_mismatch', `part ${p.name} missing`);
    if (!BASE64.test(b64)) throw new PacketError('packet.malformed', `part ${p.name} is not base64`);
    const bytes = new Uint8Array(Buffer.from(b64, 'base64'));
    if (bytes.length !== p.size) throw new PacketError('packet.manifest_mismatch', `part ${p.name} size`);
    if (createHash('sha256').update(bytes).digest('hex') !== p.sha256) throw new PacketError('packet.manifest_mismatch', `part ${p.name} hash`);
    out.set(p.name, bytes);
  }
  const extra = Object.keys(parts).find((name) => !out.has(name as PartName));
  if (extra !== undefined) throw new PacketError('packet.manifest_mismatch', 'a part not in the manifest');
  const missing = REQUIRED_PARTS.find((name) => !out.has(name));
  if (missing) throw new PacketError('packet.manifest_mismatch', `required part ${missing} missing`);
  return { manifest, parts: out };
}

export async function openPacket(jwe: string, options: OpenOptions): Promise<Opened> {
  if (typeof jwe !== 'string' || jwe.length === 0) throw new PacketError('packet.malformed', 'empty');
  if (jwe.length > MAX_JWE_CHARS) throw new PacketError('packet.too_large', `${jwe.length} characters`);
  if (jwe.split('.').length !== 5) throw new PacketError('packet.malformed', 'not a compact JWE');
  const jws = await decrypt(jwe, options.decryptionKey);
  // Hashed as latin1: only an ASCII JWS verifies, and only a verified packet's digest is used.
  const digest = createHash('sha256').update(jws, 'latin1').digest('hex');
  const { payload, signer } = await verify(jws, options);
  return { packet: parseParts(payload, signer), digest, signer };
}
