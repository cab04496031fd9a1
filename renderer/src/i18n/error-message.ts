import type { TFunction } from 'i18next';

/** The officer-facing text for an error code from the contract (codes are `domain.reason`). */
export function errorMessage(t: TFunction, error: { code: string }): string {
  const key = `errors.${error.code}`;
  return t(key, { ns: 'common', defaultValue: '' }) || t('errors.unknown', { ns: 'common', code: error.code });
}
