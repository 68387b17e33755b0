import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadStrings } from '../../src/i18n/strings.ts';
import { withLocale } from '../../src/story/model.ts';
import { parseStoryJson } from '../../src/story/parse.ts';
import { describeFigure, describeStepWhen, describeWhen, sourceNames } from '../../src/views/format.ts';
import { expectZoneInEffect } from '../story/zone.ts';

const model = parseStoryJson(readFileSync('data/sumy-paris-london.json', 'utf8'));
const event = (id: string) => model.eventsById.get(id)!;
const step = (id: string) => model.story.steps[model.stepIndex.get(id)!]!;
/** CLDR versions differ in commas and in spaces around range dashes; the calendar facts do not. */
const loose = (text: string | undefined) => (text ?? '').replace(/,(?= \d)/g, '').replace(/\s*–\s*/g, '–').replace(/\s+/g, ' ');

describe(`display text in TZ=${process.env.TZ}`, () => {
  beforeAll(() => {
    expectZoneInEffect();
  });

  test('gives a known time with its qualifier and clock', () => {
    expect(loose(describeWhen(event('sumy-palm-sunday'), withLocale(model, 'en-GB')))).toBe('Sunday 13 April 2025, about 10:15 Kyiv time');
  });

  test('gives a part of the day when the clock time is unknown', () => {
    expect(loose(describeWhen(event('dnipro-drone-strike'), withLocale(model, 'en-GB')))).toBe('Wednesday 16 April 2025, late evening (Kyiv time)');
  });

  test('gives an expected event its window, not a made-up day', () => {
    expect(loose(describeWhen(event('london-follow-up'), withLocale(model, 'en-GB')))).toBe('21–23 April 2025');
  });

  test('speaks Ukrainian when the interface does: dates by Intl, parts of the day from the table', async () => {
    await loadStrings('uk');
    const uk = withLocale(model, 'uk');
    expect(loose(describeWhen(event('sumy-palm-sunday'), uk))).toMatch(/^неділя 13 квітня 2025 р\.,? близько 10:15 Kyiv time$/);
    expect(loose(describeWhen(event('dnipro-drone-strike'), uk))).toMatch(/16 квітня 2025 р\.,? пізно ввечері \(Kyiv time\)$/);
  });

  test('keeps figures’ qualifiers as the source put them', () => {
    const [killed] = event('sumy-palm-sunday').figures;
    expect(describeFigure(killed!, 'en-GB')).toBe('at least 34 civilians killed');
    const [, , over] = event('kharkiv-strike').figures;
    expect(describeFigure(over!, 'en-GB')).toBe('over 60 people injured');
  });

  test('dates a step by its events: one day, or the span of several', () => {
    expect(loose(describeStepWhen(model, step('kharkiv')))).toBe('Friday 18 April 2025');
    expect(loose(describeStepWhen(model, step('earlier-talks')))).toBe('11 February–11 April 2025');
    expect(loose(describeStepWhen(model, step('london-expected')))).toBe('21–23 April 2025');
  });

  test('names sources by their labels', () => {
    expect(sourceNames(model, ['a', 'b', 'checks'])).toBe('Article A, Article B, Other reporting');
  });
});
