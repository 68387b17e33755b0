import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseStory, parseStoryJson, StoryError } from '../../src/story/parse.ts';
import { BASE_STORIES, damagedStoryText, malformedStory, pathExists, problemPath, related } from '../fixtures/malformed-stories.ts';

/** Fixed seeds, so that a failure replays; fast-check prints the counterexample and its path. */
const BROKEN_STORIES = { seed: 20250418, numRuns: 3000 };
const DAMAGED_FILES = { seed: 20250417, numRuns: 1000 };

function rejection(run: () => unknown): StoryError {
  try {
    run();
  } catch (error) {
    if (error instanceof StoryError) return error;
    throw new Error(`an exception other than a StoryError escaped: ${String(error)}`);
  }
  throw new Error('the broken story was accepted');
}

describe('fuzzing the validator', () => {
  test(`${BROKEN_STORIES.numRuns} stories, each broken in one way, are rejected with errors that point at the break`, () => {
    const kinds = new Map<string, number>();
    fc.assert(
      fc.property(malformedStory, ({ story, kind, path, mentions }) => {
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        const lines = rejection(() => parseStory(story)).message.split('\n');
        const paths = lines.map(problemPath);
        // Every line names a JSON path that leads into the story.
        for (const [index, line] of lines.entries()) {
          const named = paths[index];
          expect(named, line).toBeDefined();
          expect(pathExists(story, named ?? []), line).toBe(true);
        }
        // And one of them is the break: its path, or the reference or duplicate it made.
        const found = paths.some((named) => named && related(named, path)) || (mentions !== undefined && lines.some((line) => line.includes(mentions)));
        expect(found, `${kind} at ${JSON.stringify(path)}: ${lines.join(' | ')}`).toBe(true);
      }),
      BROKEN_STORIES,
    );
    // Every kind of break was tried many times.
    expect([...kinds.keys()].sort()).toEqual(
      ['duplicate id', 'empty list', 'huge string', 'impossible date', 'missing field', 'range ending before it starts', 'unknown field', 'unknown reference', 'wrong encoding', 'wrong type'].sort(),
    );
    for (const [kind, count] of kinds) expect(count, kind).toBeGreaterThan(100);
    console.log(`[reliability] malformed stories fuzzed: ${BROKEN_STORIES.numRuns}`);
  }, 120_000);

  test(`${DAMAGED_FILES.numRuns} damaged files are either still a valid story or rejected as a StoryError, never an exception`, () => {
    let rejected = 0;
    fc.assert(
      fc.property(damagedStoryText, ({ text }) => {
        let accepted = false;
        try {
          accepted = parseStoryJson(text).story.steps.length > 0;
        } catch (error) {
          expect(error).toBeInstanceOf(StoryError);
          const lines = (error as StoryError).message.split('\n');
          for (const line of lines) {
            expect(line.startsWith('story: not valid JSON: ') || problemPath(line) !== undefined, line).toBe(true);
            expect(line, 'control characters in a message').not.toMatch(/[\u0000-\u001F]/);
          }
          rejected += 1;
        }
        return accepted || rejected > 0;
      }),
      DAMAGED_FILES,
    );
    // A character dropped from white space, say, leaves a valid story; most damage does not.
    expect(rejected).toBeGreaterThan(DAMAGED_FILES.numRuns / 2);
    console.log(`[reliability] damaged story files fuzzed: ${DAMAGED_FILES.numRuns} (${rejected} rejected, the rest still valid)`);
  }, 120_000);

  test('a file saved with a byte-order mark reads as the story it is', () => {
    const story = BASE_STORIES[0]!;
    expect(parseStoryJson(`\uFEFF${JSON.stringify(story)}`).story.title).toBe(story.title);
  });
});
