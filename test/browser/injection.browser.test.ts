import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { renderStaticStory, storyDataScript } from '../../src/prerender/render-static.ts';
import { parseStory, StoryError } from '../../src/story/parse.ts';
import { fingerprint } from '../../src/story/read.ts';
import type { Json } from '../fixtures/malformed-stories.ts';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads.ts';
import { fixturePage, openPage, reportFigure, sharedBrowser } from './harness.ts';

const browser = sharedBrowser();

type Story = { [key: string]: Json } & { sources: Array<{ [key: string]: Json }> };

const flagship = () => JSON.parse(readFileSync('data/sumy-paris-london.json', 'utf8')) as Story;
/** Fields that hold ids, dates or choices rather than text; the validator limits their characters. */
const NOT_TEXT = new Set(['$schema', 'id', 'kind', 'source', 'date', 'start', 'end', 'asOf', 'published', 'time', 'lang', 'symbol', 'certainty', 'dayPart', 'url']);
const ID_LISTS = new Set(['events', 'quotes', 'disagreements', 'sources']);

/** Puts `value(text)` into every text field of the story, in place. */
function fillText(node: Json, value: (old: string) => string, key = ''): Json {
  if (Array.isArray(node)) return node.map((item) => (typeof item === 'string' ? (ID_LISTS.has(key) ? item : value(item)) : fillText(item, value, key)));
  if (node && typeof node === 'object') {
    for (const [name, item] of Object.entries(node)) node[name] = typeof item === 'string' ? (NOT_TEXT.has(name) ? item : value(item)) : fillText(item, value, name);
  }
  return node;
}

/** Trims each field that the payload made too long, until the story validates. */
function fitToLimits(story: Story): Story {
  for (let round = 0; round < 5; round += 1) {
    try {
      parseStory(story);
      return story;
    } catch (error) {
      if (!(error instanceof StoryError)) throw error;
      for (const { path, message } of error.problems) {
        const limit = /expected at most (\d+) characters/.exec(message);
        if (!limit) throw new Error(`${path}: ${message}`);
        const keys = [...path.matchAll(/(\w+)|\[(\d+)\]/g)].map(([, name, index]) => name ?? Number(index));
        let parent: Record<string | number, Json> = story;
        for (const key of keys.slice(0, -1)) parent = parent[key!] as Record<string | number, Json>;
        const last = keys.at(-1)!;
        parent[last] = (parent[last] as string).slice(0, Number(limit[1]));
      }
    }
  }
  throw new Error('could not fit the payload story to the limits');
}

/** The payload in every text field, and inside every source's http(s) address: a story the validator accepts. */
function validStory(payload: string): Story {
  const story = fillText(flagship(), () => payload) as Story;
  for (const source of story.sources) source.url = `https://example.com/search?q=${encodeURIComponent(payload)}`;
  return fitToLimits(story);
}

/** The payload raw in every text and URL field. */
function rawStory(payload: string): Story {
  const story = fillText(flagship(), () => payload) as Story;
  for (const source of story.sources) source.url = payload;
  return story;
}

/**
 * The validator's output with the payload put back raw in every text and URL field, and
 * marked as checked by the build: what the renderer alone must keep safe.
 */
function pastValidatorJson(payload: string): { json: string; checkedAs: string } {
  const output = fillText(JSON.parse(JSON.stringify(parseStory(validStory(payload)).story)) as Json, () => payload) as Story;
  for (const source of output.sources) source.url = payload;
  const json = JSON.stringify(output);
  return { json, checkedAs: fingerprint(json) };
}

interface Rendered {
  tags: string[];
  handlers: string[];
  links: string[];
  title: string;
}

