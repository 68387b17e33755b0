import type { Page } from 'playwright-core';
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
    // Scrolling and presenting are separate tests: together they passed the 60 s limit on a busy machine.
    test(`axe finds no violations at every step, scrolling (${width}, ${colorScheme})`, async () => {
      const { page, problems, close } = await openPage(browser(), siteUrl(), { viewport, colorScheme, reducedMotion: 'reduce' });
      const ids = await stepIds(page);
      // The whole page once; then, at every step, what a step change redraws: the step, the chart and the announcement.
      await expectNoAxeViolations(page, `the whole page (${width}, ${colorScheme})`);
      for (const id of ids) {
        await goToStep(page, id);
        await expectNoAxeViolations(page, `scrolling, at ${id} (${width}, ${colorScheme})`, [`.steps > .step[data-step-id="${id}"]`, '.graphic', '[aria-live]']);
        axeStates += 1;
      }
      expect(problems).toEqual([]);
      await close();
    });

    test(`axe finds no violations on every slide, presenting (${width}, ${colorScheme})`, async () => {
      const { page, problems, close } = await openPage(browser(), siteUrl(), { viewport, colorScheme, reducedMotion: 'reduce' });
      const ids = await stepIds(page);
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
        const longest = (element: Element | null | undefined, pseudo?: string) =>
          Math.max(...getComputedStyle(element ?? document.body, pseudo).transitionDuration.split(',').map((value) => parseFloat(value)));
        // The active step's panel fades in on the card's ::before.
        return [longest(chart?.querySelector('.mark')), longest(root?.querySelector('.quote')), longest(root?.querySelector('.step-card'), '::before')];
      });
      await close();
      return result;
    };
    expect((await durations('no-preference')).every((seconds) => seconds > 0)).toBe(true);
    expect(await durations('reduce')).toEqual([0, 0, 0]);
  });
});

/** The focused element, through shadow roots, and whether a reader can see it and its focus ring. */
function readFocus(page: Page) {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!(active instanceof HTMLElement) || active === document.body) return null;
    const step = active.classList.contains('step') ? active : null;
    const ringed = step?.querySelector('.step-card') ?? active;
    const style = getComputedStyle(ringed);
    const rect = active.getBoundingClientRect();
    // Not obscured: the middle of its first line is the element itself, not the sticky chart over it.
    const x = rect.left + Math.min(rect.width / 2, 40);
    const y = rect.top + Math.min(rect.height / 2, 10);
    const root = active.getRootNode() as Document | ShadowRoot;
    const hit = root.elementFromPoint(x, y);
    // Not cut off: no ancestor that clips what overflows it (overflow, or paint containment) cuts into the ring.
    const ringBox = ringed.getBoundingClientRect();
    const ringOut = parseFloat(style.outlineWidth) + Math.max(parseFloat(style.outlineOffset) || 0, 0);
    let clippedBy = '';
    for (let node = ringed.parentElement ?? (ringed.getRootNode() as ShadowRoot).host; node && node !== document.body; node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host) {
      const clip = getComputedStyle(node);
      if (!/paint|strict|content/.test(clip.contain) && clip.overflowX === 'visible' && clip.overflowY === 'visible') continue;
      const box = node.getBoundingClientRect();
      const margin = parseFloat(clip.overflowClipMargin) || 0;
      const inside =
        ringBox.left - ringOut >= box.left + node.clientLeft - margin - 0.5 &&
        ringBox.top - ringOut >= box.top + node.clientTop - margin - 0.5 &&
        ringBox.right + ringOut <= box.left + node.clientLeft + node.clientWidth + margin + 0.5 &&
        ringBox.bottom + ringOut <= box.top + node.clientTop + node.clientHeight + margin + 0.5;
      if (!inside) clippedBy ||= `${node.localName}.${[...node.classList].join('.')}`;
    }
    return {
      key: step ? `step ${step.dataset.stepId ?? ''}` : `${active.localName} ${(active.getAttribute('href') ?? active.textContent ?? '').trim().slice(0, 60)}`,
      stepId: step?.dataset.stepId,
      ring: style.outlineStyle !== 'none' && (style.outlineStyle === 'auto' || parseFloat(style.outlineWidth) >= 2),
      inView: rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth,
      unobscured: !!hit && (hit === active || active.contains(hit)),
      clippedBy,
    };
  });
}

