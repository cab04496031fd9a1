import { useTranslation } from 'react-i18next';
import type { CardVerificationView } from '../../../../shared/contract/card';

/** The chip's checks, each on its own line, under one headline the officer reads at a glance. */
export function VerificationBadge({ v }: { v: CardVerificationView }) {
  const { t } = useTranslation('card');
  const bad = v.hashes.filter((h) => h.status === 'mismatch');
  const matched = v.hashes.filter((h) => h.status === 'match').length;
  const clone = v.activeAuth === 'failed' || v.chipAuth === 'failed' ? 'failed'
    : v.activeAuth === 'passed' || v.chipAuth === 'passed' ? 'passed' : 'not_supported';
  const tone = (ok: boolean, warn = false) => (ok ? 'ok' : warn ? 'warn' : 'error');
  return (
    <section className={`panel verify verify-${v.overall}`} data-testid="verification" data-overall={v.overall}>
      <h3>{t('verify.title')}</h3>
      <p className={`badge badge-${v.overall}`}><strong>{t(`verify.overall_${v.overall}`)}</strong></p>
      <ul>
        <li>{t('verify.access', { protocol: v.accessControl.protocol })}</li>
        <li className={tone(v.signature === 'valid')} data-testid="verify-signature">{t(`verify.signature_${v.signature}`)}</li>
        <li className={tone(v.chain.status === 'trusted', v.chain.status === 'no_anchor')} data-testid="verify-chain" data-status={v.chain.status}>
          {t(`verify.chain_${v.chain.status}`, { anchor: v.chain.anchor ?? '', issuer: v.chain.issuer })}
        </li>
        <li className={tone(bad.length === 0)} data-testid="verify-hashes">
          {bad.length === 0
            ? t('verify.hashes_ok', { count: matched })
            : t('verify.hashes_bad', { groups: bad.map((h) => `DG${h.dg}`).join(', ') })}
        </li>
        <li className={tone(clone === 'passed', clone === 'not_supported')} data-testid="verify-clone" data-status={clone}>
          {t(`verify.clone_${clone}`)}
          <span className="muted small">
            {' '}({t('verify.activeAuth')}: {t(`verify.check_${v.activeAuth}`)}; {t('verify.chipAuth')}: {t(`verify.check_${v.chipAuth}`)})
          </span>
          {v.chipDetail ? (
            <span className="muted small" data-testid="verify-clone-detail">
              {' '}— {v.chipDetail}
            </span>
          ) : null}
        </li>
      </ul>
    </section>
  );
}
