import { useTranslation } from 'react-i18next';
import type { CardReadView, CardVerificationView } from '../../../../shared/contract/card';
import { formatDecimal } from '../../i18n/format';
import { failedGroups, todoKey } from './verdict';

/**
 * The chip's verdict in one line with what to do now; the fields a failed hash covers in plain
 * words; every technical line (SOD, certificates, AA/CA, APDUs) folded for the technician.
 */
export function VerificationBadge({ v, stats }: { v: CardVerificationView; stats?: CardReadView['stats'] }) {
  const { t, i18n } = useTranslation('card');
  const bad = v.hashes.filter((h) => h.status === 'mismatch');
  const matched = v.hashes.filter((h) => h.status === 'match').length;
  const clone = v.activeAuth === 'failed' || v.chipAuth === 'failed' ? 'failed'
    : v.activeAuth === 'passed' || v.chipAuth === 'passed' ? 'passed' : 'not_supported';
  const tone = (ok: boolean, warn = false) => (ok ? 'ok' : warn ? 'warn' : 'error');
  const groups = failedGroups(v);
  return (
    <section className={`verify verify-${v.overall}`} data-testid="verification" data-overall={v.overall} aria-label={t('verify.title')}>
      <p className="verdict-line">
        <strong className={`badge badge-${v.overall}`}>{t(`verify.overall_${v.overall}`)}</strong>{' '}
        <span data-testid="verify-todo" data-todo={todoKey(v)}>{t(`verify.todo_${todoKey(v)}`)}</span>
      </p>
      {groups.length > 0 && (
        <p className="error" data-testid="verify-altered">
          {t('verify.altered', { fields: groups.map((g) => t(`verify.covers.${g.key}`)).join('; ') })}
        </p>
      )}
      <details className="tech" data-testid="verify-details">
        <summary>{t('verify.details')}</summary>
        <ul>
          <li>{t('verify.access', { protocol: v.accessControl.protocol })}</li>
          <li className={tone(v.signature === 'valid')} data-testid="verify-signature">{t(`verify.signature_${v.signature}`)}</li>
          <li className={tone(v.chain.status === 'trusted', v.chain.status === 'no_anchor' || v.chain.status === 'expired')} data-testid="verify-chain" data-status={v.chain.status}>
            {t(`verify.chain_${v.chain.status}`, { anchor: v.chain.anchor ?? '', issuer: v.chain.issuer })}
          </li>
          <li className={tone(bad.length === 0)} data-testid="verify-hashes">
            {bad.length === 0 ? t('verify.hashes_ok', { count: matched }) : t('verify.hashes_bad', { groups: bad.map((h) => `DG${h.dg}`).join(', ') })}
          </li>
          <li className={tone(clone === 'passed', clone === 'not_supported')} data-testid="verify-clone" data-status={clone}>
            {t(`verify.clone_${clone}`)}
            <span className="muted small">
              {' '}({t('verify.activeAuth')}: {t(`verify.check_${v.activeAuth}`)}; {t('verify.chipAuth')}: {t(`verify.check_${v.chipAuth}`)})
            </span>
            {v.chipDetail ? (
              <span className="muted small" data-testid="verify-clone-detail" lang="en">
                {' '}— {v.chipDetail}
              </span>
            ) : null}
          </li>
        </ul>
        {stats && (
          <p className="muted small" data-testid="read-stats">
            {t('result.stats', { apdus: stats.apdus, seconds: formatDecimal(stats.ms / 1000, i18n.language, 1), reader: stats.readerName })}
          </p>
        )}
      </details>
    </section>
  );
}
