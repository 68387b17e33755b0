import { expect, test } from 'vitest';
import { storyUrl } from '../../src/embed/story-url.ts';

const base = 'https://news.example/tideline/embed.html?story=x';

test('the embed page loads stories from its own site only', () => {
  expect(storyUrl('?story=data/a.json', base)).toBe('https://news.example/tideline/data/a.json');
  expect(storyUrl('?story=/stories/b.json', base)).toBe('https://news.example/stories/b.json');
  expect(storyUrl('?story=https://news.example/c.json', base)).toBe('https://news.example/c.json');
  expect(storyUrl('?story=https://evil.example/c.json', base)).toBeUndefined();
  expect(storyUrl('?story=//evil.example/c.json', base)).toBeUndefined();
  expect(storyUrl('?story=javascript:alert(1)', base)).toBeUndefined();
  expect(storyUrl('?story=data:application/json,{}', base)).toBeUndefined();
  expect(storyUrl('', base)).toBeUndefined();
});
