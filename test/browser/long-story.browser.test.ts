/**
 * A story fifty times the flagship's size renders a slice at a time. The reader must not be
 * able to tell, except that it arrives sooner: every step ends up on the page, every row of
 * its events table as the reader nears it, and links and deep links to what was not rendered
 * yet still land.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generateLargeStory } from '../bench/large-story.ts';
import { launchChromium } from './chromium.ts';
import { activeSteps, DESKTOP, expectNoAxeViolations, fixturePage, goToStep, openPage, PHONE, settle, sharedBrowser, waitForStory, type StoryPage } from './harness.ts';

const browser = sharedBrowser();
const story = generateLargeStory({ seed: 7 });
const STEPS = story.steps.length;
const EVENTS = story.events.length;

let url = '';

beforeAll(() => {
  const json = JSON.stringify(story).replaceAll('<', '\\u003c');
  url = fixturePage(
    'long-story',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long story</title><link rel="icon" href="data:,"><script type="module" src="%BUNDLE%"></script></head>
    <body><main><tide-story deep-link heading-level="1"><script type="application/json">${json}</script></tide-story></main></body></html>`,
  );
});

let open: StoryPage | undefined;
afterAll(() => open?.close());

function counts(page: Page): Promise<{ steps: number; rows: number }> {
  return page.evaluate(() => {
    const root = document.querySelector('tide-story')?.shadowRoot;
    return { steps: root?.querySelectorAll('.steps > .step').length ?? 0, rows: root?.querySelectorAll('.events-table tbody tr').length ?? 0 };
  });
}

async function everyStepRendered(page: Page): Promise<void> {
  await page.waitForFunction(
    (steps) => {
      const root = document.querySelector('tide-story')?.shadowRoot;
      return root?.querySelectorAll('.steps > .step').length === steps && !root.querySelector('article[aria-busy]');
    },
    STEPS,
    { timeout: 30_000 },
  );
}

async function everyRowRendered(page: Page): Promise<void> {
  await page.waitForFunction(
    (rows) => document.querySelector('tide-story')?.shadowRoot?.querySelectorAll('.events-table tbody tr').length === rows,
    EVENTS,
    { timeout: 30_000 },
  );
}

/** Follows the chart's link to the events table, as a reader would. */
async function followLinkToTable(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.querySelector<HTMLAnchorElement>('.graphic figcaption a')?.click());
}

/** For each of the events table's row groups, whether its rows are laid out, or skipped while off screen. */
function laidOutGroups(page: Page): Promise<boolean[]> {
  return page.evaluate(() =>
    [...(document.querySelector('tide-story')?.shadowRoot?.querySelectorAll('.events-table tbody') ?? [])].map(
      (group) => group.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }) ?? false,
    ),
  );
}

/** Where the active step sits on screen, and how far the page is scrolled. */
function readerPlace(page: Page): Promise<{ scrollY: number; top: number | undefined }> {
  return page.evaluate(() => ({ scrollY, top: document.querySelector('tide-story')?.shadowRoot?.querySelector('.steps > .step.is-active')?.getBoundingClientRect().top }));
}

test(`a story of ${EVENTS} events and ${STEPS} steps paints its first steps first, then fills in every step, and its events table as the reader nears it`, async () => {
  open = await openPage(browser(), url, { viewport: PHONE, waitForStory: 'first-slice' });
  const { page, problems } = open;
  const atFirstPaint = await counts(page);
  expect(atFirstPaint.steps).toBeGreaterThan(0);
  expect(atFirstPaint.steps).toBeLessThan(STEPS);
  expect(await activeSteps(page)).toEqual([story.steps[0]?.id]);
  await everyStepRendered(page);
  // The table waits, and the story is no longer busy: screen readers read it as it is.
  await page.waitForTimeout(500);
  expect(await counts(page)).toEqual({ steps: STEPS, rows: 0 });
  // Filling in never moved the reader or the active step.
  expect(await page.evaluate(() => scrollY)).toBe(0);
  expect(await activeSteps(page)).toEqual([story.steps[0]?.id]);

  // The reader goes to the last step (End on a focused step): the rows follow, without moving them.
  await page.locator('tide-story').locator('.steps > .step').first().focus();
  await page.keyboard.press('End');
  await settle(page);
  expect(await activeSteps(page)).toEqual([story.steps[STEPS - 1]?.id]);
  const before = await readerPlace(page);
  await everyRowRendered(page);
  await settle(page);
  expect(await counts(page)).toEqual({ steps: STEPS, rows: EVENTS });
  expect(await readerPlace(page)).toEqual(before);
  expect(await activeSteps(page)).toEqual([story.steps[STEPS - 1]?.id]);
  expect(problems).toEqual([]);
  await open.close();
  open = undefined;
});

