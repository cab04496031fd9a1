/**
 * Builds a packet: Packet JSON (manifest + base64 parts) → compact JWS (ES256, kid = device id) →
 * compact JWE (ECDH-ES+A256KW, A256GCM) to the upstream's key. The digest is the SHA-256 of the JWS.
 *
 * The JWS is deterministic: the manifest holds only stored facts (no "now"), the JSON is written
 * in a fixed order, and the signature is RFC 6979 ECDSA (@noble/curves; WebCrypto's ECDSA is
 * randomised). So a packet rebuilt after a crash, or exported and rebuilt elsewhere from the same
 * dossier, has the same digest, and upstream answers "already stored" instead of a conflict.
 */
import { base64Into, base64Length } from './base64';
import { createHash } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { CompactEncrypt, importJWK, type JWK } from 'jose';
import { PacketError } from './errors';
import type { Jwe } from './jwe';
import { DEVICE_ID_RE, MAX_JWE_CHARS, mediaTypeOf, PACKET_CTY, PACKET_VERSION, PART_NAMES, type ChipFilePart, type Manifest, type PartName } from './manifest';

export { jweBytes, jweText, type Jwe } from './jwe';

export interface PacketInput {
  dossierId: string;
  station: string | null;
  /** When the dossier was created, submitted and approved (ISO 8601, from the store). */
  createdAt: string;
  submittedAt?: string;
  approvedAt: string;
  /** 1 (or absent) for the first submission; see manifest.ts. */
  submission?: number;
  officerId: string;
  supervisorId: string;
  /** The dossier body (JSON-able); the portrait's evidence travels in `liveness` instead. */
  dossier: unknown;
  livePortrait: Uint8Array;
  chipPortrait?: Uint8Array;
  /** The raw chip files and the SOD, as read (absent for a QR or typed dossier). */
  chipFiles: Partial<Record<ChipFilePart, Uint8Array>>;
  /** Liveness and quality evidence (JSON-able). */
  liveness: unknown;
}

export interface PacketKeys {
  deviceId: string;
  /** The kiosk's P-256 signing key as a private JWK (with `d`). */
  signingKey: JWK;
  /** The upstream's public encryption JWK, as enrolment returned it (with its kid). */
  upstreamKey: JWK;
}

export interface BuiltPacket {
  jwe: string;
  /** SHA-256 of the JWS, hex: what upstream compares for "same packet". */
  digest: string;
  /** Length of the JWE in bytes (ASCII). */
  size: number;
}

/** A packet as a build thread hands it back: the JWE as bytes. */
export type HandedPacket = Omit<BuiltPacket, 'jwe'> & { jwe: Jwe };

const utf8 = (s: string) => new TextEncoder().encode(s);
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

function partBytes(input: PacketInput): Map<PartName, Uint8Array> {
  const found: Partial<Record<PartName, Uint8Array>> = {
    'dossier.json': utf8(JSON.stringify(input.dossier)),
    'live_portrait.jpg': input.livePortrait,
    ...(input.chipPortrait ? { chip_portrait: input.chipPortrait } : {}),
    ...input.chipFiles,
    'liveness.json': utf8(JSON.stringify(input.liveness)),
  };
  const out = new Map<PartName, Uint8Array>();
  for (const name of PART_NAMES) if (found[name]) out.set(name, found[name]);
  return out;
}

/**
 * The Packet JSON as UTF-8 bytes, keys in a fixed order: exactly JSON.stringify({ manifest, parts })
 * (base64 needs no escaping), written straight into one buffer: the 300 KB of base64 never become
 * one JavaScript string (see base64.ts), and the manifest's Vietnamese (station, names) does not
 * make the whole payload a two-byte string.
 */
export function packetBytes(input: PacketInput, deviceId: string): Buffer {
  const parts = partBytes(input);
  const manifest: Manifest = {
    packetVersion: PACKET_VERSION,
    dossierId: input.dossierId,
    deviceId,
    station: input.station,
    createdAt: input.createdAt,
    ...(input.submittedAt ? { submittedAt: input.submittedAt } : {}),
    officerId: input.officerId,
    supervisorId: input.supervisorId,
    approvedAt: input.approvedAt,
    // Written only from the second submission on, so a first packet's digest is what it always was.
    ...(input.submission && input.submission > 1 ? { submission: input.submission } : {}),
    parts: [...parts].map(([name, bytes]) => ({ name, mediaType: mediaTypeOf(name, bytes), size: bytes.length, sha256: sha256(bytes) })),
  };
  const head = Buffer.from(`{"manifest":${JSON.stringify(manifest)},"parts":{`, 'utf8');
  // Each part: its key and opening quote, its base64, its closing quote.
  const entries = [...parts].map(([name, bytes], i) => ({ key: Buffer.from(`${i ? ',' : ''}${JSON.stringify(name)}:"`, 'latin1'), bytes }));
  const size = entries.reduce((n, e) => n + e.key.length + base64Length(e.bytes.length, 'base64') + 1, head.length + 2);
  const out = Buffer.allocUnsafe(size);
  let at = head.copy(out, 0);
  for (const { key, bytes } of entries) {
    at += key.copy(out, at);
    at = base64Into(out, at, bytes, 'base64');
    out[at++] = 0x22;
  }
  at += out.write('}}', at, 'latin1');
  if (at !== size) throw new Error('packet JSON length');
  return out;
}

