import { useTranslation } from 'react-i18next';
import type { CardReadView } from '../../../../shared/contract/card';
import { formatIsoDate } from '../../i18n/format';

/** Shown, never resolved: the officer compares with the card and the citizen. */
export function Disagreements({ items, idWarnings }: { items: CardReadView['disagreements']; idWarnings: string[] }) {
  const { t, i18n } = useTranslation('card');
  const shown = (field: string, value: string) => (field === 'dateOfBirth' ? formatIsoDate(value, i18n.language) : value);
  if (items.length === 0 && idWarnings.length === 0) return null;
  return (
    <section className="panel help" role="alert" data-testid="disagreements">
      {items.length > 0 && (
        <>
          <h3>{t('checks.title')}</h3>
          <p>{t('checks.help')}</p>
          <ul>
            {items.map((d) => (
              <li key={d.field}>
                <strong>{t(`checks.field_${d.field}`)}</strong>:{' '}
                {d.values.map((v) => `${t(`checks.src_${v.source}`)} “${shown(d.field, v.value)}”`).join(' · ')}
              </li>
            ))}
          </ul>
        </>
      )}
      {idWarnings.length > 0 && (
        <>
          <h3>{t('checks.idWarnings')}</h3>
          <ul>{idWarnings.map((w) => <li key={w}>{t(`checks.${w}`)}</li>)}</ul>
        </>
      )}
    </section>
  );
}
