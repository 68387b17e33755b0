/**
 * Dates without time zones. A story date is the local calendar date where the event
 * happened; it is kept as milliseconds at UTC midnight of that date ("floating" time) and
 * only ever read back through UTC methods or `timeZone: 'UTC'`, so that no reader's zone can
 * move it by a day. Never construct dates with local-time APIs here.
 */
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written as YYYY-MM-DD ("2025-02-30" is false). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Milliseconds at UTC midnight of a YYYY-MM-DD date. Throws on anything else. */
export function parseIsoDate(value: string): number {
  if (!isIsoDate(value)) throw new RangeError(`expected YYYY-MM-DD, got ${JSON.stringify(value)}`);
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

/** Milliseconds past midnight for an HH:MM clock time. */
export function parseClockTime(value: string): number {
  const [hours, minutes] = value.split(':').map(Number) as [number, number];
  return hours * HOUR_MS + minutes * 60_000;
}

/** YYYY-MM-DD for a floating date, whatever the reader's zone. */
export function toIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * Building a formatter costs far more than using one, and a long story formats thousands of
 * dates: formatters are kept per options object (pass constants) and language.
 */
const formatters = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

function utcFormatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let byLang = formatters.get(options);
  if (!byLang) formatters.set(options, (byLang = new Map()));
  let format = byLang.get(lang);
  if (!format) byLang.set(lang, (format = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' })));
  return format;
}

/** Dates already formatted, per formatter: Intl is slow, and a chart formats the same few on every step. */
const formatted = new WeakMap<Intl.DateTimeFormat, Map<string, string>>();

function remembered(format: Intl.DateTimeFormat, key: string, make: () => string): string {
  let done = formatted.get(format);
  if (!done) formatted.set(format, (done = new Map()));
  let text = done.get(key);
  if (text === undefined) done.set(key, (text = make()));
  return text;
}

/** Formats a floating date in the story's language; the UTC zone keeps the calendar date intact. */
export function formatDate(ms: number, lang: string, options: Intl.DateTimeFormatOptions): string {
  const format = utcFormatter(lang, options);
  return remembered(format, String(ms), () => format.format(ms));
}

/** Formats a span of floating dates compactly ("21–23 April 2025"). */
export function formatDateRange(startMs: number, endMs: number, lang: string, options: Intl.DateTimeFormatOptions): string {
  if (startOfDay(startMs) === startOfDay(endMs)) return formatDate(startMs, lang, options);
  const format = utcFormatter(lang, options);
  return remembered(format, `${startMs}-${endMs}`, () => format.formatRange(startMs, endMs));
}

export const FULL_DATE: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
export const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
export const MONTH_YEAR: Intl.DateTimeFormatOptions = { month: 'long', year: 'numeric' };
export const DAY_SHORT_MONTH: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
export const WEEKDAY_DAY_MONTH: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };
export const WEEKDAY_DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric' };
export const DAY_ONLY: Intl.DateTimeFormatOptions = { day: 'numeric' };
