/**
 * Timeline layout: a pure function from (story, size, highlighted events, zoom) to positioned
 * lanes, marks, labels and ticks, with d3-time for the UTC calendar. The component only draws
 * what this returns.
 *
 * The axis is in floating local time (see story/dates.ts): each event sits on the calendar
 * day and clock time of the place where it happened.
 */
import { utcDay, utcHour } from 'd3-time';
import { DAY_MS, DAY_ONLY, DAY_SHORT_MONTH, formatDate, MONTH_YEAR, toIsoDate, WEEKDAY_DAY, WEEKDAY_DAY_MONTH } from '../story/dates.ts';
import { kindsOnAxis, type Span, type StoryModel, type TimedEvent } from '../story/model.ts';
import type { Certainty, SymbolName } from '../story/schema.ts';
import { LABEL_GAP, LabelRows } from './labels.ts';
import { utcScale } from './scale.ts';
import { estimateTextWidth, type MeasureText } from './measure.ts';

export interface LayoutOptions {
  width: number;
  height: number;
  /** Ids of the events to emphasise and label first. */
  highlight: readonly string[];
  /** Days to zoom to; the whole axis when absent. */
  focus?: Span | undefined;
  measure?: MeasureText;
  /** Places marks only for the events in view; a large story's chart draws no others. */
  onlyInView?: boolean;
}

export interface DayBand {
  start: number;
  /** YYYY-MM-DD, worked out with the view rather than on every drawing. */
  iso: string;
  /** Alternate days are shaded, by date, so that a day keeps its shade as the axis zooms. */
  odd: boolean;
  x0: number;
  x1: number;
}

export interface Lane {
  kindId: string;
  label: string;
  y0: number;
  y1: number;
}

export interface Mark {
  id: string;
  kindId: string;
  kindIndex: number;
  symbol: SymbolName;
  certainty: Certainty;
  x: number;
  y: number;
  size: number;
  highlighted: boolean;
  /** False when the event falls outside the zoomed domain. */
  inView: boolean;
  /** The event's window of possible dates, clamped to the plot. */
  span?: { x0: number; x1: number };
}

export type Anchor = 'start' | 'middle' | 'end';

export interface Label {
  key: string;
  text: string;
  x: number;
  y: number;
  anchor: Anchor;
  width: number;
  highlighted: boolean;
  /** What the label names. */
  role: 'event' | 'lane' | 'earlier' | 'axis' | 'as-of';
  /** In a lane too short for labels clear of its marks: drawn over them. */
  overMarks?: boolean;
}

export interface EarlierMarker {
  x: number;
  y: number;
  count: number;
  highlighted: boolean;
  kindIndex: number;
}

export interface TimelineLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  domain: Span;
  days: DayBand[];
  /** Hour ticks, when zoomed in far enough. */
  hours: number[];
  lanes: Lane[];
  marks: Mark[];
  /** Every text drawn on the chart, already placed so that none overlaps another. */
  labels: Label[];
  /** The x of the end of the as-of day, when it is in view. */
  asOfX?: number;
  earlier?: EarlierMarker;
}

export const LABEL_SIZE = 11;
/** Glyph extent above and below the baseline, generous for common UI fonts. */
const LABEL_ASCENT = LABEL_SIZE * 0.95;
const LABEL_DESCENT = LABEL_SIZE * 0.3;
const LABEL_ROW = LABEL_SIZE + 5;
/** A mark's size when not highlighted. */
export const MARK_SIZE = 10;
const MARK_SIZE_HIGHLIGHTED = 15;
const MARK_ROW = 13;
const MARK_ROWS = 3;
/**
 * Space between the lowest label row and the top of the mark rows under it. A highlighted
 * mark overhangs its row by up to 2.1px (a diamond at 15px), so this keeps about 1px clear.
 */
const MARK_CLEARANCE = 3;
const AXIS_HEIGHT = 36;
const AXIS_ROW_1 = 15;
const AXIS_ROW_2 = 30;
const TOP = 18;
const AS_OF_Y = 12;
const EARLIER_MARGIN = 34;
const RIGHT = 10;

/** Positions to 0.01px: enough for any screen, and short in the SVG. */
const round = (n: number) => Math.round(n * 100) / 100;

function dayLabel(day: number, pxPerDay: number, lang: string): string {
  if (pxPerDay >= 96) return formatDate(day, lang, WEEKDAY_DAY_MONTH);
  if (pxPerDay >= 48) return formatDate(day, lang, WEEKDAY_DAY);
  return formatDate(day, lang, DAY_ONLY);
}

/** Days to skip between labels so that narrow days still get readable labels. */
function labelEvery(pxPerDay: number): number {
  return Math.max(1, Math.ceil(24 / pxPerDay));
}

/** Spreads overlapping marks of one lane over a few rows; returns each mark's row. */
function stackRows(xs: readonly number[], rows: number, minGap: number): number[] {
  const lastX = Array.from({ length: rows }, () => -Infinity);
  return xs.map((x) => {
    let best = 0;
    for (let row = 0; row < rows; row += 1) {
      if (x - (lastX[row] as number) >= minGap) {
        best = row;
        break;
      }
      if ((lastX[row] as number) < (lastX[best] as number)) best = row;
    }
    lastX[best] = x;
    return best;
  });
}

