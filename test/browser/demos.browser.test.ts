/**
 * The publisher demos in dist/demos, each driven as a reader would drive it, under the
 * strict Content-Security-Policy that the test server sends with every shipped page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { activeSteps, cspViolations, expectActiveAtReadingLine, fixturePage, openPage, PHONE, settle, sharedBrowser, siteUrl } from './harness.ts';

const browser = sharedBrowser();
const demoStory = JSON.parse(readFileSync('data/demo-library-flood.json', 'utf8')) as {
  title: string;
  events: Array<{ id: string; context?: boolean }>;
  steps: Array<{ id: string; title: string }>;
  quotes: Array<{ text: string }>;
};

/** Waits until every story on the page has rendered and has an active step. */
async function waitForStories(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const stories = [...document.querySelectorAll('tide-story')];
      // Shown whole: the active step, and the chart, drawn in a task after the story's first paint.
      const shown = (story: Element) => story.shadowRoot?.querySelector('.step[aria-current="step"]') && story.shadowRoot.querySelector('tide-timeline')?.shadowRoot?.querySelector('svg.chart');
      return stories.length === expected && stories.every(shown);
    },
    count,
  );
}

async function wheelThrough(page: Page, stops: number, delta: number, check: (stop: number) => Promise<void>): Promise<void> {
  for (let stop = 0; stop < stops; stop += 1) {
    await page.mouse.wheel(0, delta);
    await settle(page);
    await check(stop);
  }
}

test('a plain host page loads a story by URL, and the active step follows the reader', async () => {
  const { page, problems, requests, close } = await openPage(browser(), siteUrl('demos/plain.html'), { viewport: PHONE, waitForStory: false });
  await waitForStories(page, 1);
  const seen = new Set<string>();
  await wheelThrough(page, 12, 600, async (stop) => {
    seen.add(await expectActiveAtReadingLine(page, `plain, stop ${stop}`));
  });
  expect(seen.size).toBeGreaterThan(5);
  expect(requests.filter((url) => new URL(url).origin !== new URL(siteUrl()).origin)).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await close();
});

test('two instances on one page keep separate active steps and separate keyboard focus, and leave the URL alone', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl('demos/two.html'), { waitForStory: false });
  await waitForStories(page, 2);
  const secondStart = await activeSteps(page, '#second');
  // Scroll through the first story only: the second stays where it started.
  await wheelThrough(page, 6, 500, async (stop) => {
    await expectActiveAtReadingLine(page, `first, stop ${stop}`, { selector: '#first' });
    expect(await activeSteps(page, '#second')).toEqual(secondStart);
  });
  const firstStep = await page.evaluate(() => document.querySelector('#first')?.shadowRoot?.querySelector<HTMLElement>('.step')?.dataset.stepId);
  expect(await activeSteps(page, '#first')).not.toEqual([firstStep]);

  // Keyboard focus on a step of the second story moves the second story only.
  const target = demoStory.steps[3]!.id;
  await page.evaluate((id) => document.querySelector('#second')?.shadowRoot?.querySelector<HTMLElement>(`[data-step-id="${id}"]`)?.focus(), target);
  await settle(page);
  expect(await activeSteps(page, '#second')).toEqual([target]);
  await expectActiveAtReadingLine(page, 'second after focus', { selector: '#second' });
  // The page scrolled past the first story, which follows its own positions: now its last step.
  await expectActiveAtReadingLine(page, 'first after the jump', { selector: '#first' });
  const focus = await page.evaluate(() => ({
    host: document.activeElement?.id,
    inFirst: document.querySelector('#first')?.shadowRoot?.activeElement ?? null,
    inSecond: (document.querySelector('#second')?.shadowRoot?.activeElement as HTMLElement | null)?.dataset.stepId,
  }));
  expect(focus).toEqual({ host: 'second', inFirst: null, inSecond: target });
  // Tab moves focus within the second story, not into the first.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('second');
  expect(new URL(page.url()).hash).toBe('');
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await close();
});

test('a story inside a scrolling box steps with the box, not the window', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl('demos/container.html'), { waitForStory: false });
  await waitForStories(page, 1);
  const panel = await page.locator('.scroll-panel').boundingBox();
  if (!panel) throw new Error('no panel');
  await page.mouse.move(panel.x + panel.width / 2, panel.y + panel.height / 2);
  const seen: string[] = [];
  await wheelThrough(page, 10, 350, async (stop) => {
    seen.push(await expectActiveAtReadingLine(page, `container, stop ${stop}`));
  });
  expect(new Set(seen).size).toBeGreaterThanOrEqual(demoStory.steps.length - 1);
  expect(seen.at(-1)).toBe(demoStory.steps.at(-1)!.id);
  const scrolled = await page.evaluate(() => ({ window: scrollY, panel: document.querySelector('.scroll-panel')?.scrollTop ?? 0 }));
  expect(scrolled.panel).toBeGreaterThan(1000);
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await close();
});

