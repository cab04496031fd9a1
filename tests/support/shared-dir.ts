/**
 * The project's shared material (face media, the model, the ICAO master list) sits in `../shared`
 * beside the checkout, on developer machines and in CI alike. KIOSK_SHARED_DIR overrides it.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export const SHARED_DIR = process.env.KIOSK_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
export const sharedPath = (...parts: string[]): string => resolve(SHARED_DIR, ...parts);
