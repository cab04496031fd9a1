import { describe, expect, it } from 'vitest';
import { dossierIdSchema, dossierRefSchema, hexSchema, isoDateSchema } from './shapes';

describe('shared shapes', () => {
  it('a dossier id is HS- and ten readable base32 characters (no I, O, 0 or 1)', () => {
    expect(dossierIdSchema.safeParse('HS-23456789AB').success).toBe(true);
    for (const bad of ['HS-23456789A', 'HS-2345678901', 'HS-23456789AI', 'hs-23456789AB', 'XHS-23456789AB']) expect(dossierIdSchema.safeParse(bad).success).toBe(false);
  });

  it('a dossier reference holds the id and nothing else', () => {
    expect(dossierRefSchema.safeParse({ id: 'HS-23456789AB' }).success).toBe(true);
    expect(dossierRefSchema.safeParse({ id: 'HS-23456789AB', extra: 1 }).success).toBe(false);
  });

  it('hex of n bytes is exactly 2n lower-case hex digits; a date is yyyy-mm-dd', () => {
    expect(hexSchema(16).safeParse('ab'.repeat(16)).success).toBe(true);
    expect(hexSchema(16).safeParse('ab'.repeat(17)).success).toBe(false);
    expect(hexSchema(16).safeParse('AB'.repeat(16)).success).toBe(false);
    expect(isoDateSchema.safeParse('2026-11-30').success).toBe(true);
    expect(isoDateSchema.safeParse('30/11/2026').success).toBe(false);
  });
});
