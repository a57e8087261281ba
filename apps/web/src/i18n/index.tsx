import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { da, type MessageKey } from './da';
import { en } from './en';

/**
 * A small typed dictionary rather than i18next: two languages, a few hundred strings, no plurals
 * beyond what the texts avoid, and every key checked by the compiler (en.ts is typed by da.ts's keys).
 * It costs no bundle size and no runtime loading; i18next can replace it if the console needs ICU
 * plurals or more languages.
 */
export type Language = 'da' | 'en';
const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { da, en };
const STORAGE_KEY = 'samvirke.language';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const t = useCallback<Translate>(
    (key, values) => DICTIONARIES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => (values && name in values ? String(values[name]) : whole)),
    [language],
  );
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

/** Has the dictionary a text for this key? For codes from the API (reasons, kinds) with a fallback. */
export function isMessageKey(key: string): key is MessageKey {
  return key in da;
}
