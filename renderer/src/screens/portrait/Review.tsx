// Side-by-side review: the captured ICAO portrait (and the chip portrait when given) + quality report.
import { useTranslation } from 'react-i18next';
import type { Capture } from './usePortraitSession';

export function Review(props: { capture: Capture; chipPortraitUrl?: string; onRetake(): void; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation('portrait');
  const { capture } = props;
  return (
    <section className="portrait-review" aria-labelledby="portrait-review-title" data-testid="portrait-review">
      <h2 id="portrait-review-title">{t('review.title')}</h2>
      <div className="portrait-pair">
        <figure>
          <img src={capture.url} width={240} height={320} alt={t('review.live')} data-testid="captured-portrait" />
          <figcaption>{t('review.live')}</figcaption>
        </figure>
        {props.chipPortraitUrl && (
          <figure>
            <img src={props.chipPortraitUrl} width={240} height={320} alt={t('review.chip')} />
            <figcaption>{t('review.chip')}</figcaption>
          </figure>
        )}
      </div>
      <table className="portrait-report">
        <caption>{t('review.report')}</caption>
        <thead>
          <tr><th>{t('review.measure')}</th><th>{t('review.value')}</th></tr>
        </thead>
        <tbody>
          {capture.checks.flatMap((c) => c.measures.map((m) => (
            <tr key={m.name} className={c.ok ? 'ok' : 'warn'}><td>{m.name}</td><td>{m.value}</td></tr>
          )))}
        </tbody>
      </table>
      <p className="muted small">{t('keys')}</p>
      <div className="portrait-actions">
        <button type="button" onClick={props.onConfirm} autoFocus data-testid="confirm">{t('actions.confirm')}</button>
        <button type="button" className="secondary" onClick={props.onRetake}>{t('actions.retake')}</button>
        <button type="button" className="secondary" onClick={props.onCancel}>{t('actions.cancel')}</button>
      </div>
    </section>
  );
}
