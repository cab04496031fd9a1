/**
 * Dossier packets (issue 11, docs/upstream-api.yaml `Packet`): what the kiosk sends upstream.
 *
 *   JWE (ECDH-ES+A256KW on P-256, A256GCM, cty application/vnd.eid-kiosk.packet+jws, kid = upstream key's)
 *     └ JWS (ES256, kid = device id, deterministic RFC 6979 signature)
 *         └ { manifest: { packetVersion 1, dossierId, deviceId, station, createdAt, submittedAt?,
 *                         officerId, supervisorId, approvedAt, parts: [{ name, mediaType, size, sha256 }] },
 *             parts: { [name]: base64 } }
 *   parts: dossier.json, live_portrait.jpg, chip_portrait?, ef_com? ef_sod? dg1? dg2? dg13? dg14? dg15?, liveness.json
 *
 * Kiosk side:
 *   buildPacketFromStore(db: Db, dossierId: string, keys: PacketKeys): Promise<BuiltPacket>
 *     The one call the outbox worker makes. Synchronous store reads, then async encryption: call it
 *     outside any transaction. Throws DossierError('wrong_state') unless the dossier is queued,
 *     sending or sent, DossierError('not_found'|'incomplete'), PacketError('packet.too_large').
 *     Deterministic digest: building the same dossier again with the same key gives the same
 *     `digest` (the JWE bytes differ each time; upstream compares the digest), so a rebuilt
 *     packet after a crash or an export is "the same packet" (200), never a conflict (409).
 *   packetInputFromStore(db: Db, dossierId: string): PacketInput
 *   buildPacket(input: PacketInput, keys: PacketKeys): Promise<BuiltPacket>
 *   PacketKeys  = { deviceId: string /* KIOSK-… *\/; signingKey: JWK /* private P-256 *\/; upstreamKey: JWK /* enrolment's encryptionKey *\/ }
 *   BuiltPacket = { jwe: string; digest: string /* sha-256 hex of the JWS *\/; size: number /* JWE bytes *\/ }
 *   generateSigningKey(): Promise<{ privateJwk, publicJwk }>   the kiosk's key pair (publicJwk → enrolment's signingKey)
 *
 * Importing build.ts or open.ts installs Uint8Array.prototype.toBase64 / Uint8Array.fromBase64 (ES2026)
 * where Node lacks them (base64.ts), so jose does not fall back to btoa/atob (twice as slow).
 *
 * Upstream side:
 *   openPacket(jwe: string, { decryptionKey, deviceKey(kid) }): Promise<{ packet: { manifest, parts: Map }, digest, signer }>
 *     throws PacketError { code: 'packet.malformed' | 'packet.decrypt_failed' | 'packet.signature_invalid'
 *       | 'packet.manifest_mismatch' | 'packet.too_large' | 'device.unknown' | 'device.revoked', status, detail }
 */
export { buildPacket, type BuiltPacket, type PacketInput, type PacketKeys } from './build';
export { isPacketError, PacketError, type PacketProblemCode } from './errors';
export { generateEncryptionKey, generateSigningKey, publicJwk, type JwkPair } from './keys';
export { CHIP_FILE_PARTS, MAX_JWE_CHARS, PACKET_CTY, PART_NAMES, type Manifest, type OpenedPacket, type PartName } from './manifest';
export { openPacket, type Opened, type OpenOptions } from './open';
export { buildPacketFromStore, packetInputFromStore, PACKABLE_STATES } from './from-store';
