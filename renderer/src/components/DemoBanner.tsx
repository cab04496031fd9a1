import { useTranslation } from 'react-i18next';

/** Shown on every screen in demo/training mode so nobody mistakes it for real intake. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      <strong>{t('mode.demo')}</strong> — {t('mode.demoHint')}
    </div>
  );
}
