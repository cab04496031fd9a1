/**
 * i18next with every catalogue under locales/<lang>/<namespace>.json, loaded at build time.
 * Vietnamese is the default and the fallback; English is the second language.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

type Catalogue = Record<string, unknown>;
const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' });

export function catalogues(): Record<Language, Record<string, Catalogue>> {
  const out = { vi: {}, en: {} } as Record<Language, Record<string, Catalogue>>;
  for (const [path, data] of Object.entries(files)) {
    const m = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
    if (!m) continue;
    const lang = m[1] as Language;
    if (LANGUAGES.includes(lang)) out[lang][m[2]!] = data;
  }
  return out;
}

const STORAGE_KEY = 'kiosk.language';

export function savedLanguage(storage: Storage | undefined): Language | null {
  const v = storage?.getItem(STORAGE_KEY);
  return v === 'vi' || v === 'en' ? v : null;
}

export async function initI18n(language: Language): Promise<i18n> {
  const resources = catalogues();
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'vi',
    ns: Object.keys(resources.vi),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = language;
  return i18next;
}

export async function switchLanguage(lang: Language, storage: Storage | undefined): Promise<void> {
  await i18next.changeLanguage(lang);
  storage?.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}
