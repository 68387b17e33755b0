import { expect, test } from 'vitest';
import { utcScale } from '../../src/timeline/scale.ts';

test('utcScale maps the domain linearly onto the range, and survives an empty domain', () => {
  const x = utcScale([1000, 3000], [10, 110]);
  expect([x(1000), x(2000), x(3000), x(4000)]).toEqual([10, 60, 110, 160]);
  expect(utcScale([5, 5], [0, 100])(5)).toBe(0);
});
