import { beforeAll, describe, expect, test } from 'vitest';
import { FULL_DATE, formatDate, formatDateRange, isIsoDate, parseIsoDate, toIsoDate, DAY_MONTH_YEAR, DAY_MS } from '../../src/story/dates.ts';
import { expectZoneInEffect } from './zone.ts';

/** CLDR versions differ in commas and in spaces around range dashes; the calendar facts do not. */
const loose = (text: string) => text.replace(/,/g, '').replace(/\s*–\s*/g, '–').replace(/\s+/g, ' ');

describe(`dates in TZ=${process.env.TZ}`, () => {
  beforeAll(() => {
    expectZoneInEffect();
  });

  test('Palm Sunday stays Sunday 13 April 2025', () => {
    const palmSunday = parseIsoDate('2025-04-13');
    expect(toIsoDate(palmSunday)).toBe('2025-04-13');
    expect(loose(formatDate(palmSunday, 'en-GB', FULL_DATE))).toBe('Sunday 13 April 2025');
    expect(loose(formatDate(palmSunday, 'en-US', FULL_DATE))).toBe('Sunday April 13 2025');
  });

  test('the London window reads 21–23 April 2025', () => {
    expect(loose(formatDateRange(parseIsoDate('2025-04-21'), parseIsoDate('2025-04-23'), 'en-GB', DAY_MONTH_YEAR))).toBe('21–23 April 2025');
  });

  test('a single-day range reads as one date', () => {
    const day = parseIsoDate('2025-04-18');
    expect(formatDateRange(day, day + DAY_MS - 1, 'en-GB', DAY_MONTH_YEAR)).toBe('18 April 2025');
  });

  test('every day of the story round-trips', () => {
    for (let day = 11; day <= 25; day += 1) {
      const iso = `2025-04-${String(day).padStart(2, '0')}`;
      expect(toIsoDate(parseIsoDate(iso))).toBe(iso);
    }
  });

  test('isIsoDate accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-4-13')).toBe(false);
    expect(isIsoDate('13/04/2025')).toBe(false);
    expect(isIsoDate('2025-04-13T00:00')).toBe(false);
  });

  test('parseIsoDate refuses what it cannot read', () => {
    expect(() => parseIsoDate('tomorrow')).toThrowError('expected YYYY-MM-DD, got "tomorrow"');
  });
});
