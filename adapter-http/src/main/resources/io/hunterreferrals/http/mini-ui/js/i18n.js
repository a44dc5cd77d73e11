// One catalogue per language (i18n/tr.js, i18n/en.js, with the notifications' texts in their own files); every
// string the UI shows comes from them.
import tr from '../i18n/tr.js';
import en from '../i18n/en.js';
import trNotifications from '../i18n/notifications-tr.js';
import enNotifications from '../i18n/notifications-en.js';

const CATALOGUES = { tr: { ...tr, ...trNotifications }, en: { ...en, ...enNotifications } };
const INTL_LOCALES = { tr: 'tr-TR', en: 'en-GB' };
const STORAGE_KEY = 'hunter:lang';
const listeners = new Set();

function initialLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved in CATALOGUES) return saved;
  for (const language of navigator.languages || [navigator.language || 'tr']) {
    const base = String(language).toLowerCase().split('-')[0];
    if (base in CATALOGUES) return base;
  }
  return 'tr';
}

let current = initialLanguage();

export const language = () => current;
export const intlLocale = () => INTL_LOCALES[current];

/**
 * t('sync.queued'), t('pager.range', {from: 1, to: 50, total: '1.000+'}); fallback is shown for keys built from
 * server codes the catalogues do not know (a new failure reason).
 */
export function t(key, params = {}, fallback = undefined) {
  const template = CATALOGUES[current][key] ?? CATALOGUES.en[key];
  if (template === undefined) {
    if (fallback !== undefined) return fallback;
    console.warn('Missing text', key);
    return key;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export function setLanguage(language) {
  if (!(language in CATALOGUES) || language === current) return;
  current = language;
  localStorage.setItem(STORAGE_KEY, language);
  applyStaticTexts();
  listeners.forEach((listener) => listener(language));
}

export const onLanguageChange = (listener) => listeners.add(listener);

/** Fills the shell's data-i18n elements and data-i18n-aria-label attributes. */
export function applyStaticTexts(root = document) {
  document.documentElement.lang = current;
  document.title = t('app.title');
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  });
}
