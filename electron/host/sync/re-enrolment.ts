/**
 * A re-enrolment proven with the old identity (docs/upstream-api.yaml, Enrolment `previous`): the
 * kiosk signs, with its old packet-signing key (compact JWS, ES256, kid = the old device id), a
 * claim binding this enrolment's token, CSR and new signing key. The upstream, verifying it with
 * the old device's enrolled key, links the new device to the old one and serves it the old
 * device's status changes, so decisions on dossiers delivered before the re-enrolment come back.
 */
import { createHash } from 'node:crypto';
import { compactVerify, importJWK, type JWK } from 'jose';
import { signCompact } from './packet/build';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The signed claim: fixed key order, so both sides write the same bytes. */
export function reEnrolmentClaim(token: string, csrPem: string, signingKey: { x?: unknown; y?: unknown }): string {
  return JSON.stringify({ purpose: 're-enrolment', tokenSha256: sha256(token), csrSha256: sha256(csrPem), signingKey: { x: signingKey.x, y: signingKey.y } });
}

export function signReEnrolment(old: { deviceId: string; signingJwk: JWK }, claim: string): { deviceId: string; proof: string } {
  return { deviceId: old.deviceId, proof: signCompact(claim, old.signingJwk, old.deviceId) };
}

/** True when `proof` is the old device's signature over exactly `claim`. */
export async function verifyReEnrolment(proof: string, previous: { id: string; signingJwk: JWK }, claim: string): Promise<boolean> {
  try {
    const { payload, protectedHeader } = await compactVerify(proof, await importJWK(previous.signingJwk, 'ES256'), { algorithms: ['ES256'] });
    return protectedHeader.kid === previous.id && new TextDecoder().decode(payload) === claim;
  } catch {
    return false;
  }
}
