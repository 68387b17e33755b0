import { describe, expect, test } from 'vitest';
import { activeSteps, DESKTOP, expectNoAxeViolations, goToStep, openPage, PHONE, reportFigure, settle, sharedBrowser, siteUrl, stepIds } from './harness.ts';

const browser = sharedBrowser();

/** 1280 px, and 320 px: a phone, and a 1280 px window at 400% zoom. */
const AXE_VIEWPORTS = [
  ['320 px', { width: 320, height: 640 }],
  ['1280 px', { width: 1280, height: 800 }],
] as const;
let axeStates = 0;

for (const colorScheme of ['light', 'dark'] as const) {
  for (const [width, viewport] of AXE_VIEWPORTS) {
    test(`axe finds no violations at every step, scrolling and presenting (${width}, ${colorScheme})`, async () => {
      const { page, problems, close } = await openPage(browser(), siteUrl(), { viewport, colorScheme, reducedMotion: 'reduce' });
      const ids = await stepIds(page);
      // The whole page once; then, at every step, what a step change redraws: the step, the chart and the announcement.
      await expectNoAxeViolations(page, `the whole page (${width}, ${colorScheme})`);
      for (const id of ids) {
        await goToStep(page, id);
        await expectNoAxeViolations(page, `scrolling, at ${id} (${width}, ${colorScheme})`, [`.steps > .step[data-step-id="${id}"]`, '.graphic', '[aria-live]']);
        axeStates += 1;
      }
      await goToStep(page, ids[0] ?? '');
      await page.click('tide-story button.present');
      await expectNoAxeViolations(page, `the whole page, presenting (${width}, ${colorScheme})`);
      // The counter reads "n / 18"; the last slide, what happened next, shows "Later reporting".
      const counter = () => page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.querySelector('.deck-counter')?.textContent?.replace(/\s+/g, ' ').trim() ?? '');
      const labels = [...ids.map((_, index) => `${index + 1} / ${ids.length}`), 'Later reporting'];
      for (const label of labels) {
        await page.waitForFunction((expected) => document.querySelector('tide-story')?.shadowRoot?.querySelector('.deck-counter')?.textContent?.replace(/\s+/g, ' ').trim().startsWith(expected), label);
        await expectNoAxeViolations(page, `presenting, slide ${await counter()} (${width}, ${colorScheme})`, ['dialog.deck']);
        axeStates += 1;
        await page.keyboard.press('ArrowRight');
      }
      expect(problems).toEqual([]);
      await close();
    });
  }
}

test('the axe sweep covered every state', () => {
  // 4 sweeps × (18 steps + 19 slides), counted as they ran.
  expect(axeStates).toBe(4 * (18 + 19));
  reportFigure('axe states checked (every step and slide, light and dark, 320 and 1280 px)', axeStates);
});

test('at 400% zoom (a 1280×800 window shows 320×200 CSS pixels) nothing scrolls sideways, scrolling or presenting', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl(), { viewport: { width: 320, height: 200 }, deviceScaleFactor: 4, reducedMotion: 'reduce' });
  const overflow = () =>
    page.evaluate(() => {
      const root = document.documentElement;
      const deck = document.querySelector('tide-story')?.shadowRoot?.querySelector<HTMLElement>('dialog.deck[open]');
      return { page: root.scrollWidth - root.clientWidth, deck: deck ? deck.scrollWidth - deck.clientWidth : 0 };
    });
  const ids = await stepIds(page);
  for (const id of ids) {
    await goToStep(page, id);
    expect(await overflow(), id).toEqual({ page: 0, deck: 0 });
  }
  await goToStep(page, ids[0] ?? '');
  await page.click('tide-story button.present');
  for (let slide = 0; slide <= ids.length; slide += 1) {
    expect(await overflow(), `slide ${slide + 1}`).toEqual({ page: 0, deck: 0 });
    await page.keyboard.press('ArrowRight');
  }
  expect(problems).toEqual([]);
  await close();
});

describe('motion', () => {
  test('animates the chart and quotes by default, and not at all under prefers-reduced-motion', async () => {
    const durations = async (reducedMotion: 'reduce' | 'no-preference') => {
      const { page, close } = await openPage(browser(), siteUrl(), { viewport: DESKTOP, reducedMotion });
      const result = await page.evaluate(() => {
        const root = document.querySelector('tide-story')?.shadowRoot;
        const chart = root?.querySelector('tide-timeline')?.shadowRoot;
        const longest = (element: Element | null | undefined) =>
          Math.max(...getComputedStyle(element ?? document.body).transitionDuration.split(',').map((value) => parseFloat(value)));
        return [longest(chart?.querySelector('.mark')), longest(root?.querySelector('.quote')), longest(root?.querySelector('.step-card'))];
      });
      await close();
      return result;
    };
    expect((await durations('no-preference')).every((seconds) => seconds > 0)).toBe(true);
    expect(await durations('reduce')).toEqual([0, 0, 0]);
  });
});

