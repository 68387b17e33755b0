import { labelBox, type TimelineLayout } from '../../src/timeline/layout.ts';

/** Every pair of labels whose boxes meet, as "a × b". */
export function overlappingLabels(layout: TimelineLayout): string[] {
  const boxes = layout.labels.map((label) => ({ key: label.key, ...labelBox(label) }));
  const clashes: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) clashes.push(`${a.key} × ${b.key}`);
    }),
  );
  return clashes;
}
