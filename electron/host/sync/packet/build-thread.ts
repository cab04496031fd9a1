/**
 * The body of a packet-build thread (build-pool.ts): signs and encrypts one packet per message,
 * exactly as buildPacket does on the event loop (the same code, so the same bytes and digest).
 * The signing key arrives with each message, in memory only; nothing is written.
 */
import { parentPort } from 'node:worker_threads';
import { buildPacket, jweBytes, type HandedPacket, type PacketInput, type PacketKeys } from './build';
import { isPacketError } from './errors';

export type BuildRequest = { id: number; input: PacketInput; keys: PacketKeys };
export type BuildReply = { id: number; ok: true; built: HandedPacket } | { id: number; ok: false; packet?: { code: string; detail?: string } };

parentPort!.on('message', (m: BuildRequest) => {
  buildPacket(m.input, m.keys).then(
    (built) => {
      // The JWE as bytes whose memory is handed to the event loop (no copy, no 400 KB string there).
      const bytes = new Uint8Array(jweBytes(built.jwe));
      parentPort!.postMessage({ id: m.id, ok: true, built: { ...built, jwe: bytes } } satisfies BuildReply, [bytes.buffer]);
    },
    (e: unknown) => parentPort!.postMessage({ id: m.id, ok: false, ...(isPacketError(e) ? { packet: { code: e.code, ...(e.detail ? { detail: e.detail } : {}) } } : {}) } satisfies BuildReply),
  );
});
parentPort!.postMessage({ ready: true });
