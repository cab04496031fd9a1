/**
 * The APDU engine of the virtual CCCD. It behaves like the card as far as public readers show:
 * the eMRTD applet, EF.CardAccess readable before access control, BAC or PACE opening secure
 * messaging, SM required on every command afterwards, DG3 locked, DG11 absent.
 * The access-control and authentication protocols are plugged in as `CardProtocols`, so this
 * file stays about file selection, reading and session state.
 */
import { CardError, isCardError } from '../../card/errors';
import { decodeCommand, encodeResponse, type CommandApdu, type ResponseApdu } from '../../card/iso7816/apdu';
import type { ApduProcessor } from '../../card/transport/memory-transport';
import { FID, type CardFile, type CardFileSystem } from './card-files';
import { linkTimeMs, type LinkModel } from './link-model';
import { readFile, readParams } from './read-binary';
import { ok, sw, SWC } from './status';

export const CCCD_AID = Uint8Array.of(0xa0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01);
/** ISO 14443-4 style ATR, so nfc-pcsc does not take it for a MIFARE tag (byte 5 != 0x4F). */
export const VIRTUAL_CCCD_ATR = Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01);

/** A secure-messaging session as the card holds it. */
export interface CardSecureChannel {
  /** Verifies and decrypts a protected command; throws on a bad MAC or a malformed SM object. */
  unwrap(apdu: Uint8Array): CommandApdu;
  /** `ins` of the command answered: odd-INS answers go in DO'85'. */
  wrap(resp: ResponseApdu, ins: number): ResponseApdu;
}

/** What the card can do besides files: answered in plain (no SM yet) or inside SM. */
export interface CardProtocols {
  /**
   * Handles an access-control / authentication command (GET CHALLENGE, EXTERNAL/INTERNAL
   * AUTHENTICATE, MSE, GENERAL AUTHENTICATE). Returns undefined if the INS is not its business.
   * May return a new secure channel to switch to after this response is sent.
   */
  handle(cmd: CommandApdu, inSm: boolean): { response: ResponseApdu; channel?: CardSecureChannel } | undefined;
  /** Forget half-done protocol state (power off, new SELECT of the applet). */
  reset(): void;
}

export interface EngineBehaviour {
  /** Largest Le served by READ BINARY (refusing big reads: 0xDF). */
  maxLe: number;
  /** Whether extended-length APDUs are accepted at all (else 6700). */
  extendedLength: boolean;
  /** Leaves the field once this many bytes of DG2 have been sent (the "pulled away" variant). */
  leaveAfterDg2Bytes?: number;
  /**
   * Once, after this many bytes of DG2: a field glitch. The answer is lost and the chip resets
   * (secure messaging gone) but stays on the reader: "tag lost" without a removal.
   */
  glitchAfterDg2Bytes?: number;
  link?: LinkModel;
}

export const DEFAULT_BEHAVIOUR: EngineBehaviour = { maxLe: 65536, extendedLength: true };

export class VirtualCardEngine implements ApduProcessor {
  readonly atr = VIRTUAL_CCCD_ATR;
  private appSelected = false;
  private current: CardFile | undefined;
  private channel: CardSecureChannel | undefined;
  private dg2Served = 0;
  /** Set when the card left the field: from then on it answers nothing. */
  private gone = false;
  private pullAwayArmed = true;
  private glitched = false;
  /** Count of APDUs processed, for tests and benchmarks. */
  apduCount = 0;

  constructor(
    private readonly files: CardFileSystem,
    private readonly protocols: CardProtocols,
    private readonly behaviour: EngineBehaviour = DEFAULT_BEHAVIOUR,
  ) {}

  reset(): void {
    this.appSelected = false;
    this.current = undefined;
    this.channel = undefined;
    this.protocols.reset();
  }

  /**
   * Puts a pulled-away card back: a new session, the same chip. The officer holds it still this
   * time, so it stays in the field for the retry.
   */
  reinsert(): void {
    this.gone = false;
    this.pullAwayArmed = false;
    this.dg2Served = 0;
    this.reset();
  }


  linkDelayMs(command: Uint8Array, response: Uint8Array): number {
    return this.behaviour.link ? linkTimeMs(this.behaviour.link, command.length, response.length) : 0;
  }

  process(apdu: Uint8Array): Uint8Array {
    this.apduCount += 1;
    if (this.gone) this.leaveField();
    const refuseLength = !this.behaviour.extendedLength && isExtended(apdu);
    const cla = apdu[0] ?? 0;
    const isSm = (cla & 0x0c) === 0x0c;
    if (this.channel) {
      if (!isSm) {
        // A plain command inside a session aborts it (9303-11 §9.8.4), as a real chip does.
        this.dropSession();
        return encodeResponse(sw(SWC.SM_MISSING));
      }
      let cmd: CommandApdu;
      try {
        cmd = this.channel.unwrap(apdu);
      } catch {
        this.dropSession();
        return encodeResponse(sw(SWC.SM_INCORRECT));
      }
      const channel = this.channel;
      // A card without extended length still parses the SM objects (both SSCs move on) and
      // answers 6700 inside SM, so the session survives and the reader can retry smaller.
      if (refuseLength) return encodeResponse(channel.wrap(sw(SWC.WRONG_LENGTH), cmd.ins));
      const { response, next } = this.dispatch(cmd, true);
      const wrapped = encodeResponse(channel.wrap(response, cmd.ins));
      if (next) this.channel = next;
      return wrapped;
    }
    if (isSm) return encodeResponse(sw(SWC.CONDITIONS));
    if (refuseLength) return encodeResponse(sw(SWC.WRONG_LENGTH));
    let cmd: CommandApdu;
    try {
      cmd = decodeCommand(apdu);
    } catch {
      return encodeResponse(sw(SWC.WRONG_LENGTH));
    }
    const { response, next } = this.dispatch(cmd, false);
    if (next) this.channel = next;
    return encodeResponse(response);
  }

