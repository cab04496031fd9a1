import { useTranslation } from 'react-i18next';
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import { formatDateVn } from '../../../../shared/domain/format';

/** Shown beside the portrait: what the officer compares with the citizen and the card. */
const KEY_FIELDS = ['idNumber', 'fullName', 'dateOfBirth', 'sex', 'placeOfResidence', 'dateOfExpiry'] as const;
/** Folded under "Thông tin khác trên thẻ". */
const MORE_FIELDS = ['oldIdNumber', 'nationality', 'ethnicity', 'religion', 'placeOfOrigin', 'personalMarks', 'fatherName', 'motherName', 'spouseName', 'dateOfIssue', 'unknownFields'] as const;
const TEST_IDS: Partial<Record<string, string>> = { idNumber: 'identity-id', fullName: 'identity-name', dateOfBirth: 'identity-dob' };

/**
 * The citizen at the top of the step: portrait and the key fields side by side, the rest folded.
 * Fields covered by a data group whose hash failed (`suspect`) are marked: they may be altered.
 */
export function IdentityView({ identity, portrait, suspect = new Set<string>() }: { identity: CitizenIdentity; portrait: string | null; suspect?: ReadonlySet<string> }) {
  const { t } = useTranslation('card');
  const value = (k: string): string | undefined => {
    switch (k) {
      case 'dateOfBirth':
      case 'dateOfIssue':
        return formatDateVn(identity[k]);
      case 'dateOfExpiry':
        return identity.dateOfExpiry === 'none' ? t('result.noExpiry') : formatDateVn(identity.dateOfExpiry);
      case 'sex':
        return identity.sex === 'M' ? t('access.sexM') : identity.sex === 'F' ? t('access.sexF') : '—';
      case 'unknownFields':
        return identity.unknownFields.length > 0 ? identity.unknownFields.map((f) => `${f.n}: ${f.text ?? f.raw}`).join('; ') : undefined;
      default:
        return identity[k as keyof CitizenIdentity] as string | undefined;
    }
  };
  const row = (k: string) => {
    const v = value(k);
    if (!v) return null;
    const bad = suspect.has(k);
    return (
      <div className={bad ? 'row suspect' : 'row'} key={k} data-suspect={bad || undefined}>
        <dt>{t(`result.${k}`)}</dt>
        <dd>
          <span data-testid={TEST_IDS[k]}>{v}</span>
          {bad && <span className="suspect-tag" data-testid="suspect-tag">{t('result.suspect')}</span>}
        </dd>
      </div>
    );
  };
  const more = MORE_FIELDS.map(row).filter((r) => r !== null);
  const portraitBad = suspect.has('portrait');
  return (
    <section className="panel identity" data-testid="identity" aria-label={t('result.identityTitle')}>
      <div className="identity-grid">
        <figure className={portraitBad ? 'chip-portrait suspect' : 'chip-portrait'}>
          {portrait ? <img src={portrait} alt={t('result.portraitChip')} data-testid="chip-portrait" /> : <div className="no-portrait">{t('result.noPortrait')}</div>}
          <figcaption>{t('result.portraitChip')}{portraitBad && <span className="suspect-tag">{t('result.suspect')}</span>}</figcaption>
        </figure>
        <div>
          <dl>
            {KEY_FIELDS.map(row)}
            <div className="row source">
              <dt>{t('result.source')}</dt>
              <dd data-testid="identity-source">{t(`result.source_${identity.source}`)}</dd>
            </div>
          </dl>
          {more.length > 0 && (
            <details className="more-fields">
              <summary>{t('result.moreFields', { count: more.length })}</summary>
              <dl>{more}</dl>
            </details>
          )}
        </div>
      </div>
    </section>
  );
}