export function layoutTimeline(model: StoryModel, options: LayoutOptions): TimelineLayout {
  const { width, height, highlight } = options;
  const measure = options.measure ?? estimateTextWidth;
  const lang = model.locale;
  const highlighted = new Set(highlight);
  const domain = options.focus ?? model.axis;
  const zoomed = domain.start !== model.axis.start || domain.end !== model.axis.end;
  const showEarlier = model.context.length > 0 && !zoomed;

  const plot = {
    left: model.context.length > 0 ? EARLIER_MARGIN : RIGHT,
    right: Math.max(width - RIGHT, 60),
    top: TOP,
    bottom: Math.max(height - AXIS_HEIGHT, TOP + 40),
  };
  const x = utcScale([domain.start, domain.end], [plot.left, plot.right]);
  const pxPerDay = (plot.right - plot.left) / ((domain.end - domain.start) / DAY_MS);

  // Axis: one band per day, labelled as space allows; hours or months on a second row.
  const labels: Label[] = [];
  const axisLabel = (key: string, text: string, at: number, y: number, anchor: Anchor, role: Label['role'] = 'axis') =>
    labels.push({ key, text, x: round(at), y, anchor, width: measure(text, LABEL_SIZE, role === 'as-of' ? 600 : 400), highlighted: false, role });
  const every = labelEvery(pxPerDay);
  const days: DayBand[] = utcDay.range(new Date(domain.start), new Date(domain.end)).map((date, index) => {
    const start = date.getTime();
    const band: DayBand = { start, iso: toIsoDate(start), odd: Math.round(start / DAY_MS) % 2 === 1, x0: round(x(start)), x1: round(x(start + DAY_MS)) };
    if (index % every === 0) axisLabel(`day-${start}`, dayLabel(start, pxPerDay, lang), (band.x0 + band.x1) / 2, plot.bottom + AXIS_ROW_1, 'middle');
    return band;
  });
  const hours: number[] = [];
  if (pxPerDay >= 200) {
    for (const date of utcHour.every(6)?.range(new Date(domain.start), new Date(domain.end)) ?? []) {
      if (date.getUTCHours() === 0) continue;
      hours.push(round(x(date.getTime())));
      axisLabel(`hour-${date.getTime()}`, `${String(date.getUTCHours()).padStart(2, '0')}:00`, x(date.getTime()), plot.bottom + AXIS_ROW_2, 'middle');
    }
  } else if (pxPerDay < 96) {
    // Over months on a narrow chart, month names thin out rather than run into each other.
    let free = -Infinity;
    for (const [index, day] of days.entries()) {
      if (index > 0 && new Date(day.start).getUTCDate() !== 1) continue;
      const text = formatDate(day.start, lang, MONTH_YEAR);
      const width = measure(text, LABEL_SIZE, 400);
      const at = day.x0 + 2;
      if (at < free || at + width > plot.right + RIGHT) continue;
      axisLabel(`month-${day.start}`, text, at, plot.bottom + AXIS_ROW_2, 'start');
      free = at + width + LABEL_GAP;
    }
  }

  // Lanes: one per kind that has events on the axis, in the story's kind order.
  const kindsInUse = kindsOnAxis(model);
  const laneHeight = (plot.bottom - plot.top) / Math.max(kindsInUse.length, 1);
  const lanes: Lane[] = kindsInUse.map((kind, index) => ({
    kindId: kind.id,
    label: kind.label,
    y0: plot.top + index * laneHeight,
    y1: plot.top + (index + 1) * laneHeight,
  }));
  const laneOf = new Map(lanes.map((lane) => [lane.kindId, lane]));
  // The earlier marker sits at the left edge of the first context event's lane.
  const earlierLane = showEarlier ? (laneOf.get(model.context[0]?.kind ?? '') ?? lanes[0]) : undefined;
  const earlierHighlighted = model.context.some((event) => highlighted.has(event.id));
  // Mark rows grow up from the lane's floor; label rows sit above the mark rows in use and
  // never rise above the lane's top, so a lane's labels cannot meet another lane's.
  const markY = (lane: Lane, row: number) => round(lane.y1 - 4 - MARK_ROW / 2 - row * MARK_ROW);
  const baselineAboveMarks = (lane: Lane, row: number, usedMarkRows: number) => lane.y1 - 4 - usedMarkRows * MARK_ROW - MARK_CLEARANCE - row * LABEL_ROW - LABEL_DESCENT;
  const labelBaseline = (lane: Lane, row: number, usedMarkRows: number) => Math.max(baselineAboveMarks(lane, row, usedMarkRows), lane.y0 + LABEL_ASCENT);
  const labelRowsClearOfMarks = (lane: Lane, usedMarkRows: number) => {
    let rows = 0;
    while (rows < 3 && baselineAboveMarks(lane, rows, usedMarkRows) - LABEL_ASCENT >= lane.y0) rows += 1;
    return rows;
  };
  // Marks stack in as many rows as leave room for a row of labels above them (lanes are all one
  // height): in a dense lane labels would otherwise cover marks, and marks crowd anyway.
  let markRows = MARK_ROWS;
  while (markRows > 1 && lanes[0] && labelRowsClearOfMarks(lanes[0], markRows) === 0) markRows -= 1;

  const marks: Mark[] = [];
  for (const lane of lanes) {
    const events = model.timelineByKind.get(lane.kindId) ?? [];
    const inView = (event: TimedEvent) => event.at >= domain.start && event.at < domain.end;
    const visible = events.filter(inView);
    const rows = stackRows(visible.map((event) => x(event.at)), markRows, MARK_SIZE_HIGHLIGHTED + 2);
    const rowOf = new Map(visible.map((event, index) => [event.id, rows[index] as number]));
    const usedMarkRows = Math.max(1, ...rows.map((row) => row + 1));
    // A lane too short for a row of labels clear of its marks still names the step's events, at its top, over the marks.
    const clearRows = labelRowsClearOfMarks(lane, usedMarkRows);

    for (const event of options.onlyInView ? visible : events) {
      const kind = model.kinds.get(event.kind);
      const mark: Mark = {
        id: event.id,
        kindId: event.kind,
        kindIndex: event.kindIndex,
        symbol: kind?.symbol ?? 'circle',
        certainty: event.certainty,
        x: round(Math.max(plot.left, Math.min(plot.right, x(event.at)))),
        y: markY(lane, rowOf.get(event.id) ?? 0),
        size: highlighted.has(event.id) ? MARK_SIZE_HIGHLIGHTED : MARK_SIZE,
        highlighted: highlighted.has(event.id),
        inView: inView(event),
      };
      if (event.window) {
        const x0 = Math.max(plot.left, x(event.window.start));
        const x1 = Math.min(plot.right, x(event.window.end));
        if (x1 > x0) mark.span = { x0: round(x0), x1: round(x1) };
      }
      marks.push(mark);
    }

    // Labels: highlighted events first, then the lane's name, then the rest as room allows.
    const rowsOfLabels = new LabelRows(Math.max(clearRows, 1), 0, width);
    const place = (key: string, text: string, at: number, weight: number, role: Label['role'], isHighlighted: boolean) => {
      const textWidth = measure(text, LABEL_SIZE, weight);
      const placed = rowsOfLabels.place({ key, x: at, width: textWidth });
      if (placed) {
        labels.push({ key, text, x: round(placed.x0), y: round(labelBaseline(lane, placed.row, usedMarkRows)), anchor: 'start', width: textWidth, highlighted: isHighlighted, role, overMarks: clearRows === 0 });
      }
    };
    const byX = (a: TimedEvent, b: TimedEvent) => a.at - b.at;
    for (const event of visible.filter((e) => highlighted.has(e.id)).sort(byX)) place(event.id, event.label, x(event.at), 700, 'event', true);
    if (lane === earlierLane && earlierHighlighted) {
      const dates = model.context.map((event) => formatDate(event.at, lang, DAY_SHORT_MONTH)).join(', ');
      place('earlier', dates, plot.left / 2, 700, 'earlier', true);
    }
    // Where labels would cover marks, only the step's own events are named; the legend names the lanes.
    if (clearRows === 0) continue;
    const laneTitle = lane.label.toLocaleUpperCase(lang);
    place(`lane-${lane.kindId}`, laneTitle, plot.left + measure(laneTitle, LABEL_SIZE, 600) / 2, 600, 'lane', false);
    for (const event of visible.filter((e) => !highlighted.has(e.id)).sort(byX)) place(event.id, event.label, x(event.at), 400, 'event', false);
  }

  const firstContext = model.context[0];
  const earlier: EarlierMarker | undefined =
    earlierLane && firstContext
      ? {
          x: plot.left / 2,
          y: markY(earlierLane, 0),
          count: model.context.length,
          highlighted: earlierHighlighted,
          kindIndex: firstContext.kindIndex,
        }
      : undefined;

  let asOfX: number | undefined;
  if (model.asOfEnd > domain.start && model.asOfEnd <= domain.end) {
    asOfX = round(x(model.asOfEnd));
    const text = `${model.t.asOf} ${formatDate(model.asOfEnd - DAY_MS, lang, DAY_SHORT_MONTH)}`;
    const textWidth = measure(text, LABEL_SIZE, 600);
    axisLabel('as-of', text, Math.max(textWidth + 2, Math.min(asOfX - 4, width - 2)), AS_OF_Y, 'end', 'as-of');
  }

  return { width, height, plot, domain, days, hours, lanes, marks, labels, asOfX, earlier };
}

/** The box a label's text occupies, from its anchor point and font size. */
export function labelBox(label: Label): { x0: number; x1: number; y0: number; y1: number } {
  const x0 = label.anchor === 'middle' ? label.x - label.width / 2 : label.anchor === 'start' ? label.x : label.x - label.width;
  return { x0, x1: x0 + label.width, y0: label.y - LABEL_ASCENT, y1: label.y + LABEL_DESCENT };
}