test('a deep link far into the story opens on its step, before the rest has rendered', async () => {
  const target = story.steps[250]?.id ?? '';
  open = await openPage(browser(), `${url}#${target}`, { viewport: PHONE, waitForStory: 'first-slice' });
  const { page, problems } = open;
  await settle(page);
  expect(await activeSteps(page)).toEqual([target]);
  const box = await page.evaluate((id) => {
    const step = document.querySelector('tide-story')?.shadowRoot?.querySelector(`[data-step-id="${id}"]`);
    return step ? { top: step.getBoundingClientRect().top, bottom: step.getBoundingClientRect().bottom } : undefined;
  }, target);
  expect(box && box.bottom > 0 && box.top < PHONE.height).toBe(true);
  await everyStepRendered(page);
  expect(await activeSteps(page)).toEqual([target]);
  // Fifty steps from the end, the events table still waits.
  expect((await counts(page)).rows).toBe(0);
  expect(problems).toEqual([]);
  await open.close();
  open = undefined;
});

test('the contents and the chart’s link to the events table reach what has not rendered yet', async () => {
  open = await openPage(browser(), url, { viewport: PHONE, waitForStory: 'first-slice' });
  const { page, problems } = open;
  // Straight away, while the story is still filling in: the last step, from the contents.
  const last = story.steps[STEPS - 1]?.id ?? '';
  // The list's links are built as the reader reaches for it: a keyboard reader's first Tab
  // after opening it, however quick, lands on the first step's link.
  const links = () => page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.querySelectorAll('.contents a').length);
  expect(await links()).toBe(0);
  await page.locator('tide-story').locator('.contents summary').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.activeElement?.getAttribute('href'))).toBe(`#${story.steps[0]?.id}`);
  expect(await links()).toBe(STEPS);
  await page.evaluate((id) => document.querySelector('tide-story')?.shadowRoot?.querySelector<HTMLAnchorElement>(`.contents a[href="#${id}"]`)?.click(), last);
  await settle(page);
  expect(await activeSteps(page)).toEqual([last]);

  // Afresh, and straight away again: the chart's link to the events table, which comes last.
  await page.goto(url);
  await waitForStory(page, { firstSlice: true });
  await followLinkToTable(page);
  await page.waitForFunction(() => document.querySelector('tide-story')?.shadowRoot?.activeElement?.id === 'tl-events', undefined, { timeout: 30_000 });
  const heading = await page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.getElementById('tl-events')?.getBoundingClientRect().top ?? -1);
  expect(heading).toBeGreaterThanOrEqual(0);
  expect(heading).toBeLessThan(PHONE.height);
  // The reader asked for the table: all of it, not what had rendered so far.
  expect((await counts(page)).rows).toBe(EVENTS);
  expect(problems).toEqual([]);
  await open.close();
  open = undefined;
});

test('at the whole year, the chart shows every event in one shape per kind, and the step’s own again on top, as marks of their own; back at the whole year after nine zoomed steps, the same', async () => {
  // Every tenth step of the generated story shows the whole year.
  const overview = story.steps[9];
  open = await openPage(browser(), `${url}#${overview?.id}`, { viewport: PHONE });
  const { page, problems } = open;
  await settle(page);
  expect(await activeSteps(page)).toEqual([overview?.id]);
  const sharedPaths = () =>
    page.evaluate(() => {
      const svg = document.querySelector('tide-story')?.shadowRoot?.querySelector('tide-timeline')?.shadowRoot?.querySelector('svg.chart');
      return [...(svg?.querySelectorAll('.mark-group') ?? [])].map((path) => `${path.getAttribute('class')} ${path.getAttribute('d')}`);
    });
  const chart = await page.evaluate(() => {
    const svg = document.querySelector('tide-story')?.shadowRoot?.querySelector('tide-timeline')?.shadowRoot?.querySelector('svg.chart');
    const own = [...(svg?.querySelectorAll<SVGElement>('.mark') ?? [])];
    const shared = [...(svg?.querySelectorAll('.mark-group') ?? [])];
    return {
      own: own.map((mark) => ({ id: mark.dataset.eventId, highlighted: mark.classList.contains('is-highlighted') })),
      // Each shape in a shared path begins with one moveto.
      sharedShapes: shared.reduce((total, path) => total + (path.getAttribute('d')?.match(/M/g)?.length ?? 0), 0),
      kinds: new Set(shared.map((path) => [...path.classList].find((name) => name.startsWith('kind-')))).size,
      elements: svg?.querySelectorAll('*').length ?? 0,
      // Later in the SVG is painted on top.
      ownOnTop: own.every((mark) => shared.every((path) => path.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING)),
    };
  });
  expect(chart.own.map((mark) => mark.id).sort()).toEqual([...(overview?.events ?? [])].sort());
  expect(chart.own.every((mark) => mark.highlighted)).toBe(true);
  expect(chart.sharedShapes).toBe(EVENTS);
  expect(chart.ownOnTop).toBe(true);
  expect(chart.kinds).toBe(story.kinds.length);
  // A few hundred elements at most, where one per event would be thousands.
  expect(chart.elements).toBeLessThan(300);

  // The chart keeps the whole year's marks while zooms come and go (more of them than it keeps views).
  const whole = await sharedPaths();
  for (const step of story.steps.slice(10, 20)) await goToStep(page, step.id);
  expect(await sharedPaths()).toEqual(whole);
  expect(problems).toEqual([]);
});

