import type { TFunction } from 'i18next';
import { isUpstreamReturn } from '../../../shared/domain/return-reason';

/** A returned dossier's reason as the officer reads it: the supervisor's words, or the upstream's code worded here. */
export function returnReasonText(t: TFunction, reason: string | null | undefined): string {
  if (isUpstreamReturn(reason)) return t('returned.upstreamPortrait', { ns: 'common' });
  return reason ?? '';
}
