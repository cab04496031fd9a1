/**
 * Why a dossier is back with its officer. A supervisor's reason is their own words; a dossier the
 * upstream refused for its portrait carries this code instead, which each screen words in its
 * language (a stored sentence would show one language in the other's screen). No supervisor's
 * reason can take the code's shape (the store refuses it).
 */
export const UPSTREAM_PORTRAIT_RETURN = 'upstream:portrait_quality';

export function isUpstreamReturn(reason: string | null | undefined): boolean {
  return reason === UPSTREAM_PORTRAIT_RETURN;
}

/** True for words a supervisor may not use as a reason: the shape of the host's own codes. */
export function looksLikeReturnCode(reason: string): boolean {
  return /^upstream:/i.test(reason.trim());
}
