/**
 * The validated story with everything derived once: dates parsed to floating milliseconds,
 * lookups by id, the axis domain. Views and layout read this; nothing re-parses dates later.
 */
import { stringsFor, type Strings } from '../i18n/strings.ts';
import { DAY_MS, parseClockTime, parseIsoDate } from './dates.ts';
import type {
  DateRange, DayPart, Disagreement, QuoteSeries, Story, StoryEvent, StoryKind, StoryQuote, StorySource, StoryStep,
} from './schema.ts';

/** Where a part of the day sits on the axis when the clock time is unknown. */
const DAY_PART_HOURS: Record<DayPart, number> = {
  overnight: 2, morning: 9, midday: 12, afternoon: 15, evening: 19, 'late evening': 22,
};

/** A time span in floating milliseconds: [start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface TimedEvent extends StoryEvent {
  /** Position on the axis, in floating local time. */
  at: number;
  /** The possible dates, whole days, when the event carries a range. */
  window?: Span;
  kindIndex: number;
}

export interface SeriesPosition {
  series: QuoteSeries;
  /** The quote's place in its series, from 0. */
  index: number;
}

/** The language the interface speaks and formats dates in, with its strings. */
export interface Locale {
  /** A BCP 47 tag for Intl, such as "uk". */
  locale: string;
  t: Strings;
}

export interface StoryModel extends Locale {
  story: Story;
  /** All events in time order, context first. */
  events: TimedEvent[];
  /** Events drawn on the axis. */
  timeline: TimedEvent[];
  /** The axis's events by kind, each in time order: a chart lane's events. */
  timelineByKind: Map<string, TimedEvent[]>;
  /** Background events before the axis, shown as the "earlier" marker. */
  context: TimedEvent[];
  /** The axis: whole days from the first to the last event on it. */
  axis: Span;
  /** End of the as-of day: anything after it is expected, not known. */
  asOfEnd: number;
  kinds: Map<string, StoryKind & { index: number }>;
  sources: Map<string, StorySource>;
  eventsById: Map<string, TimedEvent>;
  quotes: Map<string, StoryQuote>;
  disagreements: Map<string, Disagreement>;
  seriesOfQuote: Map<string, SeriesPosition>;
  stepIndex: Map<string, number>;
  /** The first step that highlights each event: where its facts are shown in full. */
  firstStepOfEvent: Map<string, number>;
}

export function daySpan(range: DateRange): Span {
  return { start: parseIsoDate(range.start), end: parseIsoDate(range.end) + DAY_MS };
}

function eventInstant(event: StoryEvent, window: Span | undefined): number {
  if (event.date === undefined) {
    // Only a window is known: sit in its middle.
    const span = window as Span;
    return span.start + (span.end - span.start) / 2;
  }
  const day = parseIsoDate(event.date);
  if (event.time) return day + parseClockTime(event.time);
  if (event.dayPart) return day + DAY_PART_HOURS[event.dayPart] * 3_600_000;
  return day + DAY_MS / 2;
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

export function buildModel(story: Story): StoryModel {
  const kinds = new Map(story.kinds.map((kind, index) => [kind.id, { ...kind, index }]));
  const events: TimedEvent[] = story.events
    .map((event) => {
      const window = event.range ? daySpan(event.range) : undefined;
      return { ...event, at: eventInstant(event, window), window, kindIndex: kinds.get(event.kind)?.index ?? 0 };
    })
    .sort((a, b) => Number(b.context) - Number(a.context) || a.at - b.at);

  const timeline = events.filter((event) => !event.context);
  const timelineByKind = new Map<string, TimedEvent[]>();
  for (const event of timeline) {
    const ofKind = timelineByKind.get(event.kind);
    if (ofKind) ofKind.push(event);
    else timelineByKind.set(event.kind, [event]);
  }
  const starts = timeline.map((event) => event.window?.start ?? event.at);
  // Window ends are exclusive; step back a moment so a window ending at midnight stays in its last day.
  const ends = timeline.map((event) => (event.window ? event.window.end - 1 : event.at));
  const axis = {
    start: Math.floor(Math.min(...starts) / DAY_MS) * DAY_MS,
    end: Math.floor(Math.max(...ends) / DAY_MS) * DAY_MS + DAY_MS,
  };

  const seriesOfQuote = new Map<string, SeriesPosition>();
  for (const series of story.quoteSeries) {
    series.quotes.forEach((quoteId, index) => seriesOfQuote.set(quoteId, { series, index }));
  }

  const firstStepOfEvent = new Map<string, number>();
  story.steps.forEach((step, index) => step.events.forEach((id) => firstStepOfEvent.has(id) || firstStepOfEvent.set(id, index)));

  return {
    story,
    locale: story.lang,
    t: stringsFor(story.lang),
    events,
    timeline,
    timelineByKind,
    context: events.filter((event) => event.context),
    axis,
    asOfEnd: parseIsoDate(story.asOf) + DAY_MS,
    kinds,
    sources: byId(story.sources),
    eventsById: byId(events),
    quotes: byId(story.quotes),
    disagreements: byId(story.disagreements),
    seriesOfQuote,
    stepIndex: new Map(story.steps.map((step, index) => [step.id, index])),
    firstStepOfEvent,
  };
}

/** The events a step highlights, in time order. */
export function stepEvents(model: StoryModel, step: StoryStep): TimedEvent[] {
  return step.events
    .map((id) => model.eventsById.get(id))
    .filter((event): event is TimedEvent => event !== undefined)
    .sort((a, b) => a.at - b.at);
}

/** The kinds that have events on the axis, in the story's order: the chart's lanes. */
export function kindsOnAxis(model: StoryModel): Array<StoryKind & { index: number }> {
  return [...model.kinds.values()].filter((kind) => model.timelineByKind.has(kind.id));
}

/** The same model speaking another interface language; the story's own text is unchanged. */
export function withLocale(model: StoryModel, lang: string): StoryModel {
  const t = stringsFor(lang);
  return lang === model.locale && t === model.t ? model : { ...model, locale: lang, t };
}

/** Whether any step has teacher notes. */
export function hasNotes(model: StoryModel): boolean {
  return model.story.steps.some((step) => step.notes.length > 0);
}

/** How many slides the presentation has: every step, then the epilogue if the story has one. */
export function slideCount(model: StoryModel): number {
  return model.story.steps.length + (model.story.epilogue ? 1 : 0);
}
