// Dates, ages and numbers in the chosen language, with Intl.
import { intlLocale, t } from './i18n.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function dateTime(iso) {
  if (!iso) return '-';
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "az önce", "3 dk önce", "2 saat önce", "5 gün önce" and their English forms. */
export function age(iso, now = Date.now()) {
  if (!iso) return '-';
  const elapsed = Math.max(0, now - new Date(iso).getTime());
  if (elapsed < MINUTE) return t('time.justNow');
  if (elapsed < HOUR) return t('time.minutesAgo', { n: Math.floor(elapsed / MINUTE) });
  if (elapsed < DAY) return t('time.hoursAgo', { n: Math.floor(elapsed / HOUR) });
  return t('time.daysAgo', { n: Math.floor(elapsed / DAY) });
}

export function duration(fromIso, toIso) {
  if (!fromIso || !toIso) return '-';
  const seconds = Math.max(0, (new Date(toIso) - new Date(fromIso)) / 1000);
  if (seconds < 60) return t('time.seconds', { n: number(seconds, seconds < 10 ? 1 : 0) });
  return t('time.minutesSeconds', { m: Math.floor(seconds / 60), s: Math.round(seconds % 60) });
}

export function number(value, fractionDigits = 0) {
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: fractionDigits }).format(value);
}

/** A deal value with its currency; "-" when there is none (or it is 0). */
export function money(value, currency) {
  if (value === null || value === undefined || Number(value) === 0) return '-';
  try {
    return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: currency || 'USD' }).format(Number(value));
  } catch {
    return `${number(Number(value), 2)} ${currency || ''}`.trim();
  }
}

/** "1.234" or "1.000+" when the server stopped counting at a cap. */
export function total(count, exact) {
  return exact ? number(count) : `${number(count)}+`;
}
