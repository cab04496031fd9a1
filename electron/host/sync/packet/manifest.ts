/**
 * The packet's JSON (docs/upstream-api.yaml, schema `Packet`): a manifest naming every part with
 * its size and SHA-256, and the parts as base64. Shared by the builder (kiosk) and the opener
 * (upstream), so both sides agree on names, media types and limits.
 */
import { z } from 'zod';
import { DOSSIER_ID_RE } from '../../../../shared/domain/shapes';

export const PACKET_VERSION = 1;
/** The JWE's `cty`: its plaintext is a compact JWS of a Packet. */
export const PACKET_CTY = 'application/vnd.eid-kiosk.packet+jws';
/** One PUT carries at most this many characters of compact JWE (the yaml's maxLength, 8 MiB of bytes as base64url). */
export const MAX_JWE_CHARS = 11_184_810;

export const CHIP_FILE_PARTS = ['ef_com', 'ef_sod', 'dg1', 'dg2', 'dg13', 'dg14', 'dg15'] as const;
export type ChipFilePart = (typeof CHIP_FILE_PARTS)[number];
export const PART_NAMES = ['dossier.json', 'live_portrait.jpg', 'chip_portrait', ...CHIP_FILE_PARTS, 'liveness.json'] as const;
export type PartName = (typeof PART_NAMES)[number];
/** A packet without these is not a dossier. */
export const REQUIRED_PARTS: readonly PartName[] = ['dossier.json', 'live_portrait.jpg', 'liveness.json'];

export { DOSSIER_ID_RE };
export const DEVICE_ID_RE = /^KIOSK-[A-Z0-9]{8,32}$/;

const isoTime = z.string().datetime();

export const manifestPartSchema = z.object({
  name: z.enum(PART_NAMES),
  mediaType: z.string().max(100),
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ManifestPart = z.infer<typeof manifestPartSchema>;

export const manifestSchema = z.object({
  packetVersion: z.literal(PACKET_VERSION),
  dossierId: z.string().regex(DOSSIER_ID_RE),
  deviceId: z.string().regex(DEVICE_ID_RE),
  station: z.string().max(120).nullable().optional(),
  createdAt: isoTime,
  submittedAt: isoTime.optional(),
  officerId: z.string().min(1).max(64),
  supervisorId: z.string().min(1).max(64),
  approvedAt: isoTime,
  /**
   * Which submission of the dossier this is: absent (= 1) for the first; 2, 3, … each time it is
   * approved again after the upstream rejected it asking for a correction (docs/upstream-api.yaml).
   */
  submission: z.number().int().min(2).max(99).optional(),
  parts: z.array(manifestPartSchema).min(1).max(PART_NAMES.length),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const packetSchema = z.object({
  manifest: manifestSchema,
  parts: z.record(z.string().max(40), z.string()),
});
export type PacketJson = z.infer<typeof packetSchema>;

/** A packet as the upstream reads it: the manifest and each part's bytes. */
export interface OpenedPacket {
  manifest: Manifest;
  parts: Map<PartName, Uint8Array>;
}

export function mediaTypeOf(name: PartName, bytes: Uint8Array): string {
  if (name.endsWith('.json')) return 'application/json';
  if (name === 'live_portrait.jpg') return 'image/jpeg';
  if (name === 'chip_portrait') {
    if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
    // JPEG 2000: the JP2 signature box, or a bare codestream (FF 4F FF 51).
    if (bytes[4] === 0x6a && bytes[5] === 0x50) return 'image/jp2';
    if (bytes[0] === 0xff && bytes[1] === 0x4f) return 'image/j2c';
  }
  return 'application/octet-stream';
}
