import { useTranslation } from 'react-i18next';
import { LANGUAGES, switchLanguage, type Language } from '../i18n/index';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language as Language;
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          data-testid={`lang-${lang}`}
          aria-pressed={current === lang}
          className={current === lang ? 'active' : ''}
          onClick={() => void switchLanguage(lang, window.localStorage)}
        >
          {t(`language.${lang}`)}
        </button>
      ))}
    </div>
  );
}
