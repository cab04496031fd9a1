import { describe, it, expect } from 'vitest';
import { decodeCommand, encodeCommand, encodeResponse, parseResponse, type CommandApdu } from './apdu';
import { fromHex, hex } from './bytes';
import { CardError } from '../errors';

const sel: CommandApdu = { cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: fromHex('011E') };

describe('encodeCommand', () => {
  it('case 1: header only', () => {
    expect(hex(encodeCommand({ cla: 0, ins: 0x84, p1: 0, p2: 0 }))).toBe('00840000');
  });
  it('case 2 short: Le 8 and Le 256 as 00', () => {
    expect(hex(encodeCommand({ cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 }))).toBe('0084000008');
    expect(hex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 }))).toBe('00B0000000');
  });
  it('case 3 short: SELECT EF.COM', () => {
    expect(hex(encodeCommand(sel))).toBe('00A4020C02011E');
  });
  it('case 4 short', () => {
    expect(hex(encodeCommand({ ...sel, le: 256 }))).toBe('00A4020C02011E00');
  });
  it('case 2 extended: Le above 256, 65536 as 0000', () => {
    expect(hex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 0x1000 }))).toBe('00B00000001000');
    expect(hex(encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 65536 }))).toBe('00B00000000000');
  });
  it('case 4 extended when data is longer than 255 bytes', () => {
    const data = new Uint8Array(300).fill(0xab);
    const enc = encodeCommand({ cla: 0, ins: 0xda, p1: 0, p2: 0, data, le: 256 });
    expect(hex(enc.subarray(0, 7))).toBe('00DA000000012C');
    expect(enc.length).toBe(4 + 3 + 300 + 2);
    expect(hex(enc.subarray(-2))).toBe('0100');
  });
  it('rejects Le out of range and bad header bytes', () => {
    expect(() => encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 0 })).toThrow(CardError);
    expect(() => encodeCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 65537 })).toThrow(CardError);
    expect(() => encodeCommand({ cla: 256, ins: 0xb0, p1: 0, p2: 0 })).toThrow(CardError);
  });
  it('decodeCommand inverts every case', () => {
    const cases: CommandApdu[] = [
      { cla: 0, ins: 0x84, p1: 0, p2: 0 },
      { cla: 0, ins: 0x84, p1: 0, p2: 0, le: 8 },
      { cla: 0, ins: 0x84, p1: 0, p2: 0, le: 256 },
      sel,
      { ...sel, le: 256 },
      { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 65536 },
      { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 300 },
      { cla: 0, ins: 0xda, p1: 0, p2: 0, data: new Uint8Array(300).fill(1) },
      { cla: 0, ins: 0xda, p1: 0, p2: 0, data: new Uint8Array(300).fill(1), le: 65536 },
    ];
    for (const c of cases) expect(decodeCommand(encodeCommand(c))).toEqual(c);
  });
});

describe('parseResponse', () => {
  it('splits data and SW', () => {
    const r = parseResponse(fromHex('01029000'));
    expect(hex(r.data)).toBe('0102');
    expect(r.sw).toBe(0x9000);
    expect(hex(encodeResponse(r))).toBe('01029000');
  });
  it('refuses fewer than two bytes', () => {
    expect(() => parseResponse(fromHex('90'))).toThrow(CardError);
  });
});
