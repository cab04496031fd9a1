/** Display formats the whole app agrees on: dates are always dd/mm/yyyy, in both languages. */
import { formatDmy, fromIso } from './dates';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Formats an ISO date (yyyy-mm-dd) or a Date as dd/mm/yyyy; returns '' for nothing valid. */
export function formatDateVn(value: string | Date | null | undefined): string {
  if (value == null) return '';
  if (typeof value === 'string') {
    const iso = value.slice(0, 10);
    return fromIso(iso) ? formatDmy(iso) : '';
  }
  if (Number.isNaN(value.getTime())) return '';
  return `${pad(value.getDate())}/${pad(value.getMonth() + 1)}/${value.getFullYear()}`;
}

/** dd/mm/yyyy HH:mm in local time, for timestamps shown to the officer. */
export function formatDateTimeVn(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return `${formatDateVn(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
