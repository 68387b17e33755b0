/** Story data to display text. Pure, locale-aware through Intl, and safe in any time zone. */
import { DAY_MS, FULL_DATE, DAY_MONTH_YEAR, formatDate, formatDateRange, parseIsoDate } from '../story/dates.ts';
import { stepEvents, type Locale, type StoryModel, type TimedEvent } from '../story/model.ts';
import type { StoryFigure, StoryStep } from '../story/schema.ts';

/** "Sunday 13 April 2025, about 10:15 Kyiv time", or "21–23 April 2025" for a window. */
export function describeWhen(event: TimedEvent, { locale, t }: Locale): string {
  if (event.date === undefined) return describeWindow(event, locale) ?? '';
  const day = formatDate(parseIsoDate(event.date), locale, FULL_DATE);
  const zone = event.timeZone ? ` ${event.timeZone}` : '';
  if (event.time) return `${day}, ${event.approximate ? `${t.about} ` : ''}${event.time}${zone}`;
  if (event.dayPart) return `${day}, ${t.dayParts[event.dayPart]}${event.timeZone ? ` (${event.timeZone})` : ''}`;
  return day;
}

/** "21–23 April 2025": the possible dates of an uncertain or expected event. */
export function describeWindow(event: TimedEvent, lang: string): string | undefined {
  return event.window && formatDateRange(event.window.start, event.window.end - DAY_MS, lang, DAY_MONTH_YEAR);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** "at least 34 civilians killed" */
export function describeFigure(figure: StoryFigure, lang: string): string {
  let numbers = numberFormats.get(lang);
  if (!numbers) numberFormats.set(lang, (numbers = new Intl.NumberFormat(lang)));
  const value = numbers.format(figure.value);
  return [figure.qualifier, value, figure.label].filter(Boolean).join(' ');
}

/** The days a step covers, from its events: "Friday 18 April 2025" or "11 February – 11 April 2025". */
export function describeStepWhen(model: StoryModel, step: StoryStep): string | undefined {
  const events = stepEvents(model, step);
  if (events.length === 0) return undefined;
  const lang = model.locale;
  const first = events[0] as TimedEvent;
  const last = events[events.length - 1] as TimedEvent;
  if (events.length === 1 || Math.floor(first.at / DAY_MS) === Math.floor(last.at / DAY_MS)) {
    return first.date === undefined ? describeWhen(first, model) : formatDate(first.at, lang, FULL_DATE);
  }
  return formatDateRange(first.at, last.at, lang, DAY_MONTH_YEAR);
}

/** "Article A, Article B" for a list of source ids. */
export function sourceNames(model: StoryModel, ids: readonly string[]): string {
  return ids.map((id) => model.sources.get(id)?.label ?? id).join(', ');
}

/** The interface's language tag where it differs from the story's, so that labels are marked as such. */
export function uiLang(model: StoryModel): string | undefined {
  const primary = (tag: string) => tag.toLowerCase().split('-')[0];
  return primary(model.locale) === primary(model.story.lang) ? undefined : model.locale;
}
