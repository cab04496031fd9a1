import { aesCbcDecrypt, aesCbcEncrypt, aesCmac } from './aes';
import { retailMac, tdesCbcDecrypt, tdesCbcEncrypt } from './des';

/**
 * The two cipher families of 9303 secure messaging and PACE behind one interface, so SM and
 * the PACE tokens are written once.
 */
export interface CipherSuite {
  name: '3DES' | 'AES';
  blockSize: 8 | 16;
  encrypt(key: Uint8Array, data: Uint8Array, iv?: Uint8Array): Uint8Array;
  decrypt(key: Uint8Array, data: Uint8Array, iv?: Uint8Array): Uint8Array;
  /** 8-byte MAC over data the caller has already padded (SM pads SSC || header || DOs). */
  mac(key: Uint8Array, paddedData: Uint8Array): Uint8Array;
}

export const TDES_SUITE: CipherSuite = {
  name: '3DES',
  blockSize: 8,
  encrypt: (k, d, iv) => tdesCbcEncrypt(k, d, iv),
  decrypt: (k, d, iv) => tdesCbcDecrypt(k, d, iv),
  mac: (k, d) => retailMac(k, d),
};

export const AES_SUITE: CipherSuite = {
  name: 'AES',
  blockSize: 16,
  encrypt: (k, d, iv) => aesCbcEncrypt(k, d, iv),
  decrypt: (k, d, iv) => aesCbcDecrypt(k, d, iv),
  // 9303 truncates the CMAC to its first 8 bytes.
  mac: (k, d) => aesCmac(k, d).slice(0, 8),
};
