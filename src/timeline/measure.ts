/** Text widths for label placement. Layout takes a measurer so that it stays free of the DOM. */
export type MeasureText = (text: string, fontSize: number, fontWeight: number) => number;

const NARROW = /[ilIjtf.,:;'’|!()[\]\s]/;
const WIDE = /[mwMW@%—–]/;

/**
 * A deliberately generous estimate of proportional sans-serif text, for tests and for
 * any place without a canvas. Over-estimating only costs a label; under-estimating overlaps.
 */
export const estimateTextWidth: MeasureText = (text, fontSize, fontWeight) => {
  let ems = 0;
  for (const char of text) {
    if (NARROW.test(char)) ems += 0.34;
    else if (WIDE.test(char)) ems += 0.9;
    else if (char >= 'A' && char <= 'Z') ems += 0.7;
    else ems += 0.58;
  }
  return ems * fontSize * (fontWeight >= 600 ? 1.08 : 1);
};

/** Measures with the browser's real font metrics through a canvas, falling back to the estimate. */
export function canvasTextMeasurer(fontFamily: string): MeasureText {
  const context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return estimateTextWidth;
  const cache = new Map<string, number>();
  return (text, fontSize, fontWeight) => {
    const key = `${fontWeight}|${fontSize}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      context.font = `${fontWeight} ${fontSize}px ${fontFamily}`;
      width = context.measureText(text).width;
      cache.set(key, width);
    }
    return width;
  };
}
