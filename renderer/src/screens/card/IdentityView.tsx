import { useTranslation } from 'react-i18next';
import type { CitizenIdentity } from '../../../../shared/domain/citizen';
import { formatDateVn } from '../../../../shared/domain/format';

const TEXT_FIELDS = ['oldIdNumber', 'nationality', 'ethnicity', 'religion', 'placeOfOrigin', 'placeOfResidence', 'personalMarks', 'fatherName', 'motherName', 'spouseName'] as const;

export function IdentityView({ identity, portrait }: { identity: CitizenIdentity; portrait: string | null }) {
  const { t } = useTranslation('card');
  const row = (label: string, value: string | undefined, testId?: string) =>
    value ? (
      <div className="row" key={label}>
        <dt>{t(`result.${label}`)}</dt>
        <dd data-testid={testId}>{value}</dd>
      </div>
    ) : null;
  return (
    <section className="panel identity" data-testid="identity">
      <div className="identity-grid">
        <figure className="chip-portrait">
          {portrait ? <img src={portrait} alt={t('result.portraitChip')} data-testid="chip-portrait" /> : <div className="no-portrait">{t('result.noPortrait')}</div>}
          <figcaption>{t('result.portraitChip')}</figcaption>
        </figure>
        <dl>
          {row('source', t(`result.source_${identity.source}`), 'identity-source')}
          {row('idNumber', identity.idNumber, 'identity-id')}
          {row('fullName', identity.fullName, 'identity-name')}
          {row('dateOfBirth', formatDateVn(identity.dateOfBirth), 'identity-dob')}
          {row('sex', identity.sex === 'M' ? t('access.sexM') : identity.sex === 'F' ? t('access.sexF') : '—')}
          {TEXT_FIELDS.map((k) => row(k, identity[k]))}
          {row('dateOfIssue', formatDateVn(identity.dateOfIssue))}
          {row('dateOfExpiry', identity.dateOfExpiry === 'none' ? t('result.noExpiry') : formatDateVn(identity.dateOfExpiry))}
          {identity.unknownFields.length > 0 &&
            row('unknownFields', identity.unknownFields.map((f) => `${f.n}: ${f.text ?? f.raw}`).join('; '))}
        </dl>
      </div>
    </section>
  );
}
