/**
 * Greedy label placement in rows: each label takes the first row and anchor where it
 * clears every label already placed there. Labels that fit nowhere are dropped, never overlapped.
 */
export type Anchor = 'start' | 'middle' | 'end';

export interface LabelRequest {
  key: string;
  /** The point the label belongs to. */
  x: number;
  width: number;
}

export interface PlacedLabel {
  key: string;
  row: number;
  anchor: Anchor;
  /** Where the text starts and ends, after clamping to the bounds. */
  x0: number;
  x1: number;
  /** The x to draw the text at, for its anchor. */
  textX: number;
}

/** Clear space kept between neighbouring labels in a row. */
export const LABEL_GAP = 6;
/** How far a start/end-anchored label sits from its point. */
const ANCHOR_NUDGE = 4;

function span(x: number, width: number, anchor: Anchor, min: number, max: number): [number, number] {
  let x0 = anchor === 'middle' ? x - width / 2 : anchor === 'start' ? x - ANCHOR_NUDGE : x + ANCHOR_NUDGE - width;
  x0 = Math.max(min, Math.min(x0, max - width));
  return [x0, x0 + width];
}

export class LabelRows {
  private readonly rows: Array<Array<[number, number]>>;

  constructor(
    rowCount: number,
    private readonly min: number,
    private readonly max: number,
  ) {
    this.rows = Array.from({ length: rowCount }, () => []);
  }

  /** Places a label, or returns undefined when no row has room for it. */
  place(request: LabelRequest, firstRow = 0): PlacedLabel | undefined {
    if (request.width > this.max - this.min) return undefined;
    for (let row = firstRow; row < this.rows.length; row += 1) {
      const taken = this.rows[row] as Array<[number, number]>;
      for (const anchor of ['middle', 'start', 'end'] as const) {
        const [x0, x1] = span(request.x, request.width, anchor, this.min, this.max);
        const clear = taken.every(([a, b]) => x1 + LABEL_GAP <= a || x0 >= b + LABEL_GAP);
        if (clear) {
          taken.push([x0, x1]);
          const textX = anchor === 'middle' ? (x0 + x1) / 2 : anchor === 'start' ? x0 : x1;
          return { key: request.key, row, anchor, x0, x1, textX };
        }
      }
    }
    return undefined;
  }
}
