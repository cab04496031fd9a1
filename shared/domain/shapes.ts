/**
 * Identifier and date shapes that the contract and the domain both check: one definition each,
 * so a dossier id or a date means the same on every call and in every stored body.
 */
import { z } from 'zod';

/** `HS-` and ten characters of Crockford-style base32 without I, O, 0, 1 (easy to read aloud). */
export const DOSSIER_ID_RE = /^HS-[2-9A-HJ-NP-Z]{10}$/;
export const dossierIdSchema = z.string().regex(DOSSIER_ID_RE);

/** A calendar date, yyyy-mm-dd. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Lower-case hex of `bytes` bytes (a card read's id: 16, a SHA-256: 32). */
export const hexSchema = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

/** A call's input that names one dossier and nothing else. */
export const dossierRefSchema = z.object({ id: dossierIdSchema }).strict();
