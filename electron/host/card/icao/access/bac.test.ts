import { describe, it, expect } from 'vitest';
import { fromHex, hex } from '../../iso7816/bytes';
import { isCardError } from '../../errors';
import type { ApduChannel } from '../session';
import { bacCardRespond, bacExternalAuthData, bacTerminalFinish, deriveBacKeys, performBac, type BacTerminalState } from './bac';

/** ICAO 9303-11 appendix D: worked example of BAC. */
const MRZ = { documentNumber: 'L898902C', dateOfBirth: '690806', dateOfExpiry: '940623' };
const RND_IC = fromHex('4608F91988702212');
const RND_IFD = fromHex('781723860C06C226');
const K_IFD = fromHex('0B795240CB7049B01C19B33E32804F0B');
const K_IC = fromHex('0B4F80323EB3191CB04970CB4052790B');
const CMD_DATA = '72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A7';
const RESP_DATA = '46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D7449';

describe('BAC, 9303-11 appendix D', () => {
  const keys = deriveBacKeys(MRZ);
  const state: BacTerminalState = { keys, rndIc: RND_IC, rndIfd: RND_IFD, kIfd: K_IFD };

  it('D.2 derives Kenc and Kmac from the MRZ', () => {
    expect(hex(keys.kEnc)).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
    expect(hex(keys.kMac)).toBe('7962D9ECE03D1ACD4C76089DCE131543');
  });
  it('D.3 terminal builds EIFD || MIFD', () => {
    expect(hex(bacExternalAuthData(state))).toBe(CMD_DATA);
  });
  it('D.3 card verifies it, answers EIC || MIC and derives the same session', () => {
    const { response, sm } = bacCardRespond({ keys, rndIc: RND_IC, commandData: fromHex(CMD_DATA), kIc: K_IC });
    expect(hex(response)).toBe(RESP_DATA);
    expect(hex(sm.ksEnc)).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5');
    expect(hex(sm.ksMac)).toBe('F1CB1F1FB5ADF208806B89DC579DC1F8');
    expect(hex(sm.ssc)).toBe('887022120C06C226');
  });
  it('D.3 terminal verifies the answer: KSenc, KSmac, SSC', () => {
    const sm = bacTerminalFinish(state, fromHex(RESP_DATA));
    expect(hex(sm.ksEnc)).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5');
    expect(hex(sm.ksMac)).toBe('F1CB1F1FB5ADF208806B89DC579DC1F8');
    expect(hex(sm.ssc)).toBe('887022120C06C226');
  });
  it('a wrong date of birth is access_denied on both sides', () => {
    const wrong = deriveBacKeys({ ...MRZ, dateOfBirth: '690807' });
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isCardError(e) ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => bacCardRespond({ keys: wrong, rndIc: RND_IC, commandData: fromHex(CMD_DATA) }))).toBe('card.access_denied');
    expect(code(() => bacTerminalFinish({ ...state, keys: wrong }, fromHex(RESP_DATA)))).toBe('card.access_denied');
  });
  it('performBac over a channel replays the example', async () => {
    const channel: ApduChannel = async (cmd) => {
      if (cmd.ins === 0x84) return { data: RND_IC, sw: 0x9000 };
      expect(hex(cmd.data ?? new Uint8Array(0))).toBe(CMD_DATA);
      expect(cmd.le).toBe(40);
      return { data: fromHex(RESP_DATA), sw: 0x9000 };
    };
    const randoms = [RND_IFD, K_IFD];
    const sm = await performBac(channel, MRZ, () => randoms.shift() ?? new Uint8Array(0));
    expect(hex(sm.ssc)).toBe('887022120C06C226');
  });
  it('performBac maps a 6300 from the card to access_denied', async () => {
    const channel: ApduChannel = async (cmd) => (cmd.ins === 0x84 ? { data: RND_IC, sw: 0x9000 } : { data: new Uint8Array(0), sw: 0x6300 });
    await expect(performBac(channel, MRZ)).rejects.toMatchObject({ code: 'card.access_denied' });
  });
});
