import { expect, test } from 'vitest';
import { parseStory } from '../../src/story/parse.ts';
import { fingerprint, readStory } from '../../src/story/read.ts';
import { minimalStory } from '../fixtures/minimal-story.ts';

test('data the build checked, unchanged, is read without the validator; edited or hand-marked data is validated', async () => {
  const checked = JSON.stringify(parseStory(minimalStory()).story);
  expect((await readStory(checked, fingerprint(checked))).story.title).toBe('A demo story');

  const broken = minimalStory() as unknown as Record<string, unknown>;
  delete broken.title;
  const edited = JSON.stringify(broken);
  await expect(readStory(edited, fingerprint(checked))).rejects.toThrow('story: title: missing required field');
  await expect(readStory(edited, 'ffffffff')).rejects.toThrow('story: title: missing required field');
  await expect(readStory(edited, '')).rejects.toThrow('story: title: missing required field');
});

test('the fingerprint changes with any edit', () => {
  expect(fingerprint('{"a":1}')).toMatch(/^[0-9a-f]{8}$/);
  expect(fingerprint('{"a":1}')).not.toBe(fingerprint('{"a":2}'));
  expect(fingerprint('{"a":1}')).toBe(fingerprint('{"a":1}'));
});