/** Every element a keyboard can reach on the page, through shadow roots, as readFocus names them. */
function focusableKeys(page: Page) {
  return page.evaluate(() => {
    const keys: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll<HTMLElement>('a[href], button, summary, [tabindex]')) {
        if (element.shadowRoot) walk(element.shadowRoot);
        if (element.matches(':disabled, [tabindex="-1"], [inert] *') || !element.checkVisibility({ visibilityProperty: true })) continue;
        const closedDetails = element.closest('details:not([open])');
        if (element.closest('dialog:not([open])') || (closedDetails && !(element.localName === 'summary' && element.parentElement === closedDetails))) continue;
        const step = element.classList.contains('step') ? element : null;
        keys.push(step ? `step ${step.dataset.stepId ?? ''}` : `${element.localName} ${(element.getAttribute('href') ?? element.textContent ?? '').trim().slice(0, 60)}`);
      }
      for (const host of root.querySelectorAll('*')) if (host.shadowRoot && !host.matches('a[href], button, summary, [tabindex]')) walk(host.shadowRoot);
    };
    walk(document);
    return keys;
  });
}

for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
  test(`a keyboard-only walk (${device}) reaches every step, control and link, with focus visible and never lost or hidden`, async () => {
    const { page, problems, close } = await openPage(browser(), siteUrl(), { viewport, reducedMotion: 'reduce' });
    const expected = await focusableKeys(page);
    const reached: string[] = [];
    for (let press = 0; press < 300; press += 1) {
      await page.keyboard.press('Tab');
      const focus = await readFocus(page);
      // Past the last control, focus leaves the page for the browser's own controls.
      if (!focus) break;
      if (focus.stepId) {
        // A focused step becomes the active one, and keeps the focus as the story moves to it.
        await settle(page);
        expect(await activeSteps(page), focus.key).toEqual([focus.stepId]);
        expect((await readFocus(page))?.key, `focus lost after ${focus.key} became active`).toBe(focus.key);
      }
      expect(focus.ring, `no focus ring on ${focus.key}`).toBe(true);
      expect(focus.clippedBy, `the focus ring on ${focus.key} is cut off by ${focus.clippedBy}`).toBe('');
      expect(focus.inView, `${focus.key} is off screen`).toBe(true);
      expect(focus.unobscured, `${focus.key} is hidden under something`).toBe(true);
      reached.push(focus.key);
    }
    expect(reached.length, 'the walk ended on the page').toBeLessThan(300);
    expect([...new Set(reached)].sort()).toEqual([...new Set(expected)].sort());
    expect((await stepIds(page)).every((id) => reached.includes(`step ${id}`))).toBe(true);
    expect(problems).toEqual([]);
    reportFigure(`keyboard stops in one Tab walk (${device})`, reached.length);
    await close();
  });
}

/** Heading levels in reading order, and landmark roles, from the page's accessibility tree. */
async function outline(page: Page, selector = 'body'): Promise<{ levels: number[]; landmarks: string[] }> {
  const tree = await page.locator(selector).ariaSnapshot();
  return {
    levels: [...tree.matchAll(/- '?heading .*?\[level=(\d)\]/g)].map((match) => Number(match[1])),
    landmarks: [...tree.matchAll(/- '?(banner|main|contentinfo|navigation|complementary|region|search|form)\b/g)].map((match) => match[1]!),
  };
}

/** Each heading at most one level below the one before it: no level is skipped on the way down. */
function skippedLevels(levels: number[]): string[] {
  return levels.flatMap((level, index) => (index > 0 && level > levels[index - 1]! + 1 ? [`h${levels[index - 1]} → h${level} at heading ${index + 1}`] : []));
}

test('landmarks and headings: one banner, main and footer, one h1, and no heading level skipped, scrolling or presenting', async () => {
  const { page, close } = await openPage(browser(), siteUrl(), { viewport: DESKTOP });
  const { levels, landmarks } = await outline(page);
  expect(landmarks.filter((role) => ['banner', 'main', 'contentinfo'].includes(role)).sort()).toEqual(['banner', 'contentinfo', 'main']);
  expect(levels.filter((level) => level === 1)).toHaveLength(1);
  expect(levels[0]).toBe(1);
  expect(skippedLevels(levels)).toEqual([]);
  expect(await page.getByRole('heading', { level: 1 }).allInnerTexts()).toEqual(['From Sumy to Paris: the week the US warned it may walk away']);
  // Every step is a heading one level below the story's title.
  const stepHeadings = await page.evaluate(() => [...(document.querySelector('tide-story')?.shadowRoot?.querySelectorAll('.step-card > h2') ?? [])].length);
  expect(stepHeadings).toBe((await stepIds(page)).length);
  expect(await page.getByRole('navigation', { name: 'Steps in this story' }).count()).toBe(1);
  // The deck, a modal dialog, has its own outline from the story's level.
  await page.click('tide-story button.present');
  const deck = await outline(page, 'tide-story dialog.deck');
  expect(deck.levels[0]).toBe(1);
  expect(skippedLevels(deck.levels)).toEqual([]);
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
