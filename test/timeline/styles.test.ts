import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { LABEL_SIZE } from '../../src/timeline/layout.ts';

test('chart labels are drawn at the font size the layout measures them with', () => {
  const css = readFileSync('src/components/tide-timeline.css', 'utf8');
  const label = /\.label \{[^}]*font-size: (\d+)px/.exec(css);
  expect(Number(label?.[1])).toBe(LABEL_SIZE);
});
