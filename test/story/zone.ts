import { expect } from 'vitest';

const EXPECTED_OFFSETS: Record<string, number> = { UTC: 0, 'Pacific/Honolulu': 600, 'Asia/Tokyo': -540 };

/** Fails unless the process really runs in the zone its project claims, so zone tests cannot pass vacuously. */
export function expectZoneInEffect(): string {
  const zone = process.env.TZ ?? '';
  expect(Object.keys(EXPECTED_OFFSETS)).toContain(zone);
  expect(new Date(Date.UTC(2025, 3, 13, 12)).getTimezoneOffset()).toBe(EXPECTED_OFFSETS[zone]);
  expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone === 'UTC' ? 'UTC' : zone);
  return zone;
}