/** Renders a story in a fresh element, optionally presents it, and reads what ended up in the DOM. */
function render(page: Page, json: string, checkedAs: string, present: boolean): Promise<Rendered> {
  return page.evaluate(
    async ({ json, checkedAs, present }) => {
      const story = document.createElement('tide-story') as HTMLElement & { present(): void; exitPresentation(): void };
      const script = document.createElement('script');
      script.type = 'application/json';
      if (checkedAs) script.setAttribute('data-tide-checked', checkedAs);
      script.textContent = json;
      story.append(script);
      document.querySelector('main')?.append(story);
      const root = () => story.shadowRoot;
      while (!root()?.querySelector('[role="alert"], .steps > .step[aria-current="step"]')) await new Promise(requestAnimationFrame);
      // Every slice in, the events table included, so that each render is compared whole.
      while (root()?.querySelector('article[aria-busy]')) await new Promise(requestAnimationFrame);
      if (present && !root()?.querySelector('[role="alert"]')) {
        story.present();
        while (!root()?.querySelector<HTMLDialogElement>('dialog.deck')?.open) await new Promise(requestAnimationFrame);
      }
      // Time for any injected image to fail and fire its handler.
      await new Promise((resolve) => setTimeout(resolve, 60));
      const elements: Element[] = [];
      const walk = (node: ParentNode) => {
        for (const element of node.querySelectorAll('*')) {
          elements.push(element);
          if (element.shadowRoot) walk(element.shadowRoot);
        }
      };
      walk(root()!);
      const rendered = {
        tags: [...new Set(elements.map((element) => element.localName))].sort(),
        handlers: elements.flatMap((element) => [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((attribute) => `${element.localName}[${attribute.name}]`)),
        links: elements.flatMap((element) =>
          ['href', 'src', 'xlink:href', 'action', 'formaction', 'data'].map((name) => element.getAttribute(name)).filter((value): value is string => value !== null),
        ),
        title: root()?.querySelector('.story-header :is(h1, h2)')?.textContent ?? root()?.querySelector('[role="alert"]')?.textContent ?? '',
      };
      if (present) story.exitPresentation();
      story.remove();
      return rendered;
    },
    { json, checkedAs, present },
  );
}

async function sentinelCalls(page: Page): Promise<number[]> {
  return page.evaluate(() => [...(window as unknown as { __xssCalls: number[] }).__xssCalls]);
}

/** A link is safe when it stays in the page or goes to an http(s) address. */
type Mode = 'validated, presented' | 'past the validator, raw in URLs' | 'rejected by the validator' | 'marked as checked by hand, so validated and rejected';

const isSafeLink = (link: string) => link.startsWith('#') || /^https?:\/\//i.test(link);

test(`${XSS_PAYLOADS.length} XSS payloads in every text and URL field run nothing and leave no script link, in the story, the deck and the error box`, async () => {
  const url = fixturePage(
    'injection',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Injection</title><link rel="icon" href="data:,">
    <script>window.__xssCalls = []; window.__xss = (n) => window.__xssCalls.push(n);</script>
    <script type="module" src="%BUNDLE%"></script></head><body><main><h1>Injection</h1></main></body></html>`,
  );
  const { page, problems, close } = await openPage(browser(), url, { waitForStory: false });
  await page.waitForFunction(() => customElements.get('tide-story'));
  // Every kind of element the component draws for a normal story, presented too, and for a broken one: anything else was injected.
  const baseline = new Set([...(await render(page, JSON.stringify(flagship()), '', true)).tags, ...(await render(page, '{"id": 1}', '', false)).tags]);
  let renders = 0;
  for (const payload of XSS_PAYLOADS) {
    const pastValidator = pastValidatorJson(payload);
    const cases: Array<[Mode, string, string, boolean]> = [
      ['validated, presented', JSON.stringify(validStory(payload)), '', true],
      ['past the validator, raw in URLs', pastValidator.json, pastValidator.checkedAs, false],
      ['rejected by the validator', JSON.stringify(rawStory(payload)), '', false],
      ['marked as checked by hand, so validated and rejected', JSON.stringify(rawStory(payload)), 'ffffffff', false],
    ];
    for (const [mode, json, checkedAs, present] of cases) {
      const context = `${mode}: ${payload}`;
      const seen = await render(page, json, checkedAs, present);
      renders += 1;
      expect(seen.tags.filter((tag) => !baseline.has(tag)), context).toEqual([]);
      expect(seen.handlers, context).toEqual([]);
      expect(seen.links.filter((link) => !isSafeLink(link)), context).toEqual([]);
      // The payload is shown as text (the validator trims it), or the story is refused with a message.
      const shown = mode === 'validated, presented' ? payload.trim().slice(0, 40) : mode === 'past the validator, raw in URLs' ? payload : 'This story could not be shown';
      expect(seen.title, context).toContain(shown);
    }
  }
  expect(await sentinelCalls(page)).toEqual([]);
  expect(problems).toEqual([]);
  reportFigure('XSS payloads tried', XSS_PAYLOADS.length);
  reportFigure('stories rendered with payloads (validated and presented; past the validator; rejected)', renders);
  await close();
}, 300_000);

test(`the build-time page for readers without JavaScript keeps all ${XSS_PAYLOADS.length} payloads as text`, async () => {
  const stories = XSS_PAYLOADS.map((payload) => validStory(payload));
  // As the prerender plugin writes it: the static story as fallback, the data as an inert script.
  const body = stories.map((story) => `<tide-story>${storyDataScript(story)}${renderStaticStory(parseStory(story), 2)}</tide-story>`).join('\n');
  const url = fixturePage(
    'injection-static',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Injection, static</title><link rel="icon" href="data:,">
    <script>window.__xssCalls = []; window.__xss = (n) => window.__xssCalls.push(n);</script></head><body><main>${body}</main></body></html>`,
  );
  const { page, problems, close } = await openPage(browser(), url, { waitForStory: false });
  await page.waitForTimeout(200);
  const found = await page.evaluate(() => {
    const elements = [...document.querySelectorAll('main *')];
    return {
      stories: document.querySelectorAll('main > tide-story').length,
      titles: [...document.querySelectorAll('main > tide-story .story-header h2')].map((title) => title.textContent ?? ''),
      scripts: document.querySelectorAll('main script:not([type="application/json"])').length,
      handlers: elements.flatMap((element) => [...element.attributes].filter((attribute) => attribute.name.startsWith('on')).map((attribute) => attribute.name)),
      links: elements.flatMap((element) => ['href', 'src', 'action', 'data'].map((name) => element.getAttribute(name)).filter((value): value is string => value !== null)),
    };
  });
  expect(found.stories).toBe(XSS_PAYLOADS.length);
  expect(found.titles.map((title) => title.trim())).toEqual(stories.map((story) => String(story.title).trim()));
  expect(found.scripts).toBe(0);
  expect(found.handlers).toEqual([]);
  expect(found.links.filter((link) => !isSafeLink(link))).toEqual([]);
  expect(await sentinelCalls(page)).toEqual([]);
  expect(problems).toEqual([]);
  await close();
});
