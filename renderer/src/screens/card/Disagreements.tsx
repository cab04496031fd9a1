import { useTranslation } from 'react-i18next';
import type { CardReadView } from '../../../../shared/contract/card';

/** Shown, never resolved: the officer compares with the card and the citizen. */
export function Disagreements({ items, idWarnings }: { items: CardReadView['disagreements']; idWarnings: string[] }) {
  const { t } = useTranslation('card');
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
                {d.values.map((v) => `${t(`checks.src_${v.source}`)} “${v.value}”`).join(' · ')}
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
