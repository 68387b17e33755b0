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

/**
 * Every label whose box meets a mark in view, as "label × mark". A mark's box is its shape's
 * widest extent: a diamond reaches 1.15 times half its size from its centre.
 */
export function labelsOverMarks(layout: TimelineLayout): string[] {
  const clashes: string[] = [];
  const inView = layout.marks.filter((mark) => mark.inView);
  for (const label of layout.labels) {
    const box = labelBox(label);
    for (const mark of inView) {
      const reach = (mark.size / 2) * 1.15;
      if (box.x0 < mark.x + reach && mark.x - reach < box.x1 && box.y0 < mark.y + reach && mark.y - reach < box.y1) clashes.push(`${label.key} × ${mark.id}`);
    }
  }
  return clashes;
}
