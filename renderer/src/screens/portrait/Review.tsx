// The review: the captured portrait beside the chip portrait, "Đạt n/9 tiêu chí" with the checklist
// in words, the measures folded under "Chi tiết", and the buttons in the fixed bar — one view.
import { useTranslation } from 'react-i18next';
import { ActionBar } from '../../components/ActionBar';
import { useInitialFocus } from '../../components/useInitialFocus';
import { formatDecimal } from '../../i18n/format';
import type { Capture } from './usePortraitSession';

const decimals = (v: number): number => (Number.isInteger(v) ? 0 : Math.min(3, String(v).split('.')[1]?.length ?? 0));

export function Review(props: { capture: Capture; chipPortraitUrl?: string; onRetake(): void; onConfirm(): void }) {
  const { t, i18n } = useTranslation('portrait');
  const { capture } = props;
  const confirm = useInitialFocus<HTMLButtonElement>();
  const passed = capture.checks.filter((c) => c.ok).length;
  return (
    <section className="portrait-review" aria-labelledby="portrait-review-title" data-testid="portrait-review">
      <h3 id="portrait-review-title">{t('review.title')}</h3>
      <div className="portrait-review-body">
        <div className="portrait-pair">
          <figure>
            <img src={capture.url} width={210} height={280} alt={t('review.live')} data-testid="captured-portrait" />
            <figcaption>{t('review.live')}</figcaption>
          </figure>
          {props.chipPortraitUrl && (
            <figure>
              <img src={props.chipPortraitUrl} width={210} height={280} alt={t('review.chip')} data-testid="review-chip-portrait" />
              <figcaption>{t('review.chip')}</figcaption>
            </figure>
          )}
        </div>
        <div className="portrait-review-side">
          <p className={passed === capture.checks.length ? 'ok lead' : 'warn lead'} data-testid="review-passed">
            {t('review.passed', { passed, total: capture.checks.length })}
          </p>
          <ul className="portrait-checklist review" aria-label={t('review.report')}>
            {capture.checks.map((c) => (
              <li key={c.id} className={c.ok ? 'ok' : 'pending'} data-check={c.id} data-ok={c.ok}>
                <span aria-hidden="true">{c.ok ? '✔' : '✗'}</span> {t(`check.${c.id}`)}
              </li>
            ))}
          </ul>
          <details className="tech" data-testid="review-details">
            <summary>{t('review.details')}</summary>
            <table className="portrait-report">
              <caption>{t('review.report')}</caption>
              <thead>
                <tr><th>{t('review.measure')}</th><th>{t('review.value')}</th></tr>
              </thead>
              <tbody>
                {capture.checks.flatMap((c) => c.measures.map((m) => (
                  <tr key={m.name} className={c.ok ? 'ok' : 'warn'} data-measure={m.name} data-value={m.value}>
                    <td>{t(`measure.${m.name}`, { defaultValue: m.name })}</td>
                    <td>{formatDecimal(m.value, i18n.language, decimals(m.value))}</td>
                  </tr>
                )))}
              </tbody>
            </table>
          </details>
          <p className="muted small">{t('keys')}</p>
        </div>
      </div>
      <ActionBar>
        <button ref={confirm} type="button" className="big" onClick={props.onConfirm} data-testid="confirm">{t('actions.confirm')}</button>
        <button type="button" className="secondary" onClick={props.onRetake}>{t('actions.retake')}</button>
      </ActionBar>
    </section>
  );
}
