/**
 * The vpcd framing, against a small stand-in for vpcd (a TCP server on a free port), so it is
 * checked without pcscd: 2-byte length prefix, 1-byte control messages, APDUs answered in order,
 * socket closed when the card leaves the field.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CardError } from '../../card/errors';
import type { ApduProcessor } from '../../card/transport/memory-transport';
import { VpcdSlot } from './vpcd-client';

const frame = (...payload: number[]) => Buffer.from([payload.length >> 8, payload.length & 0xff, ...payload]);

/** Reads length-prefixed frames from the card's socket. */
function frames(socket: Socket): () => Promise<number[]> {
  let buf = Buffer.alloc(0);
  const waiting: ((f: number[]) => void)[] = [];
  const ready: number[][] = [];
  socket.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
      const f = [...buf.subarray(2, 2 + buf.readUInt16BE(0))];
      buf = buf.subarray(2 + f.length);
      const w = waiting.shift();
      if (w) w(f);
      else ready.push(f);
    }
  });
  return () => new Promise((resolve) => (ready.length ? resolve(ready.shift() ?? []) : waiting.push(resolve)));
}

async function fakeVpcd(): Promise<{ server: Server; port: number; card: Promise<Socket> }> {
  let accept: (s: Socket) => void = () => undefined;
  const card = new Promise<Socket>((r) => (accept = r));
  const server = createServer((s) => accept(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, port, card };
}

let server: Server | undefined;
afterEach(() => server?.close());

describe('VpcdSlot', () => {
  it('answers get-ATR, ignores power control and answers APDUs in order', async () => {
    const vpcd = await fakeVpcd();
    server = vpcd.server;
    const resets: string[] = [];
    const card: ApduProcessor = {
      atr: Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01),
      process: (apdu) => Uint8Array.of(apdu[1] ?? 0, 0x90, 0x00),
      reset: () => resets.push('reset'),
    };
    const slot = new VpcdSlot(card, { port: vpcd.port });
    await slot.insert();
    const socket = await vpcd.card;
    const next = frames(socket);
    socket.write(frame(4)); // get ATR
    expect(await next()).toEqual([0x3b, 0x80, 0x80, 0x01, 0x01]);
    socket.write(Buffer.concat([frame(1), frame(0x00, 0xa4, 0x04, 0x0c), frame(0x00, 0xb0, 0x00, 0x00, 0x10)])); // power on + 2 APDUs in one write
    expect(await next()).toEqual([0xa4, 0x90, 0x00]);
    expect(await next()).toEqual([0xb0, 0x90, 0x00]);
    expect(resets.length).toBeGreaterThanOrEqual(2); // on insert and on power on
    await slot.remove();
    expect(slot.inserted).toBe(false);
  });

  it('closes the socket when the card leaves the field, and reports it once', async () => {
    const vpcd = await fakeVpcd();
    server = vpcd.server;
    let gone = 0;
    const card: ApduProcessor = {
      atr: Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01),
      process: () => {
        throw new CardError('card.removed', 'left');
      },
    };
    const slot = new VpcdSlot(card, { port: vpcd.port, onGone: () => gone++ });
    await slot.insert();
    const socket = await vpcd.card;
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.write(frame(0x00, 0xb0, 0x00, 0x00, 0x10));
    await closed;
    expect(gone).toBe(1);
    expect(slot.inserted).toBe(false);
  });

  it('gives up with card.no_reader when vpcd is not listening', async () => {
    const card: ApduProcessor = { atr: new Uint8Array(), process: () => new Uint8Array() };
    await expect(new VpcdSlot(card, { port: 1 }).insert(300)).rejects.toMatchObject({ code: 'card.no_reader' });
  });
});