test('under a fixed header, the sticky chart and the reading line sit below it', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl('demos/fixed-header.html'), { viewport: PHONE, waitForStory: false });
  await waitForStories(page, 1);
  await wheelThrough(page, 8, 700, async (stop) => {
    await expectActiveAtReadingLine(page, `fixed header, stop ${stop}`, { headerOffset: 64 });
  });
  const graphicTop = await page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.querySelector('.graphic')?.getBoundingClientRect().top);
  expect(graphicTop).toBeCloseTo(64, 0);
  // A jump puts the step's heading below the header and the chart, where it can be read.
  await page.evaluate(() => document.querySelector('tide-story')?.goToStep('rubio-within-days'));
  await settle(page);
  expect(await activeSteps(page)).toEqual(['rubio-within-days']);
  const headingTop = await page.evaluate(
    () => document.querySelector('tide-story')?.shadowRoot?.querySelector('[data-step-id="rubio-within-days"] h3')?.getBoundingClientRect().top ?? 0,
  );
  const chartBottom = await page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.querySelector('.graphic')?.getBoundingClientRect().bottom ?? 0);
  expect(headingTop).toBeGreaterThanOrEqual(chartBottom);
  expect(problems).toEqual([]);
  await close();
});

/** Computed styles of pieces inside the story that a hostile host might try to change. */
function storyStyles(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(() => {
    const root = document.querySelector('tide-story')?.shadowRoot;
    const timeline = root?.querySelector('tide-timeline')?.shadowRoot;
    const pieces: Record<string, Element | null | undefined> = {
      title: root?.querySelector('.story-header h2'),
      stepHeading: root?.querySelector('.step h3'),
      stepText: root?.querySelector('.step p:not(.step-when)'),
      steps: root?.querySelector('.steps'),
      contents: root?.querySelector('.contents ol'),
      chart: timeline?.querySelector('svg.chart'),
      label: timeline?.querySelector('text.label'),
      legend: timeline?.querySelector('.legend'),
    };
    const properties = [
      'font-family', 'font-size', 'font-style', 'font-weight', 'color', 'line-height', 'letter-spacing', 'word-spacing',
      'text-indent', 'text-transform', 'text-align', 'text-shadow', 'box-sizing', 'margin-top', 'padding-top', 'display',
      'list-style-type', 'border-bottom-width', 'fill', 'visibility',
    ];
    return Object.fromEntries(
      Object.entries(pieces).map(([name, element]) => {
        if (!element) return [name, { missing: 'yes' }];
        const style = getComputedStyle(element);
        return [name, Object.fromEntries(properties.map((property) => [property, style.getPropertyValue(property)]))];
      }),
    );
  });
}

function hostStyles(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.host-section, .host-section h2, .host-section p, body')].map((element) => {
      const style = getComputedStyle(element);
      return ['font-family', 'color', 'background-color', 'line-height', 'box-sizing', 'text-indent', 'border-bottom-width'].map((p) => style.getPropertyValue(p)).join('|');
    }),
  );
}

test('hostile host CSS does not restyle the story, and the story does not restyle the host', async () => {
  const plain = await openPage(browser(), siteUrl('demos/second-story.html'), { waitForStory: false });
  await waitForStories(plain.page, 1);
  const expected = await storyStyles(plain.page);
  await plain.close();

  const hostile = await openPage(browser(), siteUrl('demos/hostile.html'), { waitForStory: false });
  await waitForStories(hostile.page, 1);
  expect(await storyStyles(hostile.page)).toEqual(expected);
  const withStory = await hostStyles(hostile.page);
  expect(await cspViolations(hostile.page)).toEqual([]);
  expect(hostile.problems).toEqual([]);
  await hostile.close();

  // The same host page without the component's script: its own styles are the same.
  const bare = await openPage(browser(), siteUrl('demos/hostile.html'), { waitForStory: false });
  await bare.page.route('**/lib/tideline.js', (route) => route.abort());
  await bare.page.reload();
  expect(await hostStyles(bare.page)).toEqual(withStory);
  await bare.close();
});

