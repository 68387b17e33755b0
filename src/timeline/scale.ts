/**
 * A linear scale from floating-UTC milliseconds to pixels. d3-scale's scaleUtc would pull in
 * d3-time-format, d3-interpolate and d3-color (about 9 KB gzipped) for this one mapping;
 * calendar arithmetic comes from d3-time and labels from Intl.
 */
export type TimeScale = (ms: number) => number;

export function utcScale(domain: readonly [number, number], range: readonly [number, number]): TimeScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (ms) => r0 + (ms - d0) * k;
}
