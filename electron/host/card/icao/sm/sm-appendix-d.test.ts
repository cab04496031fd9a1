import { describe, it, expect } from 'vitest';
import { encodeCommand, parseResponse } from '../../iso7816/apdu';
import { fromHex, hex } from '../../iso7816/bytes';
import { TDES_SUITE } from '../crypto/suite';
import { createSmSession } from './sm-session';
import { unwrapResponse, wrapCommand } from './terminal';
import { unwrapCommand, wrapResponse } from './card';

/** ICAO 9303-11 appendix D.4: secure messaging after the BAC of appendix D.3. */
const KS_ENC = fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5');
const KS_MAC = fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8');
const SSC = fromHex('887022120C06C226');

const steps = [
  {
    name: 'SELECT EF.COM',
    plain: { cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') },
    protected: '0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800',
    response: '990290008E08FA855A5D4C50A8ED9000',
    data: '',
  },
  {
    name: 'READ BINARY first 4 bytes',
    plain: { cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x00, le: 4 },
    protected: '0CB000000D9701048E08ED6705417E96BA5500',
    response: '8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000',
    data: '60145F01',
  },
  {
    name: 'READ BINARY remaining 18 bytes at offset 4',
    plain: { cla: 0x00, ins: 0xb0, p1: 0x00, p2: 0x04, le: 0x12 },
    protected: '0CB000040D9701128E082EA28A70F3C7B53500',
    response: '871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000',
    data: '04303130365F36063034303030305C026175',
  },
];

describe('9303-11 appendix D.4 secure messaging vectors', () => {
  it('terminal side: protected commands and verified responses match byte for byte', () => {
    const sm = createSmSession(TDES_SUITE, KS_ENC, KS_MAC, SSC);
    for (const s of steps) {
      expect(hex(encodeCommand(wrapCommand(sm, s.plain))), s.name).toBe(s.protected);
      const r = unwrapResponse(sm, parseResponse(fromHex(s.response)));
      expect(r.sw).toBe(0x9000);
      expect(hex(r.data), s.name).toBe(s.data);
    }
    expect(hex(sm.ssc)).toBe('887022120C06C22C');
  });

  it('card side: opens the protected commands and produces the same responses', () => {
    const sm = createSmSession(TDES_SUITE, KS_ENC, KS_MAC, SSC);
    for (const s of steps) {
      const p = fromHex(s.protected);
      const wrapped = { cla: p[0] ?? 0, ins: p[1] ?? 0, p1: p[2] ?? 0, p2: p[3] ?? 0, data: p.subarray(5, p.length - 1), le: 256 };
      const cmd = unwrapCommand(sm, wrapped);
      expect(cmd).toEqual(s.plain);
      const resp = wrapResponse(sm, { data: fromHex(s.data), sw: 0x9000 }, cmd.ins);
      expect(hex(resp.data) + '9000', s.name).toBe(s.response);
    }
  });
});
