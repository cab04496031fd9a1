/**
 * Chip authentication key agreement (ICAO 9303-11 §6.2), terminal side: an ephemeral key pair on
 * the DG14 key's domain parameters, the shared secret with the card's static key, and the new
 * session keys KS_Enc/KS_MAC via the 9303-11 KDF (icao/crypto/kdf.ts). The APDUs (MSE:Set KAT or
 * MSE:Set AT + General Authenticate) belong to the protocol layer; the card side is here too so
 * the virtual card computes the same keys.
 */
import { createDiffieHellman, createECDH, createPublicKey, type KeyObject } from 'node:crypto';
import { CardError } from '../../errors';
import { KDF_ENC, KDF_MAC, kdf, sha1, type KeyAlgorithm } from '../crypto/kdf';
import { children, decodeDer, valueBytes } from '../lds/der';
import { parseSpki } from '../lds/dg15';

export interface SessionKeys {
  ksEnc: Uint8Array;
  ksMac: Uint8Array;
}

export interface ChipAuthTerminal extends SessionKeys {
  /** Send to the card: uncompressed EC point (04||x||y) or the DH public value. */
  ephemeralPublicKey: Uint8Array;
  sharedSecret: Uint8Array;
  /** SHA-1 of the ephemeral public key: the 3DES variant's MSE:Set KAT key reference. */
  ephemeralKeyHash: Uint8Array;
}

function curveOf(spki: Uint8Array): string {
  const key: KeyObject = (() => {
    try {
      return createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
    } catch {
      throw new CardError('card.crypto', 'chip authentication key not usable');
    }
  })();
  // OpenSSL names explicit parameters that match a known curve (as eMRTD keys usually carry).
  const name = key.asymmetricKeyDetails?.namedCurve;
  if (!name) throw new CardError('card.unsupported', 'chip authentication curve not recognised');
  return name;
}

function dhParameters(spki: Uint8Array): { p: Uint8Array; g: Uint8Array; y: Uint8Array } {
  const root = decodeDer(spki, 'CA DH key');
  const [alg, bits] = children(root);
  const [, params] = alg ? children(alg) : [];
  const [p, g] = params ? children(params) : [];
  if (!p || !g || !bits) throw new CardError('card.parse', 'DH domain parameters missing');
  const y = valueBytes(decodeDer(valueBytes(bits), 'CA DH public value'));
  return { p: stripSign(valueBytes(p)), g: stripSign(valueBytes(g)), y: stripSign(y) };
}

const stripSign = (b: Uint8Array): Uint8Array => (b[0] === 0 && b.length > 1 ? b.slice(1) : b);

function leftPad(b: Uint8Array, len: number): Uint8Array {
  if (b.length >= len) return b;
  const out = new Uint8Array(len);
  out.set(b, len - b.length);
  return out;
}

export function deriveSessionKeys(sharedSecret: Uint8Array, cipher: KeyAlgorithm): SessionKeys {
  return { ksEnc: kdf(sharedSecret, KDF_ENC, cipher), ksMac: kdf(sharedSecret, KDF_MAC, cipher) };
}

/** Terminal side: generate the ephemeral key and derive the session keys. */
export function chipAuthTerminal(caPublicKeySpki: Uint8Array, agreement: 'ECDH' | 'DH', cipher: KeyAlgorithm): ChipAuthTerminal {
  try {
    if (agreement === 'ECDH') {
      const info = parseSpki(caPublicKeySpki, 'DG14 CA key');
      if (info.kind !== 'ec') throw new CardError('card.crypto', 'ECDH chip authentication with a non-EC key');
      const ecdh = createECDH(curveOf(caPublicKeySpki));
      ecdh.generateKeys();
      const sharedSecret = new Uint8Array(ecdh.computeSecret(info.point)); // x-coordinate (9303-11 §9.6)
      const ephemeralPublicKey = new Uint8Array(ecdh.getPublicKey(null, 'uncompressed'));
      return { ephemeralPublicKey, sharedSecret, ephemeralKeyHash: sha1(ephemeralPublicKey), ...deriveSessionKeys(sharedSecret, cipher) };
    }
    const { p, g, y } = dhParameters(caPublicKeySpki);
    const dh = createDiffieHellman(p, g);
    dh.generateKeys();
    const sharedSecret = leftPad(new Uint8Array(dh.computeSecret(y)), p.length);
    const ephemeralPublicKey = new Uint8Array(dh.getPublicKey());
    return { ephemeralPublicKey, sharedSecret, ephemeralKeyHash: sha1(ephemeralPublicKey), ...deriveSessionKeys(sharedSecret, cipher) };
  } catch (e) {
    if (e instanceof CardError) throw e;
    throw new CardError('card.crypto', 'chip authentication key agreement failed');
  }
}

/** Card side (virtual card): static private key + the terminal's ephemeral public key. */
export function chipAuthCard(caPrivateKey: KeyObject, terminalPublicKey: Uint8Array, cipher: KeyAlgorithm): SessionKeys & { sharedSecret: Uint8Array } {
  try {
    const curve = caPrivateKey.asymmetricKeyDetails?.namedCurve;
    if (!curve) throw new CardError('card.unsupported', 'card-side chip authentication needs a named-curve EC key');
    // SEC 1 ECPrivateKey ::= SEQUENCE { version, privateKey OCTET STRING, … } (JWK cannot hold Brainpool).
    const sec1 = new Uint8Array(caPrivateKey.export({ format: 'der', type: 'sec1' }));
    const [, d] = children(decodeDer(sec1, 'CA private key'));
    if (!d) throw new CardError('card.crypto', 'CA private key malformed');
    const ecdh = createECDH(curve);
    ecdh.setPrivateKey(valueBytes(d));
    const sharedSecret = new Uint8Array(ecdh.computeSecret(terminalPublicKey));
    return { sharedSecret, ...deriveSessionKeys(sharedSecret, cipher) };
  } catch (e) {
    if (e instanceof CardError) throw e;
    throw new CardError('card.crypto', 'chip authentication: terminal key not on the curve');
  }
}
