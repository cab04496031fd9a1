import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftDossier } from '../../../shared/domain/dossier';
import { formatDateTime } from '../i18n/format';

/**
 * How the chip check ended and what let the dossier go on despite it, as rows of a `<dl>`: the
 * verdict (a failed one in red), the supervisor's override with its reason and time, or why the
 * chip was not used. The review, the summary and the supervisor's detail show it alike.
 */
export function VerdictRows({ body, testId = 'verdict-row' }: { body: DraftDossier; testId?: string }) {
  const { t, i18n } = useTranslation();
  const v = body.identity?.verification;
  const overall = v?.overall ?? 'not_read';
  const failedLines = v?.lines.filter((l) => l.status === 'fail') ?? [];
  const tone = overall === 'genuine' ? 'ok' : overall === 'failed' ? 'error' : 'warn';
  const fallback = body.identity?.fallback;
  return (
    <>
      <dt>{t('submit.chip')}</dt>
      <dd className={tone} data-testid={testId} data-overall={overall}>
        {t(`approval.verdict.${overall}`)}
        {failedLines.map((l) => ` · ${t(`approval.check.${l.check}`)}`).join('')}
      </dd>
      {body.overrides.map((o) => (
        <Fragment key={`${o.kind}-${o.at}`}>
          <dt>{t('override.label')}</dt>
          <dd className="warn" data-testid="override-row" data-kind={o.kind}>
            {t(`override.kind.${o.kind}`)}: {o.reason} ({formatDateTime(o.at, i18n.language)})
          </dd>
        </Fragment>
      ))}
      {fallback && (
        <>
          <dt>{t('override.fallbackLabel')}</dt>
          <dd className="warn" data-testid="fallback-row" data-reason={fallback.reason}>
            {t(`card:fallback.reasons.${fallback.reason}`)}{fallback.note ? ` — ${fallback.note}` : ''}
          </dd>
        </>
      )}
    </>
  );
}
