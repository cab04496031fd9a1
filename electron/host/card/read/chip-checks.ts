/**
 * Clone detection: active authentication (DG15 key signs our challenge) and chip authentication
 * (DG14 key agreement re-keys secure messaging). Not yet wired: the verifiers come from
 * icao/auth; until then the report says plainly that the checks did not run.
 */
import type { CardSession } from '../icao/session';

export type ChipCheckResult = 'passed' | 'failed' | 'not_supported' | 'not_checked';

export interface ChipChecks {
  activeAuth: ChipCheckResult;
  chipAuth: ChipCheckResult;
  detail?: string;
}

export async function chipChecks(_session: CardSession, files: ReadonlyMap<number, Uint8Array>): Promise<ChipChecks> {
  return {
    activeAuth: files.has(15) ? 'not_checked' : 'not_supported',
    chipAuth: files.has(14) ? 'not_checked' : 'not_supported',
  };
}
