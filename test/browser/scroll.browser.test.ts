import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  activeSteps, DESKTOP, expectActiveAtReadingLine, openPage, PHONE, scrollStepTo, seededRandom, settle, sharedBrowser, siteUrl, stepIds, waitForStory,
} from './harness.ts';

const browser = sharedBrowser();

async function waitForScrollToStop(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const before = scrollY;
        setTimeout(() => resolve(scrollY === before), 150);
      }),
  );
  await settle(page);
}

const maxScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollHeight - innerHeight);

/** Jumps with scrollTo to seeded random positions; after each, the step at the reading line must be the one active. */
async function expectJumpsFollowed(page: Page, seed: number, count: number, context: string): Promise<void> {
  const random = seededRandom(seed);
  const bottom = await maxScroll(page);
  for (let jump = 0; jump < count; jump += 1) {
    const y = Math.round(random() * bottom);
    await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
    await settle(page);
    await expectActiveAtReadingLine(page, `${context} scrollTo(${y})`.trim());
  }
}

for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
  describe(`on a ${device} (${viewport.width}×${viewport.height})`, () => {
    test('wheel scrolling visits every step in order, with exactly one active step at each stop', async () => {
      const { page, problems, close } = await openPage(browser(), siteUrl(), { viewport });
      const ids = await stepIds(page);
      expect(ids.length).toBeGreaterThanOrEqual(12);
      expect(ids.length).toBeLessThanOrEqual(20);
      await page.mouse.move(viewport.width / 2, viewport.height - 20);
      const visited: string[] = [];
      const bottom = await maxScroll(page);
      for (let guard = 0; guard < 200; guard += 1) {
        await page.mouse.wheel(0, Math.round(viewport.height * 0.3));
        await settle(page);
        const active = await expectActiveAtReadingLine(page, `wheel stop ${guard}`);
        if (visited.at(-1) !== active) visited.push(active);
        if ((await page.evaluate(() => scrollY)) >= bottom - 1) break;
      }
      expect(visited).toEqual(ids);
      expect(problems).toEqual([]);
      await close();
    });

    test('End and Home jump to the last and first steps', async () => {
      const { page, close } = await openPage(browser(), siteUrl(), { viewport });
      const ids = await stepIds(page);
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('End');
      await waitForScrollToStop(page);
      expect(await expectActiveAtReadingLine(page, 'after End')).toBe(ids.at(-1));
      await page.keyboard.press('Home');
      await waitForScrollToStop(page);
      expect(await expectActiveAtReadingLine(page, 'after Home')).toBe(ids[0]);
      await close();
    });

    test('a deep link opens on its step, active and in view', async () => {
      for (const id of ['dnipro', 'rubio-matter-of-days', 'london-expected']) {
        const { page, problems, close } = await openPage(browser(), siteUrl(`#${id}`), { viewport });
        await settle(page);
        expect(await activeSteps(page), id).toEqual([id]);
        await expectActiveAtReadingLine(page, `deep link #${id}`);
        const top = await page.evaluate(
          (stepId) => document.querySelector('tide-story')?.shadowRoot?.querySelector(`[data-step-id="${stepId}"]`)?.getBoundingClientRect().top ?? NaN,
          id,
        );
        expect(top, id).toBeGreaterThanOrEqual(0);
        expect(top, id).toBeLessThan(viewport.height / 2 + 100);
        expect(problems).toEqual([]);
        await close();
      }
    });

    test('the URL follows the story without adding history entries, and back/forward return to linked steps', async () => {
      const { page, close } = await openPage(browser(), siteUrl(), { viewport });
      const startLength = await page.evaluate(() => history.length);
      const ids = await stepIds(page);
      for (const index of [3, 6, 9]) {
        await scrollStepTo(page, ids[index] ?? '', 0.3);
        const active = await expectActiveAtReadingLine(page, `step ${index}`);
        await page.waitForFunction((id) => location.hash === `#${id}`, active);
      }
      expect(await page.evaluate(() => history.length)).toBe(startLength);

      // A link in the story's contents adds one entry; back returns to where the reader was.
      // Opening the contents scrolls it into view, which may change the step the URL names.
      const contents = page.getByRole('navigation', { name: 'Steps in this story' });
      await contents.getByText(/^All \d+ steps$/).click();
      await settle(page);
      const [before = ''] = await activeSteps(page);
      await page.waitForFunction((id) => location.hash === `#${id}`, before);
      await contents.getByRole('link', { name: 'Next: London, early next week' }).click();
      await settle(page);
      expect(await activeSteps(page)).toEqual(['london-expected']);
      await page.goBack();
      await settle(page);
      expect(await activeSteps(page)).toEqual([before]);
      await expectActiveAtReadingLine(page, 'after back');
      await page.goForward();
      await settle(page);
      expect(await activeSteps(page)).toEqual(['london-expected']);
      await close();
    });

    test('a reload mid-story comes back to the same step', async () => {
      const { page, close } = await openPage(browser(), siteUrl(), { viewport });
      const ids = await stepIds(page);
      await scrollStepTo(page, ids[10] ?? '', 0.35);
      const before = await expectActiveAtReadingLine(page, 'before reload');
      await page.waitForFunction((id) => location.hash === `#${id}`, before);
      await page.reload();
      await waitForStory(page);
      await settle(page);
      expect(await expectActiveAtReadingLine(page, 'after reload')).toBe(before);
      await close();
    });
  });
}

