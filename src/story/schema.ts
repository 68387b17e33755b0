/**
 * The story file format: the one source of the TypeScript types and of runtime validation.
 * Structure is checked field by field; cross-references (ids that must exist, be unique,
 * or fall in order) are checked once the structure is sound, each at its own JSON path.
 */
import * as v from 'valibot';
import { isIsoDate } from './dates.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/**
 * What a file saved in the wrong encoding leaves behind: U+FFFD where bytes could not be
 * decoded, NUL from UTF-16, or half of a surrogate pair.
 */
const BROKEN_CHARACTER = /[\uFFFD\u0000]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellEncoded = v.check((value: string) => !BROKEN_CHARACTER.test(value), 'expected text without broken characters (check that the file is saved as UTF-8)');

const text = (max: number) =>
  v.pipe(v.string(), v.trim(), v.nonEmpty('expected non-empty text'), v.maxLength(max, `expected at most ${max} characters`), wellEncoded);
const id = v.pipe(v.string(), v.regex(SLUG, 'expected an id of lower-case letters, digits and single hyphens, such as "paris-talks"'), v.maxLength(64, 'expected an id of at most 64 characters'));
const ids = v.array(id);
const someIds = v.pipe(ids, v.minLength(1, 'expected at least one id'));
const isoDate = v.pipe(v.string(), v.check(isIsoDate, 'expected a real calendar date as YYYY-MM-DD'));
const httpUrl = v.pipe(v.string(), v.url('expected a URL'), v.regex(/^https?:\/\//i, 'expected an http(s) URL'), wellEncoded);

export const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'] as const;
export const CERTAINTIES = ['confirmed', 'uncertain', 'expected'] as const;
/** Parts of the day, for events whose clock time is unknown; each maps to a position on the axis. */
export const DAY_PARTS = ['overnight', 'morning', 'midday', 'afternoon', 'evening', 'late evening'] as const;

const dateRange = v.pipe(
  v.strictObject({ start: isoDate, end: isoDate }),
  v.forward(v.check((range) => range.start <= range.end, 'expected end on or after start'), ['end']),
);

const KindSchema = v.strictObject({
  id,
  label: text(40),
  symbol: v.picklist(SYMBOLS, `expected one of ${SYMBOLS.join(', ')}`),
});

const SourceSchema = v.strictObject({
  id,
  /** Short name used in running text, such as "Article A". */
  label: text(60),
  /** How the source identifies itself: headline or opening wording. */
  headline: text(400),
  dateline: v.optional(text(60)),
  published: v.optional(isoDate),
  note: v.optional(text(600)),
  url: v.optional(httpUrl),
});

const SourcedTextSchema = v.strictObject({ text: text(600), sources: someIds });

const FigureSchema = v.strictObject({
  value: v.pipe(v.number('expected a number'), v.finite('expected a finite number'), v.minValue(0, 'expected a number of 0 or more')),
  /** "at least", "over", "about"… as the source puts it. */
  qualifier: v.optional(text(30)),
  label: text(80),
  note: v.optional(text(200)),
  sources: someIds,
});

const EventSchema = v.pipe(
  v.strictObject({
    id,
    kind: id,
    /** Short label drawn on the timeline. */
    label: text(40),
    title: text(120),
    summary: text(1200),
    place: text(120),
    /** The local calendar date where it happened; for an uncertain event, the most likely date. */
    date: v.optional(isoDate),
    /** A window of possible dates, for uncertain or expected events. */
    range: v.optional(dateRange),
    time: v.optional(v.pipe(v.string(), v.regex(TIME, 'expected a 24-hour time as HH:MM'))),
    approximate: v.optional(v.boolean('expected true or false')),
    dayPart: v.optional(v.picklist(DAY_PARTS, `expected one of ${DAY_PARTS.join(', ')}`)),
    /** Names the clock, such as "Kyiv time". */
    timeZone: v.optional(text(40)),
    /** How the sources word the timing, such as "early next week". */
    datePhrase: v.optional(text(200)),
    certainty: v.optional(v.picklist(CERTAINTIES, `expected one of ${CERTAINTIES.join(', ')}`), 'confirmed'),
    /** Background before the axis starts: drawn as an "earlier" marker, not on the axis. */
    context: v.optional(v.boolean('expected true or false'), false),
    figures: v.optional(v.array(FigureSchema), []),
    facts: v.optional(v.array(SourcedTextSchema), []),
    sources: someIds,
  }),
  v.check((event) => event.date !== undefined || event.range !== undefined, 'expected a date, a range, or both'),
  v.forward(v.check((event) => !(event.time && event.dayPart), 'expected either time or dayPart, not both'), ['dayPart']),
  v.forward(v.check((event) => !(event.time || event.dayPart) || event.date !== undefined, 'a time needs a date'), ['date']),
  v.forward(
    v.check((event) => !event.range || !event.date || (event.range.start <= event.date && event.date <= event.range.end), 'expected the date to fall inside the range'),
    ['date'],
  ),
);

const QuoteSchema = v.strictObject({
  id,
  speaker: text(80),
  role: v.optional(text(120)),
  /** The quoted words exactly as published, without surrounding quotation marks. */
  text: text(1200),
  /** Reported speech around a fragment, shown unquoted. */
  before: v.optional(text(300)),
  after: v.optional(text(300)),
  date: isoDate,
  place: v.optional(text(120)),
  sources: someIds,
});

const QuoteSeriesSchema = v.strictObject({
  id,
  label: text(120),
  quotes: someIds,
  note: v.optional(text(600)),
});

const DisagreementSchema = v.strictObject({
  id,
  title: text(120),
  accounts: v.pipe(v.array(v.strictObject({ source: id, says: text(600) })), v.minLength(1, 'expected at least one account')),
  resolution: v.optional(SourcedTextSchema),
});

const StepSchema = v.strictObject({
  id,
  title: text(160),
  body: v.pipe(v.array(text(2000)), v.minLength(1, 'expected at least one paragraph')),
  events: v.optional(ids, []),
  quotes: v.optional(ids, []),
  disagreements: v.optional(ids, []),
  sources: someIds,
  /** Zooms the axis to these days while the step is active. */
  focus: v.optional(dateRange),
  /** For teachers: discussion questions and background, hidden from readers unless switched on. */
  notes: v.optional(v.array(text(1000), 'expected a list of paragraphs'), []),
});

/** What later reporting added after the as-of day: shown apart, never on the timeline or in the steps. */
const EpilogueSchema = v.strictObject({
  title: text(160),
  entries: v.pipe(
    v.array(v.strictObject({ date: isoDate, text: text(1000), sources: someIds })),
    v.minLength(1, 'expected at least one entry'),
  ),
});

const StoryShape = v.strictObject({
  $schema: v.optional(v.string()),
  id,
  lang: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as "en-GB"')),
  title: text(200),
  dek: text(600),
  /** The day the story is told from: later events are expected, not known. */
  asOf: isoDate,
  asOfNote: v.optional(text(600)),
  kinds: v.pipe(v.array(KindSchema), v.minLength(1, 'expected at least one kind'), v.maxLength(8, 'expected at most 8 kinds')),
  sources: v.pipe(v.array(SourceSchema), v.minLength(1, 'expected at least one source')),
  events: v.pipe(v.array(EventSchema), v.minLength(1, 'expected at least one event')),
  quotes: v.optional(v.array(QuoteSchema), []),
  quoteSeries: v.optional(v.array(QuoteSeriesSchema), []),
  disagreements: v.optional(v.array(DisagreementSchema), []),
  steps: v.pipe(v.array(StepSchema), v.minLength(1, 'expected at least one step')),
  epilogue: v.optional(EpilogueSchema),
});

type StoryShapeOutput = v.InferOutput<typeof StoryShape>;
type PathKey = string | number;

/** Builds a valibot issue path from plain keys, so that reference errors point at the exact field. */
function issuePath(root: unknown, keys: readonly PathKey[]): [v.IssuePathItem, ...v.IssuePathItem[]] {
  const items: v.IssuePathItem[] = [];
  let input: unknown = root;
  for (const key of keys) {
    const value: unknown = (input as Record<PathKey, unknown>)[key];
    items.push(
      typeof key === 'number'
        ? { type: 'array', origin: 'value', input: input as unknown[], key, value }
        : { type: 'object', origin: 'value', input: input as Record<string, unknown>, key, value },
    );
    input = value;
  }
  return items as [v.IssuePathItem, ...v.IssuePathItem[]];
}

function checkReferences(story: StoryShapeOutput, report: (keys: PathKey[], message: string) => void): void {
  const collections = ['kinds', 'sources', 'events', 'quotes', 'quoteSeries', 'disagreements', 'steps'] as const;
  const known = new Map<string, Set<string>>();
  for (const name of collections) {
    const seen = new Set<string>();
    story[name].forEach((item, index) => {
      if (seen.has(item.id)) report([name, index, 'id'], `duplicate id "${item.id}"`);
      seen.add(item.id);
    });
    known.set(name, seen);
  }
  const expectKnown = (collection: (typeof collections)[number], value: string, keys: PathKey[]) => {
    if (!known.get(collection)?.has(value)) report(keys, `unknown ${collection} id "${value}"`);
  };
  const expectSources = (list: readonly string[], keys: PathKey[]) =>
    list.forEach((sourceId, index) => expectKnown('sources', sourceId, [...keys, index]));

  story.events.forEach((event, e) => {
    expectKnown('kinds', event.kind, ['events', e, 'kind']);
    expectSources(event.sources, ['events', e, 'sources']);
    event.figures.forEach((figure, f) => expectSources(figure.sources, ['events', e, 'figures', f, 'sources']));
    event.facts.forEach((fact, f) => expectSources(fact.sources, ['events', e, 'facts', f, 'sources']));
  });
  story.quotes.forEach((quote, q) => expectSources(quote.sources, ['quotes', q, 'sources']));
  story.quoteSeries.forEach((series, s) =>
    series.quotes.forEach((quoteId, q) => expectKnown('quotes', quoteId, ['quoteSeries', s, 'quotes', q])),
  );
  story.disagreements.forEach((disagreement, d) => {
    disagreement.accounts.forEach((account, a) => expectKnown('sources', account.source, ['disagreements', d, 'accounts', a, 'source']));
    if (disagreement.resolution) expectSources(disagreement.resolution.sources, ['disagreements', d, 'resolution', 'sources']);
  });
  story.steps.forEach((step, s) => {
    step.events.forEach((eventId, i) => expectKnown('events', eventId, ['steps', s, 'events', i]));
    step.quotes.forEach((quoteId, i) => expectKnown('quotes', quoteId, ['steps', s, 'quotes', i]));
    step.disagreements.forEach((dId, i) => expectKnown('disagreements', dId, ['steps', s, 'disagreements', i]));
    expectSources(step.sources, ['steps', s, 'sources']);
  });
  story.epilogue?.entries.forEach((entry, e) => {
    expectSources(entry.sources, ['epilogue', 'entries', e, 'sources']);
    if (entry.date <= story.asOf) report(['epilogue', 'entries', e, 'date'], `expected a date after asOf (${story.asOf}): the epilogue is what came later`);
  });
  if (!story.events.some((event) => !event.context)) report(['events'], 'expected at least one event that is not context');
}

export const StorySchema = v.pipe(
  StoryShape,
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const story = dataset.value;
    checkReferences(story, (keys, message) => addIssue({ message, path: issuePath(story, keys) }));
  }),
);

/** A story file as authors write it: optional fields may be left out. */
export type StoryInput = v.InferInput<typeof StorySchema>;
/** A validated story, with defaults filled in. */
export type Story = v.InferOutput<typeof StorySchema>;
export type StoryKind = Story['kinds'][number];
export type StorySource = Story['sources'][number];
export type StoryEvent = Story['events'][number];
export type StoryFigure = StoryEvent['figures'][number];
export type StoryQuote = Story['quotes'][number];
export type QuoteSeries = Story['quoteSeries'][number];
export type Disagreement = Story['disagreements'][number];
export type StoryStep = Story['steps'][number];
export type DateRange = NonNullable<StoryStep['focus']>;
export type Epilogue = NonNullable<Story['epilogue']>;
export type Certainty = (typeof CERTAINTIES)[number];
export type DayPart = (typeof DAY_PARTS)[number];
export type SymbolName = (typeof SYMBOLS)[number];
