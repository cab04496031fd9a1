/**
 * Passive authentication again, upstream, on the raw chip files inside a packet, with the kiosk's
 * own card stack (icao/lds/sod.ts, icao/auth/passive.ts) and a CSCA trust store. A file that does
 * not match the SOD, a SOD whose signature fails, or a data group the SOD does not list is a packet
 * altered after the read: refused (packet.chip_unverified). A chain that does not reach a trusted
 * CSCA is not a broken packet but a finding: the packet is stored and the decision says so.
 */
import { passiveAuth, type ChainStatus } from '../../card/icao/auth/passive';
import type { TrustStore } from '../../card/icao/auth/trust-store';
import { parseSod } from '../../card/icao/lds/sod';
import { PacketError } from '../../sync/packet/errors';
import type { OpenedPacket, PartName } from '../../sync/packet/manifest';

const DG_PARTS: ReadonlyArray<[PartName, number]> = [['dg1', 1], ['dg2', 2], ['dg13', 13], ['dg14', 14], ['dg15', 15]];

/** 'absent': no chip files (a QR or typed dossier); otherwise the chain status of the verified SOD. */
export type ChipFinding = 'absent' | ChainStatus;

export function checkChip(packet: OpenedPacket, trust: TrustStore, now = new Date()): ChipFinding {
  const dataGroups = new Map<number, Uint8Array>();
  for (const [part, dg] of DG_PARTS) {
    const bytes = packet.parts.get(part);
    if (bytes) dataGroups.set(dg, bytes);
  }
  const sodBytes = packet.parts.get('ef_sod');
  if (!sodBytes) {
    if (dataGroups.size > 0) throw new PacketError('packet.chip_unverified', 'chip files without their SOD');
    return 'absent';
  }
  if (!dataGroups.has(1) || !dataGroups.has(13)) throw new PacketError('packet.chip_unverified', 'DG1 and DG13 must travel with the SOD');
  let report;
  try {
    report = passiveAuth(parseSod(sodBytes), dataGroups, trust, now);
  } catch {
    throw new PacketError('packet.chip_unverified', 'the SOD does not parse');
  }
  if (report.signature !== 'valid') throw new PacketError('packet.chip_unverified', 'the SOD signature does not verify');
  const bad = report.hashes.find((h) => h.status === 'mismatch');
  if (bad) throw new PacketError('packet.chip_unverified', `DG${bad.dg} does not match the SOD`);
  if (report.notInSod.length) throw new PacketError('packet.chip_unverified', `DG${report.notInSod[0]} is not in the SOD`);
  return report.chain.status;
}
