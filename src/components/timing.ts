/**
 * User-timing entries that `npm run bench` reads (the DevTools performance panel shows them
 * too). One mark or measure per story load and per step change: nothing accumulates per frame.
 */
export const TIMING = {
  /** Mark: a story's data has been read and validated. */
  parsed: 'tide:parsed',
  /** Mark: a chart drew its first marks at a real size. */
  chartDrawn: 'tide:chart-drawn',
  /** Measure: a step change's main-thread work, from activation until the story and its chart have rendered. */
  step: 'tide:step',
} as const;
