import { CardError, isCardError } from '../errors';
import { encodeCommand, MAX_EXTENDED_LE, needsExtended, parseResponse, type CommandApdu, type ResponseApdu } from '../iso7816/apdu';
import { concat } from '../iso7816/bytes';
import { isMoreData, isWrongLe, swLength } from '../iso7816/status';
import { incrementSsc, type SmSession } from './sm/sm-session';
import { unwrapResponse, wrapCommand } from './sm/terminal';

/**
 * Where APDUs meet the transport. Everything above (access control, file reading) talks to an
 * ApduChannel and never knows whether secure messaging is on.
 */
export type ApduChannel = (cmd: CommandApdu) => Promise<ResponseApdu>;

/** The part of transport/CardTransport this layer needs (structural, so tests can fake it). */
export interface ByteTransport {
  transmit(apdu: Uint8Array, maxResponse?: number): Promise<Uint8Array>;
  readonly extendedLength?: boolean;
}

/** A card chaining 61xx answers forever would otherwise hang the kiosk. */
const MAX_GET_RESPONSE = 256;

async function exchange(transport: ByteTransport, cmd: CommandApdu): Promise<ResponseApdu> {
  let raw: Uint8Array;
  try {
    raw = await transport.transmit(encodeCommand(cmd), cmd.le !== undefined ? cmd.le + 2 : undefined);
  } catch (e) {
    if (isCardError(e)) throw e;
    throw new CardError('card.timeout', `transport failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseResponse(raw);
}

/**
 * Plain channel with the T=0-style status handling of ISO 7816-4: 61xx collects the rest with
 * GET RESPONSE, 6Cxx re-issues the command once with the Le the card asked for.
 */
export function plainChannel(transport: ByteTransport): ApduChannel {
  return async (cmd) => {
    let resp = await exchange(transport, cmd);
    if (isWrongLe(resp.sw)) resp = await exchange(transport, { ...cmd, le: swLength(resp.sw) });
    const parts: Uint8Array[] = [resp.data];
    for (let n = 0; isMoreData(resp.sw); n++) {
      if (n >= MAX_GET_RESPONSE) throw new CardError('card.protocol', 'endless 61xx chain');
      resp = await exchange(transport, { cla: 0x00, ins: 0xc0, p1: 0, p2: 0, le: swLength(resp.sw) });
      parts.push(resp.data);
    }
    return { data: parts.length === 1 ? resp.data : concat(...parts), sw: resp.sw };
  };
}

/** Every command protected, every answer verified (CardError 'card.sm_invalid' otherwise). */
export function smChannel(inner: ApduChannel, sm: SmSession): ApduChannel {
  return async (cmd) => {
    const wrapped = wrapCommand(sm, cmd);
    let resp: ResponseApdu;
    try {
      resp = await inner(wrapped);
    } catch (e) {
      // The card answered, and counted its answer, but the reader could not pass it on: count
      // it too, so both send sequence counters stay in step for the retry.
      if (isCardError(e) && e.code === 'card.reader_limit') incrementSsc(sm);
      throw e;
    }
    return unwrapResponse(sm, resp);
  };
}

/**
 * A card may send more than 256 bytes to a short command (an RSA-2048 signature under secure
 * messaging); PC/SC then reports an insufficient buffer. Ask again with extended length.
 */
function withLongAnswerRetry(channel: ApduChannel): ApduChannel {
  return async (cmd) => {
    try {
      return await channel(cmd);
    } catch (e) {
      if (!isCardError(e) || e.code !== 'card.reader_limit' || cmd.le === undefined || needsExtended(cmd)) throw e;
      return channel({ ...cmd, le: MAX_EXTENDED_LE });
    }
  };
}

/**
 * A card session: starts plain, switches to secure messaging once BAC/PACE produced keys.
 * `channel` stays the same function, so code holding it follows the switch.
 */
export interface CardSession {
  readonly channel: ApduChannel;
  readonly extendedLength: boolean;
  /** Which protocol secured the session; undefined while plain. */
  readonly secure: SmSession | undefined;
  startSecureMessaging(sm: SmSession): void;
  /** After an SM error the card drops its keys; so do we. */
  endSecureMessaging(): void;
}

export function openSession(transport: ByteTransport): CardSession {
  const plain = plainChannel(transport);
  let sm: SmSession | undefined;
  let secured: ApduChannel | undefined;
  const send: ApduChannel = async (cmd) => {
    if (!secured) return plain(cmd);
    try {
      return await secured(cmd);
    } catch (e) {
      if (isCardError(e) && e.code === 'card.sm_invalid') {
        sm = undefined;
        secured = undefined;
      }
      throw e;
    }
  };
  const channel = withLongAnswerRetry(send);
  return {
    channel,
    extendedLength: transport.extendedLength ?? false,
    get secure() {
      return sm;
    },
    startSecureMessaging(next) {
      sm = next;
      secured = smChannel(plain, next);
    },
    endSecureMessaging() {
      sm = undefined;
      secured = undefined;
    },
  };
}
