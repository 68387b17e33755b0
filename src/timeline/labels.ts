/**
 * Greedy label placement in rows. Each label takes the first row where it fits, sliding
 * sideways from its centred position as little as possible, but never so far that it stops
 * touching its point. Labels that fit nowhere are dropped, never overlapped.
 */
export interface LabelRequest {
  key: string;
  /** The point the label belongs to. */
  x: number;
  width: number;
}

export interface PlacedLabel {
  key: string;
  row: number;
  /** Where the text starts and ends. */
  x0: number;
  x1: number;
}

/** Clear space kept between neighbouring labels in a row. */
export const LABEL_GAP = 6;
/** How far past its point a label's nearer end may sit and still read as that point's label. */
export const LABEL_REACH = 8;

export class LabelRows {
  readonly #rows: Array<Array<[number, number]>>;

  readonly #min: number;
  readonly #max: number;

  constructor(
    rowCount: number,
    min: number,
    max: number,
  ) {
    this.#min = min;
    this.#max = max;
    this.#rows = Array.from({ length: rowCount }, () => []);
  }

  /** Places a label, or returns undefined when no row has room for it near its point. */
  place({ key, x, width }: LabelRequest): PlacedLabel | undefined {
    const lowest = Math.max(this.#min, x - LABEL_REACH - width);
    const highest = Math.min(this.#max - width, x + LABEL_REACH);
    if (lowest > highest) return undefined;
    const ideal = Math.min(Math.max(x - width / 2, lowest), highest);
    for (let row = 0; row < this.#rows.length; row += 1) {
      const taken = this.#rows[row] as Array<[number, number]>;
      // Only labels within reach can block a start or offer one: starts are tried against those, not the whole row.
      const near = taken.filter(([a, b]) => b + LABEL_GAP >= lowest && a - LABEL_GAP - width <= highest);
      const x0 = nearestFreeStart(ideal, lowest, highest, width, near);
      if (x0 !== undefined) {
        taken.push([x0, x0 + width]);
        return { key, row, x0, x1: x0 + width };
      }
    }
    return undefined;
  }
}

/**
 * The start nearest `ideal` where a label clears every near one: `ideal` itself, or just
 * beside a near label, within [lowest, highest]. Of starts equally near, the first tried wins.
 */
function nearestFreeStart(ideal: number, lowest: number, highest: number, width: number, near: ReadonlyArray<readonly [number, number]>): number | undefined {
  let best: number | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const consider = (start: number) => {
    if (start < lowest || start > highest) return;
    const distance = Math.abs(start - ideal);
    if (distance < bestDistance && near.every(([a, b]) => start + width + LABEL_GAP <= a + 1e-6 || start >= b + LABEL_GAP - 1e-6)) {
      best = start;
      bestDistance = distance;
    }
  };
  consider(ideal);
  for (const [a, b] of near) {
    consider(a - LABEL_GAP - width);
    consider(b + LABEL_GAP);
  }
  return best;
}
