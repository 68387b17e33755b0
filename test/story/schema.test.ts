import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseStory, parseStoryJson, StoryError } from '../../src/story/parse.ts';
import { minimalStory } from '../fixtures/minimal-story.ts';

function problemsOf(input: unknown): string[] {
  try {
    parseStory(input);
  } catch (error) {
    expect(error).toBeInstanceOf(StoryError);
    return (error as StoryError).message.split('\n');
  }
  throw new Error('expected the story to be rejected');
}

describe('story schema', () => {
  test('every story in data/ validates', () => {
    const files = readdirSync('data').filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const model = parseStoryJson(readFileSync(`data/${file}`, 'utf8'));
      expect(model.story.steps.length, file).toBeGreaterThan(0);
    }
  });

  test('accepts the minimal story and fills in defaults', () => {
    const model = parseStory(minimalStory());
    expect(model.story.events[0]?.certainty).toBe('confirmed');
    expect(model.story.events[0]?.figures).toEqual([]);
    expect(model.story.quotes).toEqual([]);
  });

  test('names the JSON path and the bad value of a malformed date', () => {
    const story = minimalStory();
    story.events[1]!.date = '13/04/2025';
    expect(problemsOf(story)).toEqual(['story: events[1].date: expected a real calendar date as YYYY-MM-DD, got "13/04/2025"']);
  });

  test('rejects impossible calendar dates', () => {
    const story = minimalStory();
    story.asOf = '2025-02-30';
    expect(problemsOf(story)).toEqual(['story: asOf: expected a real calendar date as YYYY-MM-DD, got "2025-02-30"']);
  });

  test('reports a missing required field at its path', () => {
    const story = minimalStory() as unknown as { steps: Record<string, unknown>[] };
    delete story.steps[0]!.title;
    expect(problemsOf(story)).toEqual(['story: steps[0].title: missing required field']);
  });

  test('reports a misspelt field instead of ignoring it', () => {
    const story = minimalStory() as unknown as { events: Record<string, unknown>[] };
    story.events[0]!.plcae = 'Typo';
    expect(problemsOf(story)).toEqual(['story: events[0].plcae: unknown field (check its spelling)']);
  });

  test('reports wrong types with what was expected and what was found', () => {
    const story = minimalStory() as unknown as { events: Record<string, unknown>[] };
    story.events[0]!.title = 42;
    expect(problemsOf(story)).toEqual(['story: events[0].title: expected string, got 42']);
  });

  test('rejects a range that ends before it starts, at the end field', () => {
    const story = minimalStory();
    story.events[2]!.range = { start: '2025-04-17', end: '2025-04-16' };
    expect(problemsOf(story)).toEqual(['story: events[2].range.end: expected end on or after start, got "2025-04-16"']);
  });

  test('rejects a date outside its own range', () => {
    const story = minimalStory();
    story.events[2]!.date = '2025-04-20';
    expect(problemsOf(story)[0]).toMatch(/^story: events\[2\]\.date: expected the date to fall inside the range/);
  });

  test('rejects an event with neither date nor range', () => {
    const story = minimalStory();
    delete story.events[1]!.date;
    expect(problemsOf(story)).toEqual(['story: events[1]: expected a date, a range, or both']);
  });

  test('rejects steps that point at ids that do not exist', () => {
    const story = minimalStory();
    story.steps[1]!.events = ['second', 'nowhere'];
    story.steps[0]!.sources = ['zz'];
    expect(problemsOf(story)).toEqual([
      'story: steps[0].sources[0]: unknown sources id "zz"',
      'story: steps[1].events[1]: unknown events id "nowhere"',
    ]);
  });

  test('rejects duplicate ids at the second occurrence', () => {
    const story = minimalStory();
    story.steps[1]!.id = 'one';
    expect(problemsOf(story)).toEqual(['story: steps[1].id: duplicate id "one"']);
  });

  test('rejects an unknown kind and an unknown symbol', () => {
    const story = minimalStory();
    story.events[0]!.kind = 'parade';
    story.kinds[0]!.symbol = 'hexagon' as 'circle';
    expect(problemsOf(story)).toEqual([
      'story: kinds[0].symbol: expected one of circle, square, triangle, diamond, cross, star, got "hexagon"',
    ]);
    story.kinds[0]!.symbol = 'circle';
    expect(problemsOf(story)).toEqual(['story: events[0].kind: unknown kinds id "parade"']);
  });

  test('only accepts http(s) source URLs', () => {
    const story = minimalStory();
    story.sources[0]!.url = 'javascript:alert(1)';
    expect(problemsOf(story)[0]).toMatch(/^story: sources\[0\]\.url: expected an http\(s\) URL/);
  });

  test('clips huge values in messages', () => {
    const story = minimalStory();
    story.events[0]!.time = 'x'.repeat(10_000);
    const [problem] = problemsOf(story);
    expect(problem).toMatch(/^story: events\[0\]\.time: expected a 24-hour time as HH:MM, got "x+…$/);
    expect(problem!.length).toBeLessThan(140);
  });

  test('reports invalid JSON as such', () => {
    expect(() => parseStoryJson('{"id": "x",')).toThrowError(/^story: not valid JSON: /);
  });

  test('lists every problem, one per line', () => {
    const story = minimalStory() as unknown as Record<string, unknown>;
    story.lang = 'English';
    story.title = '';
    expect(problemsOf(story)).toEqual([
      'story: lang: expected a language tag such as "en-GB", got "English"',
      'story: title: expected non-empty text, got ""',
    ]);
  });
});
