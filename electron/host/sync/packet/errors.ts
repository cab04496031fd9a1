/** Why a packet could not be built or opened: the yaml's problem codes, with the HTTP status the upstream answers. */
export type PacketProblemCode =
  | 'packet.malformed'
  | 'packet.decrypt_failed'
  | 'packet.signature_invalid'
  | 'packet.manifest_mismatch'
  | 'packet.chip_unverified'
  | 'packet.too_large'
  | 'device.unknown'
  | 'device.revoked';

const STATUS: Record<PacketProblemCode, number> = {
  'packet.malformed': 400,
  'packet.decrypt_failed': 400,
  'packet.signature_invalid': 422,
  'packet.manifest_mismatch': 422,
  'packet.chip_unverified': 422,
  'packet.too_large': 413,
  'device.unknown': 403,
  'device.revoked': 403,
};

export class PacketError extends Error {
  readonly status: number;
  /** `detail` is technical English and never holds personal data (it may reach logs and the problem body). */
  constructor(readonly code: PacketProblemCode, readonly detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.status = STATUS[code];
  }
}

export function isPacketError(e: unknown): e is PacketError {
  return e instanceof PacketError;
}
