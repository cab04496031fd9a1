/**
 * Numbers, dates and times as the screen's language writes them (Intl, vi-VN: decimal comma,
 * dd/mm/yyyy), never by hand.
 */
const LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' };

export const localeOf = (language: string): string => LOCALES[language] ?? 'vi-VN';

export function formatDecimal(n: number, language: string, digits = 1): string {
  return new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

export function formatInteger(n: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 0 }).format(n);
}

/** An ISO date (yyyy-mm-dd) as dd/mm/yyyy; anything else is returned as it is. */
export function formatIsoDate(iso: string, language: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(localeOf(language), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A moment as hh:mm dd/mm/yyyy in the kiosk's own time zone. */
export function formatDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = new Intl.DateTimeFormat(localeOf(language), { hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  const day = new Intl.DateTimeFormat(localeOf(language), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
  return `${time} ${day}`;
}
