/**
 * Real faces for the face tests, from the shared faces folder beside the checkout: a chip-like
 * portrait of one of its people and live-like frames (eval-set.ts makes both).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chipVersion, DEFAULT_FACES_DIR, liveFrame, type ChipVariant } from './eval-set';
import { decodePortrait } from './decode';

export const FACES_DIR = process.env.FACES_DIR ?? DEFAULT_FACES_DIR;
export const HAVE_FACES = existsSync(join(FACES_DIR, 'video'));
export const NO_FACES_REASON = `the shared face media (${FACES_DIR}) is not beside this checkout`;

export const CLIPS = {
  aoc: 'video/WDA_AlexandriaOcasioCortez_000.mp4',
  hill: 'video/WDA_KatieHill_000.mp4',
  d3: 'video/liveportrait_d3.mp4',
  d12: 'video/liveportrait_d12.mp4',
} as const;
export type Person = keyof typeof CLIPS;

/** A live-like portrait: the clip's frame at `at` seconds, 640×480 JPEG. */
export function livePortrait(person: Person, at = 3): Uint8Array {
  return liveFrame(join(FACES_DIR, CLIPS[person]), at);
}

/** A chip-like portrait: the clip's frame at 0.5 s, cropped 3:4, downscaled and recompressed. */
export function chipPortrait(person: Person, variant: ChipVariant = 'jpeg300'): Promise<Uint8Array> {
  return chipVersion(decodePortrait(liveFrame(join(FACES_DIR, CLIPS[person]), 0.5)), variant);
}