test('resizing and rotating keep exactly one active step, at the reading line', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl('#kharkiv'), { viewport: DESKTOP });
  for (const size of [PHONE, { width: 844, height: 390 }, { width: 320, height: 568 }, DESKTOP, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await settle(page);
    await settle(page);
    await expectActiveAtReadingLine(page, `resized to ${size.width}×${size.height}`);
  }
  expect(problems).toEqual([]);
  await close();
});

test('at 200% zoom (a 1280×800 window shows 640×400 CSS pixels) steps still follow the reading line', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl('#paris-talks'), { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  await settle(page);
  expect(await activeSteps(page)).toEqual(['paris-talks']);
  await expectJumpsFollowed(page, 200, 12, 'zoomed');
  expect(problems).toEqual([]);
  await close();
});

test('moving the story to another container keeps it stepping, without jumping the page', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl('#paris-talks'), { viewport: PHONE });
  await scrollStepTo(page, 'kharkiv', 0.4);
  const before = await page.evaluate(() => scrollY);
  await page.evaluate(() => {
    const story = document.querySelector('tide-story');
    const wrapper = document.createElement('div');
    story?.replaceWith(wrapper);
    if (story) wrapper.append(story);
  });
  await settle(page);
  expect(await page.evaluate(() => scrollY)).toBe(before);
  expect(await expectActiveAtReadingLine(page, 'after moving')).toBe('kharkiv');
  await expectJumpsFollowed(page, 11, 8, 'after moving');
  expect(problems).toEqual([]);
  await close();
});

test('a reader who scrolled down the static page before the script arrived is not moved when the story renders', async () => {
  const context = await browser().newContext({ viewport: PHONE });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // A slow connection: the page's script arrives only after the reader has scrolled.
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  // Module scripts hold back DOMContentLoaded, so wait only for the page to begin.
  await page.goto(siteUrl(), { waitUntil: 'commit' });
  await page.waitForFunction(() => document.documentElement.scrollHeight > 4 * innerHeight);
  const y = await page.evaluate(() => Math.round(document.documentElement.scrollHeight * 0.6));
  await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
  // Where the reader is, every frame while the story arrives and renders.
  await page.evaluate(() => {
    const seen: number[] = [];
    Object.assign(window, { __seenScroll: seen });
    const sample = () => {
      seen.push(scrollY);
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
  release();
  await waitForStory(page);
  await settle(page);
  const seen = await page.evaluate(() => (window as unknown as { __seenScroll: number[] }).__seenScroll);
  expect(seen.length).toBeGreaterThan(5);
  expect(new Set(seen)).toEqual(new Set([y]));
  await expectActiveAtReadingLine(page, 'after the story rendered');
  expect(problems).toEqual([]);
  await context.close();
});