/** The Packet JSON, keys in a fixed order. */
export function packetJson(input: PacketInput, deviceId: string): string {
  return packetBytes(input, deviceId).toString('utf8');
}

/**
 * Compact JWS, ES256 with a deterministic (RFC 6979) signature; jose verifies it like any other.
 * The payload is text (encoded as UTF-8) or its bytes. A compact JWS is ASCII, so it is hashed as
 * latin1 (the same bytes, without a UTF-8 pass over 400 KB).
 */
export function signCompact(payload: string | Uint8Array, signingKey: JWK, kid: string): string {
  return signed(payload, signingKey, kid).jws.toString('latin1');
}

/** An ES256 signature is 64 bytes: 86 characters of base64url. */
const SIGNATURE_CHARS = base64Length(64, 'base64url');

/**
 * The compact JWS as bytes (ASCII), and its digest (SHA-256 of the whole JWS, hex), from one pass
 * over the signing input: the hash of "header.payload" is what ES256 signs, and a copy of it,
 * carried on over ".signature", is the digest. Written straight into one buffer: the 300 KB of
 * base64url never become one JavaScript string (see base64.ts).
 */
function signed(payload: string | Uint8Array, signingKey: JWK, kid: string): { jws: Buffer; digest: string } {
  if (signingKey.kty !== 'EC' || signingKey.crv !== 'P-256' || !signingKey.d) throw new Error('the signing key must be a private P-256 JWK');
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid }), 'utf8').toString('base64url');
  const jws = Buffer.allocUnsafe(header.length + 1 + base64Length(body.length, 'base64url') + 1 + SIGNATURE_CHARS);
  let at = jws.write(header, 0, 'latin1');
  jws[at++] = 0x2e;
  at = base64Into(jws, at, body, 'base64url');
  const hash = createHash('sha256').update(jws.subarray(0, at));
  const signature = Buffer.from(p256.sign(hash.copy().digest(), Buffer.from(signingKey.d, 'base64url'), { prehash: false })).toString('base64url');
  const tail = at;
  jws[at++] = 0x2e;
  at += jws.write(signature, at, 'latin1');
  if (at !== jws.length) throw new Error('JWS length');
  return { jws, digest: hash.update(jws.subarray(tail)).digest('hex') };
}

/** The upstream's public key imported once per exact JWK text (importing it cost ~1.5 ms a packet). */
const imported = new Map<string, Promise<Awaited<ReturnType<typeof importJWK>>>>();

function upstreamKeyOf(jwk: JWK) {
  const text = JSON.stringify(jwk);
  let key = imported.get(text);
  if (!key) {
    if (imported.size >= 8) imported.clear();
    key = importJWK(jwk, 'ECDH-ES+A256KW');
    key.catch(() => imported.delete(text));
    imported.set(text, key);
  }
  return key;
}

/** The JWS as text or as its ASCII bytes. */
export async function encryptTo(jws: string | Uint8Array, upstreamKey: JWK): Promise<string> {
  const key = await upstreamKeyOf(upstreamKey);
  // A compact JWS is ASCII: its latin1 bytes are its UTF-8 bytes.
  return new CompactEncrypt(typeof jws === 'string' ? Buffer.from(jws, 'latin1') : jws)
    .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: PACKET_CTY, ...(upstreamKey.kid ? { kid: upstreamKey.kid } : {}) })
    .encrypt(key);
}

export async function buildPacket(input: PacketInput, keys: PacketKeys): Promise<BuiltPacket> {
  if (!DEVICE_ID_RE.test(keys.deviceId)) throw new Error('not a device id');
  const { jws, digest } = signed(packetBytes(input, keys.deviceId), keys.signingKey, keys.deviceId);
  const jwe = await encryptTo(jws, keys.upstreamKey);
  if (jwe.length > MAX_JWE_CHARS) throw new PacketError('packet.too_large', `${jwe.length} characters`);
  return { jwe, digest, size: jwe.length };
}
