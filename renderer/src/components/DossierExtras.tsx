import { useTranslation } from 'react-i18next';
import { formatDmy } from '../../../shared/domain/dates';
import type { DraftDossier } from '../../../shared/domain/dossier';
import { ageRuleOf } from '../screens/intake/steps';

const SERVICES = ['drivingLicence', 'vehicle', 'healthInsurance', 'socialInsurance'] as const;

/**
 * The parts of a dossier the review and the supervisor's detail show alike: the age rule that
 * applied (dossier.md asks for it), the child's representative, and the integration requests.
 * Rows of a `<dl>`.
 */
export function DossierExtras({ body, at }: { body: DraftDossier; at?: string | null }) {
  const { t } = useTranslation('intake');
  const rule = ageRuleOf(body, at ? Date.parse(at) : Date.now());
  const i = body.integration;
  const services = SERVICES.filter((s) => i?.[s]).map((s) => t(`review.services.${s}`));
  const dependants = i?.dependants ?? [];
  return (
    <>
      {rule && (
        <>
          <dt>{t('review.ageRule')}</dt>
          <dd data-testid="review-age-rule" data-rule={rule.rule}>{t(`review.rules.${rule.rule}`, { age: rule.age })}</dd>
        </>
      )}
      {body.guardian && (
        <>
          <dt>{t('review.guardian')}</dt>
          <dd data-testid="review-guardian">
            {t(`guardian.relationships.${body.guardian.relationship}`)}: {body.guardian.fullName} — {body.guardian.idNumber}
          </dd>
        </>
      )}
      <dt>{t('review.integration')}</dt>
      <dd data-testid="review-integration">
        {services.length === 0 && dependants.length === 0 ? t('review.noIntegration') : [...services, ...(dependants.length ? [t('review.dependantCount', { count: dependants.length })] : [])].join(', ')}
        {dependants.length > 0 && (
          <ul className="plain">
            {dependants.map((d, n) => (
              <li key={n}>{d.fullName} ({formatDmy(d.dateOfBirth)}) — {t(`integration.relationships.${d.relationship}`)}</li>
            ))}
          </ul>
        )}
      </dd>
    </>
  );
}