test.each([
  ['on a phone, where its rows stack as cards', PHONE],
  ['on a wide screen, where its rows are a grid', DESKTOP],
])('%s, the filled-in table lays out only the rows near the reader, yet any row can be scrolled to, read and focused', async (_where, viewport) => {
  open = await openPage(browser(), url, { viewport });
  const { page, problems } = open;
  await followLinkToTable(page);
  await everyRowRendered(page);
  await settle(page);
  const groups = () => laidOutGroups(page);
  const rendered = await groups();
  expect(rendered.length).toBeGreaterThan(1);
  expect(rendered[0]).toBe(true);
  expect(rendered.filter(Boolean).length).toBeLessThanOrEqual(2);

  // Far down the table: scrolled to, the row is laid out and on screen with its text.
  const far = story.events[Math.floor(EVENTS * 0.7)];
  const row = page.locator('tide-story').locator(`.events-table tr[data-event-id="${far?.id}"]`);
  await row.scrollIntoViewIfNeeded();
  await settle(page);
  await expect.poll(() => row.evaluate((element) => element.checkVisibility({ contentVisibilityAuto: true }))).toBe(true);
  const box = await row.boundingBox();
  expect(box && box.height > 0 && box.y < viewport.height && box.y + box.height > 0).toBe(true);
  expect(await row.innerText()).toContain(far?.title ?? '');
  expect((await groups())[0]).toBe(false);
  // axe on the rows as laid out: a skipped group has no layout to check, and its stale boxes overlap.
  const laidOut = (await groups()).flatMap((shown, index) => (shown ? [`.events-table > tbody:nth-of-type(${index + 1})`] : []));
  expect(laidOut.length).toBeGreaterThan(0);
  await expectNoAxeViolations(page, `long table at ${viewport.width} px`, ['.events-table > thead', ...laidOut]);

  // A link near the table's end, focused as a keyboard reader would reach it: on screen, its group unclipped.
  const link = page.locator('tide-story').locator('.events-table a.to-step').last();
  await link.focus();
  await settle(page);
  const focused = await link.evaluate((element) => ({
    top: element.getBoundingClientRect().top,
    clip: getComputedStyle(element.closest('tbody') ?? element).contentVisibility,
  }));
  expect(focused.top).toBeGreaterThanOrEqual(0);
  expect(focused.top).toBeLessThan(viewport.height);
  expect(focused.clip).toBe('visible');

  if (viewport === DESKTOP) {
    // Each row is a grid of its own: its cells must still stand under the column headings.
    const columns = await page.evaluate((id) => {
      const table = document.querySelector('tide-story')?.shadowRoot?.querySelector('.events-table');
      const edges = (cells: NodeListOf<Element> | undefined) => [...(cells ?? [])].map((cell) => Math.round(cell.getBoundingClientRect().left));
      return { headings: edges(table?.querySelectorAll('thead th')), row: edges(table?.querySelectorAll(`tr[data-event-id="${id}"] td`)) };
    }, far?.id);
    expect(columns.headings).toHaveLength(4);
    expect(new Set(columns.headings).size).toBe(4);
    expect(columns.row).toEqual(columns.headings);
  }

  // Printed, every group is laid out: none is left blank on paper.
  await page.emulateMedia({ media: 'print' });
  await expect.poll(async () => (await groups()).every(Boolean)).toBe(true);
  expect(problems).toEqual([]);
  await open.close();
  open = undefined;
});

test('a screen reader is given every row of a long table, also the rows not laid out while off screen', async () => {
  // Chromium builds its whole accessibility tree only when assistive technology asks for it; this switch asks.
  const reader = await launchChromium(['--force-renderer-accessibility']);
  try {
    for (const viewport of [PHONE, DESKTOP]) {
      const { page, problems, close } = await openPage(reader, url, { viewport });
      await followLinkToTable(page);
      await everyRowRendered(page);
      await settle(page);
      const skipped = (await laidOutGroups(page)).filter((laidOut) => !laidOut).length;
      expect(skipped).toBeGreaterThan(EVENTS / 20);

      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send('Accessibility.getFullAXTree');
      const exposed = (role: string) => nodes.filter((node) => !node.ignored && node.role?.value === role);
      // The heading row, and one for each event.
      expect(exposed('row')).toHaveLength(EVENTS + 1);
      const last = story.events.at(-1)?.title ?? '';
      expect(exposed('cell').some((cell) => String(cell.name?.value).includes(last))).toBe(true);
      expect(problems).toEqual([]);
      await close();
    }
  } finally {
    await reader.close();
  }
});