test('theme="dark" forces dark colours on a light page; custom properties and inherit-font restyle an instance', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl('demos/dark.html'), { colorScheme: 'light', waitForStory: false });
  await waitForStories(page, 2);
  const seen = await page.evaluate(() => {
    const [dark, brand] = [...document.querySelectorAll('tide-story')];
    const background = (story: Element | undefined) => getComputedStyle(story!).backgroundColor;
    return {
      dark: background(dark),
      brand: background(brand),
      brandKicker: getComputedStyle(brand!.shadowRoot!.querySelector('.kicker')!).color,
      brandText: getComputedStyle(brand!.shadowRoot!.querySelector('.step p:not(.step-when)')!).fontFamily,
      darkText: getComputedStyle(dark!.shadowRoot!.querySelector('.step p:not(.step-when)')!).fontFamily,
      page: getComputedStyle(document.body).fontFamily,
    };
  });
  const luminance = (rgb: string) => {
    const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
    return (0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)) / 255;
  };
  expect(luminance(seen.dark)).toBeLessThan(0.15);
  expect(luminance(seen.brand)).toBeGreaterThan(0.9);
  expect(seen.brandKicker).toBe('rgb(107, 47, 160)');
  expect(seen.brandText).toBe(seen.page);
  expect(seen.darkText).not.toBe(seen.page);
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await close();
});

test('the second story, invented demo content, renders through the same components', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl('demos/second-story.html'), { waitForStory: false });
  await waitForStories(page, 1);
  const seen = await page.evaluate(() => {
    const root = document.querySelector('tide-story')?.shadowRoot;
    const timeline = root?.querySelector('tide-timeline')?.shadowRoot;
    return {
      title: root?.querySelector('.story-header h2')?.textContent?.trim(),
      steps: [...(root?.querySelectorAll<HTMLElement>('.step') ?? [])].map((step) => step.dataset.stepId),
      quotes: [...(root?.querySelectorAll('blockquote') ?? [])].map((quote) => quote.textContent?.trim()),
      marks: new Set([...(timeline?.querySelectorAll<SVGElement>('[data-event-id]') ?? [])].map((mark) => mark.dataset.eventId)).size,
    };
  });
  expect(seen.title).toBe(demoStory.title);
  expect(seen.steps).toEqual(demoStory.steps.map((step) => step.id));
  for (const quote of demoStory.quotes) expect(seen.quotes.some((text) => text?.includes(quote.text))).toBe(true);
  expect(seen.marks).toBe(demoStory.events.filter((event) => !event.context).length);
  expect(problems).toEqual([]);
  await close();
});

for (const framework of ['react', 'vue'] as const) {
  test(`in a ${framework} page, properties set on the element take effect and its events reach the app`, async () => {
    const { page, problems, close } = await openPage(browser(), siteUrl(`demos/${framework}.html`), { waitForStory: false });
    await waitForStories(page, 1);
    await page.selectOption('#story-choice', '../data/demo-library-flood.json');
    await page.waitForFunction((title) => document.querySelector('tide-story')?.shadowRoot?.querySelector('.story-header h2')?.textContent?.trim() === title, demoStory.title);
    await expect.poll(() => page.textContent('.demo-status')).toBe(`Ready: ${demoStory.steps.length} steps`);
    const properties = await page.evaluate(() => {
      const story = document.querySelector('tide-story');
      return { offset: story?.offset, headingLevel: story?.headingLevel };
    });
    expect(properties).toEqual({ offset: 0.4, headingLevel: 2 });
    await wheelThrough(page, 6, 500, async (stop) => {
      const active = await expectActiveAtReadingLine(page, `${framework}, stop ${stop}`, { offset: 0.4 });
      const index = demoStory.steps.findIndex((step) => step.id === active);
      if (index > 0) expect(await page.textContent('.demo-status')).toBe(`Step ${index + 1}: ${active}`);
    });
    expect(await page.textContent('.demo-status')).toMatch(/^Step \d+: /);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
}

test('start-step opens the story at that step, and a deep link still wins when deep-link is on', async () => {
  const markup = (extra: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>start step</title><script type="module" src="%BUNDLE%"></script></head>
    <body><main><h1>Host</h1><tide-story src="../data/demo-library-flood.json" start-step="closed" ${extra}></tide-story></main></body></html>`;
  const plain = await openPage(browser(), fixturePage('start-step', markup('')), { waitForStory: false });
  await waitForStories(plain.page, 1);
  await settle(plain.page);
  expect(await activeSteps(plain.page)).toEqual(['closed']);
  await expectActiveAtReadingLine(plain.page, 'start step');
  await plain.close();
  const linked = await openPage(browser(), `${fixturePage('start-step-linked', markup('deep-link'))}#chain`, { waitForStory: false });
  await waitForStories(linked.page, 1);
  await settle(linked.page);
  expect(await activeSteps(linked.page)).toEqual(['chain']);
  await linked.close();
});
