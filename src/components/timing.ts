/**
 * User-timing entries that `npm run bench` reads (the DevTools performance panel shows them
 * too). One mark or measure per story load and per step change: nothing accumulates per frame.
 */
export const TIMING = {
  /** Mark: a story's data has been read and validated. */
  parsed: 'tide:parsed',
  /** Mark: a chart drew its first marks at a real size. */
  chartDrawn: 'tide:chart-drawn',
  /** Measure: a step change's main-thread work: the story's render from activation, plus its charts' render two frames later. */
  step: 'tide:step',
} as const;
