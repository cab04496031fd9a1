/**
 * The officer's words for sync: an attempt's error code and an upstream rejection, from the
 * `sync` namespace (codes keep their dots on the wire; the catalogue's keys use underscores).
 */
import type { TFunction } from 'i18next';

export function syncCodeKey(code: string): string {
  return `codes.${code.replace(/\./g, '_')}`;
}

export function syncReason(t: TFunction, code: string | null): string {
  if (!code) return '';
  return t(syncCodeKey(code), { ns: 'sync', defaultValue: '' }) || t('codes.unknown', { ns: 'sync', code });
}

export function rejectionReason(t: TFunction, code: string | null): string {
  return t(`rejection.${code ?? 'other'}`, { ns: 'sync', defaultValue: '' }) || t('rejection.other', { ns: 'sync' });
}

