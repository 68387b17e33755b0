/**
 * Every word the interface itself shows (not story copy), one table per language. A table is
 * chosen by the element's language; `Strings` is the shape every table must fill.
 */
import type { DayPart } from '../story/schema.ts';

const en = {
  about: 'about',
  dayParts: { overnight: 'overnight', morning: 'morning', midday: 'midday', afternoon: 'afternoon', evening: 'evening', 'late evening': 'late evening' } satisfies Record<DayPart, string>,
  expected: 'Expected',
  uncertain: 'Date uncertain',
  earlier: 'Earlier',
  asOf: 'As of',
  sources: 'Sources',
  source: 'Source',
  allSteps: (count: number) => `All ${count} steps`,
  stepsNav: 'Steps in this story',
  disagreeHeading: 'Where the sources disagree',
  eventsHeading: 'All events',
  eventsCaption: 'Every event on the timeline, in order, with where it comes from.',
  eventsLink: 'Events as a table',
  chartCaption: 'Events sit on their local dates; the current step’s are highlighted.',
  disagreementsHeading: 'Where the sources disagree',
  sourcesHeading: 'Sources',
  colWhen: 'When',
  colPlace: 'Where',
  colWhat: 'What happened',
  colSources: 'Sources',
  chartLabel: (span: string) => `Timeline, ${span}`,
  chartLegend: 'Key',
  chartLanes: (count: number, lanes: string) => `${count} events in lanes: ${lanes}.`,
  chartEarlierNote: (count: number) => `${count} earlier events are marked at the left edge.`,
  chartHighlighted: (titles: string) => `Highlighted: ${titles}.`,
  chartExpectedKey: 'Expected',
  chartUncertainKey: 'Possible dates',
  chartEarlierKey: 'Earlier',
  asOfNote: 'Told as of',
  loading: 'Loading the story…',
  errorHeading: 'This story could not be shown',
  retry: 'Try again',
  loadStatus: (src: string, status: string) => `Could not load ${src}: the server answered ${status}`,
  loadNetwork: (src: string) => `Could not load ${src}: the network request failed.`,
  loadTimeout: (src: string, seconds: number) => `Could not load ${src}: no answer within ${seconds} seconds.`,
  loadWrongType: (src: string, type: string) => `Could not load ${src}: the server sent ${type}, not a JSON story.`,
  possibleDates: 'Possible dates:',
  readInStory: 'Read in the story',
  published: 'Published',
  kicker: 'Timeline explainer',
  asWorded: 'As the sources put it:',
  tools: 'Story tools',
  present: 'Present',
  exitPresentation: 'Exit presentation',
  presentation: (title: string) => `Presentation: ${title}`,
  next: 'Next',
  previous: 'Previous',
  counter: (step: number, total: number) => `${step} / ${total}`,
  counterLabel: (step: number, total: number) => `Step ${step} of ${total}`,
  progress: 'Progress through the story',
  keysHint: '← → or a clicker to move, Esc to leave',
  teacherNotes: 'Teacher notes',
  print: 'Print handout',
  laterReporting: 'Later reporting',
  epilogueNote: (asOf: string) => `Reported after ${asOf}. Not part of the story above, which is told as of that day.`,
  stepChart: (title: string) => `Timeline for “${title}”`,
};

/** The shape every language's table fills. */
export type Strings = typeof en;


/**
 * Tables other than English are loaded when first asked for, so that a page in English
 * downloads no other language. Add a language here and in a file beside this one.
 */
const LOADERS: Record<string, () => Promise<{ default: Strings }>> = {
  uk: () => import('./uk.ts'),
};

const loaded: Record<string, Strings> = { en };

/** The languages with an interface table, by primary subtag. */
export const UI_LANGUAGES = ['en', ...Object.keys(LOADERS)];

function primary(lang: string): string {
  return lang.toLowerCase().split('-')[0] ?? '';
}

/** The table for a language tag such as "uk-UA": English until that language has loaded, or if there is none. */
export function stringsFor(lang: string): Strings {
  return loaded[primary(lang)] ?? en;
}

/** Whether `stringsFor(lang)` already gives that language's own table (or English is all there is). */
export function hasStrings(lang: string): boolean {
  const code = primary(lang);
  return code in loaded || !(code in LOADERS);
}

/** Loads the table for a language tag; resolves at once when it is loaded or there is none. */
export async function loadStrings(lang: string): Promise<Strings> {
  const code = primary(lang);
  const loader = LOADERS[code];
  if (!loaded[code] && loader) loaded[code] = (await loader()).default;
  return stringsFor(lang);
}
