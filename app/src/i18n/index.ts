// Language: the messages of the chosen language, persisted in localStorage.
import { en, type Messages } from './en';
import { es } from './es';

export const LANGUAGES = { en: { name: 'English', messages: en }, es: { name: 'Español', messages: es } } as const;
export type Lang = keyof typeof LANGUAGES;

export function initialLang (): Lang {
  const saved = localStorage.getItem('lang');
  if (saved === 'en' || saved === 'es') return saved;
  return navigator.language?.startsWith('es') ? 'es' : 'en';
}

export const messagesOf = (lang: Lang): Messages => LANGUAGES[lang].messages;

/** Fills {placeholders} in a message. */
export function fmt (message: string, vars: Record<string, string | number | bigint> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in vars ? String(vars[key]) : whole));
}
