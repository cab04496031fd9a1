import { useTranslation } from 'react-i18next';

/** Replaces every screen (and any personal data on it) once the host has shut the bridge. */
export function TamperedScreen() {
  const { t } = useTranslation();
  return (
    <main className="tampered" data-testid="tampered" role="alert">
      <h1>{t('tamper.title')}</h1>
      <p>{t('tamper.body')}</p>
      <p className="lead">{t('tamper.action')}</p>
    </main>
  );
}