test('a keyboard-only reader can tab to every step, which becomes active with a visible focus ring', async () => {
  const { page, close } = await openPage(browser(), siteUrl(), { viewport: PHONE });
  const ids = await stepIds(page);
  const reached: string[] = [];
  for (let press = 0; press < 120 && reached.length < ids.length; press += 1) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      const step = active instanceof HTMLElement && active.classList.contains('step') ? active : null;
      const card = step?.querySelector('.step-card');
      const rect = step?.getBoundingClientRect();
      return step && card
        ? { id: step.dataset.stepId ?? '', outline: getComputedStyle(card).outlineStyle, width: parseFloat(getComputedStyle(card).outlineWidth), top: rect?.top ?? -1, bottom: rect?.bottom ?? -1 }
        : null;
    });
    if (!focus) continue;
    await settle(page);
    expect(await activeSteps(page), `focused ${focus.id}`).toEqual([focus.id]);
    expect(focus.outline, focus.id).toBe('solid');
    expect(focus.width, focus.id).toBeGreaterThanOrEqual(2);
    reached.push(focus.id);
  }
  expect(reached).toEqual(ids);
  await close();
});

test('the page has one h1, a main landmark, step headings one level down, and a named steps navigation', async () => {
  const { page, close } = await openPage(browser(), siteUrl(), { viewport: DESKTOP });
  expect(await page.getByRole('main').count()).toBe(1);
  expect(await page.getByRole('heading', { level: 1 }).allInnerTexts()).toEqual(['From Sumy to Paris: the week the US warned it may walk away']);
  const stepHeadings = await page.evaluate(() =>
    [...(document.querySelector('tide-story')?.shadowRoot?.querySelectorAll('.step-card > h2') ?? [])].length,
  );
  expect(stepHeadings).toBe((await stepIds(page)).length);
  expect(await page.getByRole('navigation', { name: 'Steps in this story' }).count()).toBe(1);
  await close();
});

test('with JavaScript off, the whole story reads in order: every step, quote and source', async () => {
  const withScript = await openPage(browser(), siteUrl(), { viewport: DESKTOP });
  const titles = await withScript.page.evaluate(() =>
    [...(document.querySelector('tide-story')?.shadowRoot?.querySelectorAll('.step-card > h2') ?? [])].map((heading) => heading.textContent ?? ''),
  );
  await withScript.close();

  const { page, close } = await openPage(browser(), siteUrl(), { viewport: PHONE, javaScriptEnabled: false });
  const text = await page.locator('main').innerText();
  const positions = titles.map((title) => text.indexOf(title));
  expect(positions.every((position) => position >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  for (const words of [
    'We need to determine very quickly now – and I’m talking about a matter of days – whether or not this is doable in the next few weeks.',
    'We’re not going to continue with this endeavour for weeks and months on end',
    'This is how Russia began this Good Friday',
    'How many were hurt in Kharkiv?',
    'U.S. Secretary of State Marco Rubio warned Friday',
  ]) {
    expect(text).toContain(words);
  }
  expect(await page.locator('.tide-fallback').evaluate((element) => getComputedStyle(element).visibility)).toBe('visible');
  expect(await page.getByRole('table').getByRole('row').count()).toBe(1 + 17);
  await close();
});

test('the live region announces only the new step’s heading and date', async () => {
  const { page, close } = await openPage(browser(), siteUrl(), { viewport: DESKTOP });
  const live = () => page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.querySelector('[aria-live="polite"]')?.textContent?.trim() ?? '');
  expect(await live()).toBe('');
  await goToStep(page, 'paris-talks');
  expect((await live()).replace(/,? (\d)/, ' $1')).toMatch(/^Thursday: talks in Paris, Thursday 17 April 2025$/);
  await goToStep(page, 'earlier-talks');
  expect(await live()).toMatch(/^Before this week: three meetings with Putin, 11 February\s*–\s*11 April 2025$/);
  await close();
});

test('opening a link to the events table lands on the table', async () => {
  const { page, close } = await openPage(browser(), siteUrl('#tl-events'), { viewport: PHONE });
  await settle(page);
  const heading = await page.evaluate(() => {
    const target = document.querySelector('tide-story')?.shadowRoot?.getElementById('tl-events');
    return { top: target?.getBoundingClientRect().top ?? -1, focused: document.querySelector('tide-story')?.shadowRoot?.activeElement === target };
  });
  expect(heading.focused).toBe(true);
  expect(heading.top).toBeGreaterThanOrEqual(0);
  expect(heading.top).toBeLessThan(PHONE.height / 2);
  await close();
});
