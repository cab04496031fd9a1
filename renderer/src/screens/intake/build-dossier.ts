/**
 * The dossier body from what the intake gathered: every identity field with its source (a chip
 * value is never replaced by a typed one), the verification verdict, the contact, the portrait's
 * quality and liveness evidence, and the consent.
 */
import { cardKindFromIssue } from '../../../../shared/domain/age-rules';
import { DOSSIER_SCHEMA_VERSION, type DraftDossier } from '../../../../shared/domain/dossier';
import type { CardStepResult } from '../card/CardStep';
import type { PortraitResult } from '../portrait/PortraitStep';

const FIELDS = ['idNumber', 'fullName', 'dateOfBirth', 'sex', 'placeOfOrigin', 'placeOfResidence', 'dateOfExpiry'] as const;

export function identityPart(card: CardStepResult): NonNullable<DraftDossier['identity']> {
  const overall = card.chip?.verification.overall;
  const source = card.chip ? (overall === 'genuine' ? 'chip_verified' : 'chip_unverified') : card.identity.source === 'qr' ? 'qr' : 'typed';
  return {
    identity: card.identity,
    sources: Object.fromEntries(FIELDS.filter((f) => card.identity[f] !== undefined).map((f) => [f, source])),
    cardKind: cardKindFromIssue(card.identity.dateOfIssue),
    verification: {
      overall: !card.chip ? 'not_read' : overall === 'genuine' ? 'genuine' : overall === 'failed' ? 'failed' : 'not_fully_verified',
      lines: card.chip
        ? [
            { check: 'signature', status: card.chip.verification.signature === 'valid' ? 'ok' : 'fail' },
            { check: 'chain', status: card.chip.verification.chain.status === 'trusted' ? 'ok' : 'fail' },
            { check: 'hashes', status: card.chip.verification.hashes.some((h) => h.status === 'mismatch') ? 'fail' : 'ok' },
            { check: 'clone', status: card.chip.verification.activeAuth === 'failed' || card.chip.verification.chipAuth === 'failed' ? 'fail' : 'ok' },
          ]
        : [],
    },
    ...(card.fallback && !card.chip ? { fallback: card.fallback } : {}),
    disagreements: (card.chip?.disagreements ?? []).map((d) => ({ field: d.field, values: d.values.map((v) => ({ source: v.source, value: v.value.slice(0, 500) })) })),
  };
}

/** A new draft from the card step: the identity with its sources and verdict, nothing else yet. */
export function newDraft(card: CardStepResult, station: string | null): DraftDossier {
  return { schemaVersion: DOSSIER_SCHEMA_VERSION, identity: identityPart(card), overrides: [], station, driveId: null };
}

/** The portrait part: the quality checks passed and the liveness evidence (the JPEG travels apart). */
export function portraitPart(portrait: PortraitResult): NonNullable<DraftDossier['portrait']> {
  return {
    qualityPassed: portrait.quality.filter((q) => q.ok).length,
    qualityTotal: Math.max(1, portrait.quality.length),
    liveness: 'passed',
    attempts: Math.min(10, Math.max(1, portrait.attempts)),
    evidence: JSON.stringify(portrait.liveness).slice(0, 40_000),
  };
}

export async function blobToBase64(b: Blob): Promise<string> {
  const bytes = new Uint8Array(await b.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
