/**
 * A large story for the benchmark, generated from a seed so that every run measures the
 * same thing: by default 1,000 events over a year in six kinds, and 300 steps that walk
 * through them with quotes, figures, zoomed days and disagreements, as a long explainer would.
 */
import type { StoryInput } from '../../src/story/schema.ts';
import { seededRandom } from '../seeded-random.ts';

export interface LargeStoryOptions {
  seed?: number;
  events?: number;
  steps?: number;
}

const WORDS = ['talks', 'strike', 'council', 'envoy', 'ceasefire', 'harbour', 'bridge', 'summit', 'convoy', 'ministry', 'river', 'grain', 'border', 'vote', 'statement', 'delegation', 'market', 'railway', 'power', 'shelter'];
const PLACES = ['Northport', 'Eastvale', 'Lindon', 'Marrow', 'Kestrel Bay', 'Ashford', 'Greywater', 'Holm'];
const KINDS = [
  { id: 'attack', label: 'Attacks', symbol: 'triangle' },
  { id: 'diplomacy', label: 'Diplomacy', symbol: 'circle' },
  { id: 'statement', label: 'Statements', symbol: 'square' },
  { id: 'aid', label: 'Aid', symbol: 'diamond' },
  { id: 'vote', label: 'Votes', symbol: 'cross' },
  { id: 'economy', label: 'Economy', symbol: 'star' },
] as const;
const SOURCES = ['wire', 'paper', 'broadcaster', 'agency', 'ministry'];
const START = Date.UTC(2024, 0, 1);
const DAY = 86_400_000;

const isoDay = (day: number) => new Date(START + day * DAY).toISOString().slice(0, 10);

export function generateLargeStory({ seed = 1, events: eventCount = 1000, steps: stepCount = 300 }: LargeStoryOptions = {}): StoryInput {
  const next = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const sentence = (count: number) => {
    const text = words(count);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const sourcesFor = () => [pick(SOURCES)];

  // Days rise through the year, several events on busy days, as in real news.
  const days = Array.from({ length: eventCount }, () => Math.floor(next() * 365)).sort((a, b) => a - b);
  const events: StoryInput['events'] = days.map((day, index) => {
    const id = `event-${index + 1}`;
    const timed = next() < 0.5;
    return {
      id,
      kind: pick(KINDS).id,
      label: `${pick(WORDS)} ${index + 1}`,
      title: sentence(6),
      summary: `${sentence(18)} ${sentence(12)}`,
      place: pick(PLACES),
      date: isoDay(day),
      ...(timed ? { time: `${String(Math.floor(next() * 24)).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}` } : {}),
      ...(next() < 0.1 ? { figures: [{ value: Math.floor(next() * 500), qualifier: 'at least', label: words(3), sources: sourcesFor() }] } : {}),
      sources: sourcesFor(),
    };
  });

  const quotes: NonNullable<StoryInput['quotes']> = Array.from({ length: Math.floor(eventCount / 10) }, (_, index) => ({
    id: `quote-${index + 1}`,
    speaker: `Speaker ${(index % 12) + 1}`,
    text: sentence(14),
    date: events[Math.floor((index * eventCount) / Math.floor(eventCount / 10))]?.date ?? isoDay(0),
    sources: sourcesFor(),
  }));

  const disagreements: NonNullable<StoryInput['disagreements']> = Array.from({ length: 10 }, (_, index) => ({
    id: `disagreement-${index + 1}`,
    title: sentence(5),
    accounts: SOURCES.slice(0, 2).map((source) => ({ source, says: sentence(16) })),
  }));

  const perStep = eventCount / stepCount;
  const steps: StoryInput['steps'] = Array.from({ length: stepCount }, (_, index) => {
    const first = Math.floor(index * perStep);
    const stepEvents = events.slice(first, Math.max(first + 1, Math.floor((index + 1) * perStep)));
    const firstDay = stepEvents[0]?.date ?? isoDay(0);
    const lastDay = stepEvents[stepEvents.length - 1]?.date ?? firstDay;
    const quote = quotes[Math.floor((index / stepCount) * quotes.length)];
    return {
      id: `step-${index + 1}`,
      title: sentence(5),
      body: [sentence(30), sentence(24)],
      events: stepEvents.map((event) => event.id),
      ...(index % 3 === 0 && quote ? { quotes: [quote.id] } : {}),
      ...(index % 30 === 0 ? { disagreements: [`disagreement-${(index / 30) % 10 + 1}`] } : {}),
      // Most steps zoom to their days; every tenth shows the whole year.
      ...(index % 10 === 9 ? {} : { focus: { start: firstDay, end: lastDay } }),
      sources: sourcesFor(),
    };
  });

  return {
    id: 'large-benchmark',
    lang: 'en-GB',
    title: `A year in ${eventCount} events`,
    dek: `A generated story of ${eventCount} events and ${stepCount} steps, for measuring Tideline at fifty times the flagship's size.`,
    asOf: isoDay(364),
    kinds: KINDS.map((kind) => ({ ...kind })),
    sources: SOURCES.map((id) => ({ id, label: `The ${id}`, headline: `Reporting by the ${id}` })),
    events,
    quotes,
    disagreements,
    steps,
  };
}
