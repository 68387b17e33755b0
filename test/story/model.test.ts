import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { toIsoDate } from '../../src/story/dates.ts';
import { parseStory, parseStoryJson } from '../../src/story/parse.ts';
import { FLAGSHIP_AXIS_DATES, FLAGSHIP_CONTEXT_DATES } from '../fixtures/flagship-dates.ts';
import { minimalStory } from '../fixtures/minimal-story.ts';
import { expectZoneInEffect } from './zone.ts';

const flagship = () => parseStoryJson(readFileSync('data/sumy-paris-london.json', 'utf8'));

describe(`story model in TZ=${process.env.TZ}`, () => {
  beforeAll(() => {
    expectZoneInEffect();
  });

  test('places each flagship event on its calendar date from FACTS.md', () => {
    const model = flagship();
    const dates = Object.fromEntries(model.events.map((event) => [event.id, toIsoDate(event.at)]));
    expect(dates).toEqual({ ...FLAGSHIP_CONTEXT_DATES, ...FLAGSHIP_AXIS_DATES, 'london-follow-up': '2025-04-22' });
  });

  test('runs the axis from Palm Sunday to the end of the London window', () => {
    const { axis } = flagship();
    expect(new Date(axis.start).toISOString()).toBe('2025-04-13T00:00:00.000Z');
    expect(new Date(axis.end).toISOString()).toBe('2025-04-24T00:00:00.000Z');
  });

  test('keeps context meetings off the axis', () => {
    const model = flagship();
    expect(model.context.map((event) => toIsoDate(event.at))).toEqual(['2025-02-11', '2025-03-13', '2025-04-11']);
    expect(model.timeline.every((event) => event.at >= model.axis.start)).toBe(true);
  });

  test('marks London as expected and the bakery strike as uncertain, each with a window', () => {
    const model = flagship();
    const london = model.eventsById.get('london-follow-up');
    const bakery = model.eventsById.get('sumy-bakery-strike');
    expect(london?.certainty).toBe('expected');
    expect([toIsoDate(london!.window!.start), toIsoDate(london!.window!.end)]).toEqual(['2025-04-21', '2025-04-24']);
    expect(bakery?.certainty).toBe('uncertain');
    expect([toIsoDate(bakery!.window!.start), toIsoDate(bakery!.window!.end)]).toEqual(['2025-04-14', '2025-04-19']);
  });

  test('orders events by local time within a day', () => {
    const model = flagship();
    const friday = model.timeline.filter((event) => toIsoDate(event.at) === '2025-04-18').map((event) => event.id);
    expect(friday.indexOf('overnight-strikes')).toBeLessThan(friday.indexOf('kharkiv-strike'));
    expect(friday.indexOf('kharkiv-strike')).toBeLessThan(friday.indexOf('rubio-remarks'));
  });

  test('records all five Rubio quotes verbatim, in sequence', () => {
    const model = flagship();
    const rubio = model.story.quoteSeries.find((series) => series.id === 'rubio');
    expect(rubio?.quotes.map((id) => model.quotes.get(id)?.text)).toEqual([
      'constructive',
      'We are now reaching a point where we need to decide whether this is even possible or not',
      'We’re not going to continue with this endeavour for weeks and months on end',
      'We need to determine very quickly now – and I’m talking about a matter of days – whether or not this is doable in the next few weeks. If it is, we’re in. If it’s not, then we have other priorities to focus on as well.',
      'within days',
    ]);
  });

  test('steps reach the Rubio quotes in series order', () => {
    const model = flagship();
    const reached = model.story.steps.flatMap((step) => step.quotes.filter((id) => model.seriesOfQuote.get(id)?.series.id === 'rubio'));
    expect(reached).toEqual(model.story.quoteSeries[0]?.quotes);
  });

  test('records the disagreements D1–D4 from FACTS.md', () => {
    const { disagreements } = flagship();
    expect([...disagreements.keys()]).toEqual(expect.arrayContaining(['kharkiv-casualties', 'sumy-bakery', 'dnipro-date', 'kremlin-timing']));
    expect(disagreements.get('kharkiv-casualties')?.accounts.map((account) => account.source)).toEqual(['a', 'b']);
  });

  test('sorts a minimal story and ends its axis after its last window', () => {
    const model = parseStory(minimalStory());
    expect(model.timeline.map((event) => event.id)).toEqual(['first', 'second', 'later']);
    expect(toIsoDate(model.axis.end)).toBe('2025-04-18');
  });
});
