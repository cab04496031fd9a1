import { describe, it, expect } from 'vitest';
import { fromHex, hex } from '../../iso7816/bytes';
import { aesCbcEncrypt, aesCmac, aesEncryptBlock, aesCbcDecrypt } from './aes';
import { adjustParity, retailMac, tdesCbcDecrypt, tdesCbcEncrypt } from './des';
import { kdf, KDF_ENC, KDF_MAC, KDF_PI } from './kdf';
import { bacKeySeed, checkDigit, mrzHash, mrzInformation } from './mrz-key';
import { pad, unpad } from './padding';
import { CardError } from '../../errors';

describe('ISO 9797-1 padding method 2', () => {
  it('pads to the block and back', () => {
    expect(hex(pad(fromHex('011E'), 8))).toBe('011E800000000000');
    expect(hex(pad(new Uint8Array(8), 8))).toBe('00000000000000008000000000000000');
    expect(hex(unpad(fromHex('011E800000000000')))).toBe('011E');
  });
  it('refuses a missing 80 marker', () => {
    expect(() => unpad(fromHex('0000000000000000'))).toThrow(CardError);
  });
});

describe('AES-CMAC (RFC 4493 section 4 vectors)', () => {
  const key = fromHex('2b7e151628aed2a6abf7158809cf4f3c');
  const msg = fromHex(
    '6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710',
  );
  it('example 1: empty message', () => {
    expect(hex(aesCmac(key, new Uint8Array(0)))).toBe('BB1D6929E95937287FA37D129B756746');
  });
  it('example 2: 16 bytes', () => {
    expect(hex(aesCmac(key, msg.subarray(0, 16)))).toBe('070A16B46B4D4144F79BDD9DD04A287C');
  });
  it('example 3: 40 bytes', () => {
    expect(hex(aesCmac(key, msg.subarray(0, 40)))).toBe('DFA66747DE9AE63030CA32611497C827');
  });
  it('example 4: 64 bytes', () => {
    expect(hex(aesCmac(key, msg))).toBe('51F0BEBF7E3B9D92FC49741779363CFE');
  });
});

describe('AES block and CBC', () => {
  it('FIPS-197 appendix C.1', () => {
    const k = fromHex('000102030405060708090a0b0c0d0e0f');
    expect(hex(aesEncryptBlock(k, fromHex('00112233445566778899aabbccddeeff')))).toBe('69C4E0D86A7B0430D8CDB78070B4C55A');
  });
  it('CBC round trip with an IV', () => {
    const k = new Uint8Array(32).fill(9);
    const iv = new Uint8Array(16).fill(1);
    const d = new Uint8Array(48).fill(5);
    expect(aesCbcDecrypt(k, aesCbcEncrypt(k, d, iv), iv)).toEqual(d);
  });
});

describe('ICAO check digit and MRZ information (9303-11 appendix D.2)', () => {
  it('computes 7-3-1 check digits', () => {
    expect(checkDigit('L898902C<')).toBe(3);
    expect(checkDigit('690806')).toBe(1);
    expect(checkDigit('940623')).toBe(6);
  });
  it('builds the MRZ information and Kseed', () => {
    const input = { documentNumber: 'L898902C', dateOfBirth: '690806', dateOfExpiry: '940623' };
    expect(mrzInformation(input)).toBe('L898902C<369080619406236');
    expect(hex(bacKeySeed(input))).toBe('239AB9CB282DAF66231DC5A4DF6BFBAE');
  });
});

describe('9303-11 KDF and DES parity (appendix D.1)', () => {
  const kseed = fromHex('239AB9CB282DAF66231DC5A4DF6BFBAE');
  it('derives Kenc and Kmac with parity adjusted', () => {
    expect(hex(kdf(kseed, KDF_ENC, '3DES'))).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
    expect(hex(kdf(kseed, KDF_MAC, '3DES'))).toBe('7962D9ECE03D1ACD4C76089DCE131543');
  });
  it('adjusts parity bits only', () => {
    expect(hex(adjustParity(fromHex('AB94FCEDF2664EDF')))).toBe('AB94FDECF2674FDF');
  });
  it('derives the PACE password key from the MRZ (appendix G)', () => {
    const k = mrzHash({ documentNumber: 'T22000129', dateOfBirth: '640812', dateOfExpiry: '101031' });
    expect(hex(kdf(k, KDF_PI, 'AES-128'))).toBe('89DED1B26624EC1E634C1989302849DD');
  });
  it('uses SHA-256 for AES-256', () => {
    expect(kdf(kseed, KDF_ENC, 'AES-256').length).toBe(32);
    expect(kdf(kseed, KDF_ENC, 'AES-192').length).toBe(24);
  });
});

describe('3DES and retail MAC (appendix D.3)', () => {
  const kenc = fromHex('AB94FDECF2674FDFB9B391F85D7F76F2');
  const kmac = fromHex('7962D9ECE03D1ACD4C76089DCE131543');
  const s = fromHex('781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B');
  it('encrypts S into EIFD and MACs it into MIFD', () => {
    const eifd = tdesCbcEncrypt(kenc, s);
    expect(hex(eifd)).toBe('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2');
    expect(hex(retailMac(kmac, pad(eifd, 8)))).toBe('5F1448EEA8AD90A7');
    expect(tdesCbcDecrypt(kenc, eifd)).toEqual(s);
  });
});
