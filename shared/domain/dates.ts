/**
 * Calendar dates as ISO `yyyy-mm-dd` strings. The card and the QR code write `dd/mm/yyyy`,
 * `ddmmyyyy` or the MRZ's `YYMMDD`; everything is converted at the edge and compared as ISO.
 * Pure arithmetic on y/m/d (no Date time zones): a birthday must not move with the kiosk's clock.
 */
export type IsoDate = string;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function isValidYmd({ y, m, d }: Ymd): boolean {
  return Number.isInteger(y) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

export function toIso(ymd: Ymd): IsoDate {
  return `${pad(ymd.y, 4)}-${pad(ymd.m, 2)}-${pad(ymd.d, 2)}`;
}

export function fromIso(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isValidYmd(ymd) ? ymd : null;
}

/** `dd/mm/yyyy` (DG13, the printed card) → ISO; also accepts `d/m/yyyy` and `-` or `.` separators. */
export function parseDmy(s: string): IsoDate | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(s);
  if (!m) return null;
  const ymd = { y: Number(m[3]), m: Number(m[2]), d: Number(m[1]) };
  return isValidYmd(ymd) ? toIso(ymd) : null;
}

/** `ddmmyyyy` (the QR code) → ISO. */
export function parseDdmmyyyy(s: string): IsoDate | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(s.trim());
  if (!m) return null;
  const ymd = { y: Number(m[3]), m: Number(m[2]), d: Number(m[1]) };
  return isValidYmd(ymd) ? toIso(ymd) : null;
}

export function formatDmy(iso: IsoDate): string {
  const v = fromIso(iso);
  return v ? `${pad(v.d, 2)}/${pad(v.m, 2)}/${pad(v.y, 4)}` : iso;
}

/** ISO → MRZ `YYMMDD`. */
export function toYymmdd(iso: IsoDate): string | null {
  const v = fromIso(iso);
  return v ? `${pad(v.y % 100, 2)}${pad(v.m, 2)}${pad(v.d, 2)}` : null;
}

/**
 * MRZ `YYMMDD` → ISO. The century is ambiguous by design of the MRZ: birth dates are placed in
 * the last 100 years before `reference`, expiry dates in the window [reference-50y, reference+50y).
 */
export function parseYymmdd(s: string, kind: 'birth' | 'expiry', reference: IsoDate): IsoDate | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(s);
  const ref = fromIso(reference);
  if (!m || !ref) return null;
  const yy = Number(m[1]);
  let y = Math.floor(ref.y / 100) * 100 + yy;
  if (kind === 'birth') {
    if (y > ref.y) y -= 100;
  } else if (y >= ref.y + 50) y -= 100;
  else if (y < ref.y - 50) y += 100;
  const ymd = { y, m: Number(m[2]), d: Number(m[3]) };
  return isValidYmd(ymd) ? toIso(ymd) : null;
}

export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Completed years between `birth` and `on` (a person born on 29 Feb turns a year older on 1 Mar). */
export function ageOn(birth: IsoDate, on: IsoDate): number | null {
  const b = fromIso(birth);
  const o = fromIso(on);
  if (!b || !o) return null;
  let age = o.y - b.y;
  if (o.m < b.m || (o.m === b.m && o.d < b.d)) age -= 1;
  return age;
}

/** The anniversary `years` after `iso`; 29 Feb becomes 28 Feb in a common year. */
export function addYears(iso: IsoDate, years: number): IsoDate | null {
  const v = fromIso(iso);
  if (!v) return null;
  const y = v.y + years;
  const d = Math.min(v.d, daysInMonth(y, v.m));
  return isValidYmd({ y, m: v.m, d }) ? toIso({ y, m: v.m, d }) : null;
}

/** Today's date in the given UTC offset (Vietnam is UTC+7) from an injected clock. */
export function isoDateAt(nowMs: number, utcOffsetMinutes = 7 * 60): IsoDate {
  return new Date(nowMs + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
