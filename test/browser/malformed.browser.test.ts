import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseStoryJson } from '../../src/story/parse.ts';
import { INVALID_JSON } from '../../src/story/read.ts';
import { BROKEN, BROKEN_EXPECTED } from '../fixtures/broken-expected.ts';
import { damagedStoryText, malformedStory } from '../fixtures/malformed-stories.ts';
import { fixturePage, openPage, reportFigure, sharedBrowser } from './harness.ts';

const browser = sharedBrowser();

interface Shown {
  state: 'error' | 'story';
  text: string;
  height: number;
}

/** What the validator in Node says about the file: the same message the component must show. */
function expectedProblems(json: string): string | undefined {
  try {
    parseStoryJson(json);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const SAMPLES = [
  ...fc.sample(malformedStory, { seed: 418, numRuns: 800 }).map(({ kind, story }) => ({ name: kind, json: JSON.stringify(story) })),
  ...fc.sample(damagedStoryText, { seed: 417, numRuns: 200 }).map(({ kind, text }) => ({ name: kind, json: text })),
  // Read as a browser reads a fetched file: bytes decoded as UTF-8.
  ...Object.keys(BROKEN_EXPECTED).map((file) => ({ name: file, json: readFileSync(`${BROKEN}/${file}`, 'utf8') })),
];

test(`${SAMPLES.length} broken stories each show the validator's message in the component, never a blank box or an exception`, async () => {
  const url = fixturePage(
    'malformed',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Malformed stories</title><link rel="icon" href="data:,">
    <script type="module" src="%BUNDLE%"></script></head><body><main><h1>Malformed stories</h1></main></body></html>`,
  );
  const { page, problems, close } = await openPage(browser(), url, { waitForStory: false });
  await page.waitForFunction(() => customElements.get('tide-story'));
  let errors = 0;
  for (const { name, json } of SAMPLES) {
    const shown = await page.evaluate(async (storyJson): Promise<Shown> => {
      const story = document.createElement('tide-story');
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = storyJson;
      story.append(script);
      document.querySelector('main')?.append(story);
      const settled = () => story.shadowRoot?.querySelector<HTMLElement>('[role="alert"], .steps > .step[aria-current="step"]');
      while (!settled()) await new Promise(requestAnimationFrame);
      const alert = story.shadowRoot?.querySelector<HTMLElement>('[role="alert"]');
      const shownBox = alert ?? story.shadowRoot?.querySelector<HTMLElement>('.steps');
      const result: Shown = {
        state: alert ? 'error' : 'story',
        text: (alert?.querySelector<HTMLElement>('.problems') ?? shownBox)?.innerText ?? '',
        height: shownBox?.getBoundingClientRect().height ?? 0,
      };
      story.remove();
      return result;
    }, json);
    const expected = expectedProblems(json);
    expect(shown.height, `${name}: the box is blank`).toBeGreaterThan(20);
    if (expected === undefined) {
      expect(shown.state, name).toBe('story');
    } else {
      errors += 1;
      expect(shown.state, name).toBe('error');
      // JSON.parse words its errors differently in each engine (Node's V8 is older than Chromium's).
      if (expected.startsWith(`story: ${INVALID_JSON}`)) expect(shown.text.trim(), name).toMatch(/^story: not valid JSON: \S/);
      else expect(shown.text.trim(), name).toBe(expected);
    }
    const fixture = BROKEN_EXPECTED[name];
    if (fixture) expect(shown.text.trim().split('\n'), name).toEqual(fixture);
  }
  expect(errors).toBeGreaterThan(SAMPLES.length * 0.8);
  expect(problems).toEqual([]);
  reportFigure('broken stories loaded in the component', SAMPLES.length);
  await close();
});
