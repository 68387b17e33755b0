import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LABEL_GAP, LABEL_REACH, LabelRows } from '../../src/timeline/labels.ts';
import { estimateTextWidth } from '../../src/timeline/measure.ts';
import { symbolPath } from '../../src/timeline/symbols.ts';

describe('LabelRows', () => {
  test('centres a label on its point when there is room', () => {
    const rows = new LabelRows(2, 0, 300);
    expect(rows.place({ key: 'a', x: 150, width: 40 })).toEqual({ key: 'a', row: 0, x0: 130, x1: 170 });
  });

  test('slides a clashing label just clear of its neighbour, while it still touches its point', () => {
    const rows = new LabelRows(2, 0, 300);
    rows.place({ key: 'a', x: 150, width: 40 });
    expect(rows.place({ key: 'b', x: 185, width: 40 })).toEqual({ key: 'b', row: 0, x0: 170 + LABEL_GAP, x1: 170 + LABEL_GAP + 40 });
  });

  test('takes the next row when sliding would leave its point behind', () => {
    const rows = new LabelRows(2, 0, 300);
    rows.place({ key: 'a', x: 150, width: 40 });
    const placed = rows.place({ key: 'c', x: 152, width: 40 });
    expect(placed?.row).toBe(1);
    expect(placed!.x0).toBeLessThanOrEqual(152 + LABEL_REACH);
    expect(placed!.x1).toBeGreaterThanOrEqual(152 - LABEL_REACH);
  });

  test('drops a label that fits in no row rather than overlapping', () => {
    const rows = new LabelRows(1, 0, 100);
    rows.place({ key: 'a', x: 50, width: 90 });
    expect(rows.place({ key: 'b', x: 50, width: 20 })).toBeUndefined();
    expect(rows.place({ key: 'c', x: 50, width: 101 })).toBeUndefined();
  });

  test('in crowded rows, never overlaps, always touches its point, moves as little as it can, and drops a label only where no row has room', () => {
    const request = fc.record({ x: fc.integer({ min: -20, max: 420 }), width: fc.integer({ min: 1, max: 120 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(request, { maxLength: 80 }), (rowCount, requests) => {
        const rows = new LabelRows(rowCount, 0, 400);
        const placed: Array<Array<[number, number]>> = Array.from({ length: rowCount }, () => []);
        const fitsIn = (row: number, x0: number, width: number) => (placed[row] ?? []).every(([a, b]) => x0 + width + LABEL_GAP <= a + 1e-6 || x0 >= b + LABEL_GAP - 1e-6);
        requests.forEach(({ x, width }, index) => {
          const lowest = Math.max(0, x - LABEL_REACH - width);
          const highest = Math.min(400 - width, x + LABEL_REACH);
          const label = rows.place({ key: String(index), x, width });
          if (label) {
            expect(label.x0).toBeGreaterThanOrEqual(lowest - 1e-6);
            expect(label.x0).toBeLessThanOrEqual(highest + 1e-6);
            expect(fitsIn(label.row, label.x0, width)).toBe(true);
            // The first row with room, and in it, no free start nearer to centred on its point.
            const ideal = Math.min(Math.max(x - width / 2, lowest), highest);
            const moved = Math.abs(label.x0 - ideal);
            let better: string | undefined;
            for (let start = lowest; start <= highest && !better; start += 0.25) {
              for (let row = 0; row < label.row; row += 1) if (fitsIn(row, start, width)) better = `row ${row} at ${start}`;
              if (fitsIn(label.row, start, width) && Math.abs(start - ideal) < moved - 1e-6) better = `row ${label.row} at ${start}`;
            }
            expect(better, `label ${index}`).toBeUndefined();
            placed[label.row]?.push([label.x0, label.x1]);
          } else {
            // Scanned finely, no row has a start in reach where the label would fit.
            for (let row = 0; row < rowCount; row += 1) {
              for (let start = lowest; start <= highest; start += 0.25) expect(fitsIn(row, start, width), `${index} in row ${row} at ${start}`).toBe(false);
            }
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  test('keeps a label at the edge inside the bounds', () => {
    const rows = new LabelRows(1, 0, 200);
    expect(rows.place({ key: 'edge', x: 195, width: 60 })).toEqual({ key: 'edge', row: 0, x0: 140, x1: 200 });
  });
});

describe('estimateTextWidth', () => {
  test('grows with text and weight, and treats narrow letters as narrow', () => {
    expect(estimateTextWidth('Kharkiv strike', 11, 400)).toBeGreaterThan(estimateTextWidth('Kharkiv', 11, 400));
    expect(estimateTextWidth('Kharkiv', 11, 700)).toBeGreaterThan(estimateTextWidth('Kharkiv', 11, 400));
    expect(estimateTextWidth('iiii', 11, 400)).toBeLessThan(estimateTextWidth('mmmm', 11, 400));
  });
});

describe('symbolPath', () => {
  test('draws each shape as a closed path that scales with size', () => {
    for (const symbol of ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'] as const) {
      const small = symbolPath(symbol, 10);
      expect(small, symbol).toMatch(/^M.*Z$/);
      expect(symbolPath(symbol, 20), symbol).not.toBe(small);
    }
  });

  test('centres a shape on a given point, so that many marks can share one path', () => {
    const pairs = (path: string) => [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((match) => [Number(match[1]), Number(match[2])]);
    for (const symbol of ['square', 'triangle', 'diamond', 'cross', 'star'] as const) {
      const moved = pairs(symbolPath(symbol, 10, 100, 50));
      expect(moved, symbol).toEqual(pairs(symbolPath(symbol, 10)).map(([x = 0, y = 0]) => [expect.closeTo(x + 100, 2), expect.closeTo(y + 50, 2)]));
    }
    expect(symbolPath('circle', 10, 100, 50)).toBe('M105,50A5,5 0 1,1 95,50A5,5 0 1,1 105,50Z');
  });
});
