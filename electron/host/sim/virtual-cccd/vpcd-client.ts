/**
 * Puts a card into vsmartcard's vpcd reader. The card is a TCP client of vpcd: while the socket
 * is open the card is in the field; closing it is removing the card, reconnecting inserts it.
 * Every message is a 2-byte big-endian length and a payload; a 1-byte payload is a control
 * message (0 power off, 1 power on, 2 reset, 4 get ATR), anything longer is a command APDU.
 */
import { Socket } from 'node:net';
import { CardError, isCardError } from '../../card/errors';
import type { ApduProcessor } from '../../card/transport/memory-transport';

export const VPCD_DEFAULT_PORT = 35963; // "Virtual PCD 00 00"; 35964 is "Virtual PCD 00 01"

const CTRL_POWER_OFF = 0;
const CTRL_POWER_ON = 1;
const CTRL_RESET = 2;
const CTRL_GET_ATR = 4;

export interface VpcdSlotOptions {
  host?: string;
  port?: number;
  /** Called when the card takes itself out (the "pulled away" variant) or vpcd closes on us. */
  onGone?: () => void;
  /** Logs each exchange; off by default (APDUs of a real session are personal data). */
  trace?: (line: string) => void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

export class VpcdSlot {
  private socket: Socket | undefined;
  private pending = Buffer.alloc(0);
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private card: ApduProcessor,
    private readonly options: VpcdSlotOptions = {},
  ) {}

  get inserted(): boolean {
    return this.socket !== undefined;
  }

  /** Swaps the card object; takes effect at the next insert. */
  setCard(card: ApduProcessor): void {
    this.card = card;
  }

  /** Connects to vpcd (= card enters the field). Retries briefly: vpcd may still be starting. */
  async insert(timeoutMs = 5000): Promise<void> {
    if (this.socket) return;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        this.socket = await this.connectOnce();
        break;
      } catch {
        if (Date.now() > deadline) throw new CardError('card.no_reader', `vpcd is not listening on port ${this.options.port ?? VPCD_DEFAULT_PORT}`);
        await sleep(100);
      }
    }
    this.card.reset?.();
  }

  /** Closes the socket (= card leaves the field). */
  async remove(): Promise<void> {
    const s = this.socket;
    if (!s) return;
    this.socket = undefined;
    await new Promise<void>((resolve) => {
      s.once('close', () => resolve());
      s.destroy();
    });
  }

  private connectOnce(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const s = new Socket();
      s.setNoDelay(true);
      s.once('error', reject);
      s.connect(this.options.port ?? VPCD_DEFAULT_PORT, this.options.host ?? '127.0.0.1', () => {
        s.off('error', reject);
        s.on('error', () => s.destroy());
        s.on('data', (d: Buffer) => this.onData(s, d));
        s.on('close', () => {
          if (this.socket === s) {
            this.socket = undefined;
            this.options.onGone?.();
          }
        });
        this.pending = Buffer.alloc(0);
        resolve(s);
      });
    });
  }

  private onData(s: Socket, data: Buffer): void {
    this.pending = Buffer.concat([this.pending, data]);
    while (this.pending.length >= 2) {
      const len = this.pending.readUInt16BE(0);
      if (this.pending.length < 2 + len) break;
      const msg = Uint8Array.from(this.pending.subarray(2, 2 + len));
      this.pending = this.pending.subarray(2 + len);
      // vpcd waits for each answer before the next command, but keep order regardless.
      this.chain = this.chain.then(() => this.handle(s, msg));
    }
  }

  private async handle(s: Socket, msg: Uint8Array): Promise<void> {
    if (this.socket !== s) return;
    if (msg.length === 1) {
      const ctrl = msg[0];
      if (ctrl === CTRL_GET_ATR) this.send(s, this.card.atr);
      else if (ctrl === CTRL_POWER_OFF || ctrl === CTRL_POWER_ON || ctrl === CTRL_RESET) this.card.reset?.();
      return;
    }
    let response: Uint8Array;
    try {
      response = this.card.process(msg);
    } catch (err) {
      if (isCardError(err) && err.code === 'card.removed') {
        // The card "left the field": vpcd then reports the card absent to pcscd.
        this.options.trace?.(`>> ${hex(msg)} (card leaves the field)`);
        await this.remove();
        this.options.onGone?.();
        return;
      }
      // A lost answer (field glitch): a truncated one-byte frame, which the reader hands on as an
      // exchange without a status word while the card stays present. (vpcd does not pass an
      // empty frame on: it would wait for more.)
      response = isCardError(err) && err.code === 'card.timeout' ? Uint8Array.of(0x00) : Uint8Array.of(0x6f, 0x00);
    }
    this.options.trace?.(`>> ${hex(msg)}\n<< ${hex(response)}`);
    const delay = this.card.linkDelayMs?.(msg, response) ?? 0;
    if (delay > 0) await sleep(delay);
    this.send(s, response);
  }

  private send(s: Socket, payload: Uint8Array): void {
    if (this.socket !== s) return;
    const frame = Buffer.alloc(2 + payload.length);
    frame.writeUInt16BE(payload.length, 0);
    frame.set(payload, 2);
    s.write(frame);
  }
}