  private dropSession(): void {
    this.channel = undefined;
    this.protocols.reset();
  }

  private leaveField(): never {
    this.gone = true;
    // The transports read this as "the card left": memory → removed, vpcd → socket closed.
    throw new CardError('card.removed', 'virtual card left the field');
  }

  private dispatch(cmd: CommandApdu, inSm: boolean): { response: ResponseApdu; next?: CardSecureChannel } {
    // Interindustry class only; bit 5 (0x10) is command chaining, used by GENERAL AUTHENTICATE.
    if ((cmd.cla & 0xe0) !== 0x00) return { response: sw(SWC.CLA_NOT_SUPPORTED) };
    switch (cmd.ins) {
      case 0xa4:
        return { response: this.select(cmd) };
      case 0xb0:
      case 0xb1:
        return { response: this.read(cmd, inSm) };
      default: {
        try {
          const r = this.protocols.handle(cmd, inSm);
          if (r) return r.channel ? { response: r.response, next: r.channel } : { response: r.response };
        } catch (err) {
          if (isCardError(err) && err.code === 'card.removed') throw err;
          return { response: sw(SWC.WRONG_DATA) };
        }
        return { response: sw(SWC.INS_NOT_SUPPORTED) };
      }
    }
  }

  private select(cmd: CommandApdu): ResponseApdu {
    const data = cmd.data ?? new Uint8Array();
    if (cmd.p1 === 0x04) {
      if (!sameBytes(data, CCCD_AID)) return sw(SWC.FILE_NOT_FOUND);
      // After PACE (run at MF level) the terminal selects the applet inside the SM session,
      // which must survive it.
      this.appSelected = true;
      this.current = undefined;
      return ok();
    }
    if (cmd.p1 === 0x00 && (data.length === 0 || sameBytes(data, Uint8Array.of(0x3f, 0x00)))) {
      return sw(SWC.INS_NOT_SUPPORTED); // the CCCD answers 6D00 to selecting the MF
    }
    if ((cmd.p1 !== 0x02 && cmd.p1 !== 0x00) || data.length !== 2) return sw(SWC.WRONG_P1P2);
    const fid = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
    const file = this.files.get(fid);
    // EF.CardAccess lives under the MF and can be selected at any time; the rest needs the applet.
    if (!file || (fid !== FID.CARD_ACCESS && !this.appSelected)) return sw(SWC.FILE_NOT_FOUND);
    // DG3 needs EAC, which a kiosk never has; the others need BAC/PACE first.
    if (file.access === 'locked' || (file.access === 'sm' && !this.channel)) return sw(SWC.SECURITY);
    this.current = file;
    return ok();
  }

  private read(cmd: CommandApdu, inSm: boolean): ResponseApdu {
    let file = this.current;
    if (cmd.ins === 0xb0 && cmd.p1 & 0x80) {
      const bySfi = this.files.bySfi(cmd.p1 & 0x1f);
      if (!bySfi || (bySfi.fid !== FID.CARD_ACCESS && !this.appSelected)) return sw(SWC.FILE_NOT_FOUND);
      file = bySfi;
    }
    if (!file) return sw(SWC.CONDITIONS);
    if (file.access === 'locked' || (file.access === 'sm' && !inSm)) return sw(SWC.SECURITY);
    if (cmd.le === undefined) return sw(SWC.WRONG_LENGTH);
    const params = readParams(cmd);
    if ('sw' in params) return params;
    this.current = file;
    const response = readFile({ file, offset: params.offset, le: cmd.le, odd: params.odd }, this.behaviour);
    if (file.fid === FID.DG2) {
      this.dg2Served += response.data.length;
      const { leaveAfterDg2Bytes: leave, glitchAfterDg2Bytes: glitch } = this.behaviour;
      if (leave !== undefined && this.pullAwayArmed && this.dg2Served > leave) this.leaveField();
      if (glitch !== undefined && !this.glitched && this.dg2Served > glitch) {
        this.glitched = true;
        this.reset();
        throw new CardError('card.timeout', 'virtual card: field glitch, answer lost');
      }
    }
    return response;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Extended length: a 00 byte where a short Lc/Le would be, followed by more bytes. */
function isExtended(apdu: Uint8Array): boolean {
  return apdu.length >= 7 && apdu[4] === 0x00;
}
