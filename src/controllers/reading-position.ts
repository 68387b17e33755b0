/**
 * Where the reader is: pure arithmetic over measured positions, shared by the step
 * controller and its tests. All values are CSS pixels; viewport values are relative to the
 * top of the viewport.
 */

/** Space kept above a step that a jump brings into view. */
export const JUMP_PADDING = 16;

/**
 * The reading line: a point in the part of the viewport where text is visible.
 * `coveredTop` is what a sticky graphic hides at the top; `offset` runs 0 (top) to 1 (bottom).
 */
export function readingLine(viewportHeight: number, coveredTop: number, offset: number): number {
  const top = Math.min(Math.max(coveredTop, 0), viewportHeight);
  return top + (viewportHeight - top) * offset;
}

/**
 * The step at the reading line: the last step whose top has reached it. Before the first
 * step this is the first, after the last it is the last, so exactly one is always active.
 * `tops` are ascending, in the same coordinates as `line`.
 */
export function activeIndexAt(tops: readonly number[], line: number): number {
  let low = 0;
  let high = tops.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((tops[middle] as number) <= line) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Where a step's top should sit in the viewport after a jump to it: near the top of the
 * visible text, unless the step is too short to reach the reading line from there, in
 * which case it is centred on the line. Either way the line falls inside the step.
 */
export function jumpTargetTop(stepHeight: number, coveredTop: number, line: number): number {
  const nearTop = coveredTop + JUMP_PADDING;
  if (nearTop + stepHeight > line + 1 && nearTop < line) return nearTop;
  return line - stepHeight / 2;
}

/** The steps Scrollama watches: indices `from` to `to`, both included. */
export interface WatchedSteps {
  from: number;
  to: number;
}

/**
 * The steps within `reach` of the active one, clamped to the story. Only these need watching
 * for crossings: the reader can only leave the active step for a neighbour, and a jump
 * further is settled by the end of the scroll.
 */
export function stepsNear(active: number, count: number, reach: number): WatchedSteps {
  const from = Math.max(0, Math.min(active - reach, count - 1 - 2 * reach));
  return { from, to: Math.min(count - 1, from + 2 * reach) };
}

/**
 * Whether the watched steps still surround the active one with at least `margin` steps on
 * each side, or reach the story's end on that side.
 */
export function stillSurrounds(watched: WatchedSteps, active: number, count: number, margin: number): boolean {
  const roomBefore = watched.from === 0 || active - watched.from >= margin;
  const roomAfter = watched.to >= count - 1 || watched.to - active >= margin;
  return roomBefore && roomAfter;
}
