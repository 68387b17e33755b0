/**
 * Presentation mode (issue 4): entering and leaving it, every navigation key and gesture,
 * keys staying inside the story, the counter, readable type, and teacher notes.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { activeSteps, expectActiveAtReadingLine, expectNoAxeViolations, goToStep, openPage, settle, sharedBrowser, siteUrl } from './harness.ts';

const browser = sharedBrowser();
const STORY = JSON.parse(readFileSync('data/sumy-paris-london.json', 'utf8')) as {
  steps: Array<{ id: string; title: string; notes: string[] }>;
};
const STEP_IDS = STORY.steps.map((step) => step.id);
const FULL_HD = { width: 1920, height: 1080 };

interface Deck {
  open: boolean;
  counter: string;
  /** The step on screen, or "" on the "what happened next" slide. */
  step: string;
  progress: number;
  notes: string[];
}

function readDeck(page: Page, selector = 'tide-story'): Promise<Deck> {
  return page.evaluate((storySelector) => {
    const deck = document.querySelector(storySelector)?.shadowRoot?.querySelector<HTMLDialogElement>('dialog.deck');
    return {
      open: !!deck?.open,
      counter: deck?.querySelector('.deck-counter [aria-hidden="true"]')?.textContent?.trim() ?? deck?.querySelector('.deck-counter')?.textContent?.trim() ?? '',
      step: deck?.querySelector<HTMLElement>('.deck-card .step')?.dataset.stepId ?? '',
      progress: deck?.querySelector('progress')?.value ?? -1,
      notes: [...(deck?.querySelectorAll('.teacher-notes li') ?? [])].map((item) => item.textContent?.trim() ?? ''),
    };
  }, selector);
}

/** Counts tide-step-change events from now on, so that a test can assert "exactly one step". */
async function countStepChanges(page: Page, selector = 'tide-story'): Promise<() => Promise<number>> {
  await page.evaluate((storySelector) => {
    const store = window as unknown as Record<string, number>;
    store[`changes:${storySelector}`] = 0;
    document.querySelector(storySelector)?.addEventListener('tide-step-change', () => store[`changes:${storySelector}`]!++);
  }, selector);
  return () => page.evaluate((storySelector) => (window as unknown as Record<string, number>)[`changes:${storySelector}`] ?? 0, selector);
}

async function present(page: Page, selector = 'tide-story'): Promise<void> {
  await settle(page);
  await page.click(`${selector} button.present`);
  await page.waitForFunction((storySelector) => document.querySelector(storySelector)?.shadowRoot?.querySelector<HTMLDialogElement>('dialog.deck')?.open, selector);
}

describe('entering and leaving', () => {
  test('the Present button opens a full-screen deck at the current step; Escape leaves it at the step then on screen', async () => {
    const { page, problems, close } = await openPage(browser(), siteUrl(), { viewport: FULL_HD });
    await goToStep(page, 'dnipro');
    await present(page);
    expect(await readDeck(page)).toMatchObject({ open: true, step: 'dnipro', counter: `5 / ${STEP_IDS.length}` });
    expect(await page.evaluate(() => document.fullscreenElement === document.documentElement)).toBe(true);
    expect(await page.evaluate(() => location.search + location.hash)).toBe('?present#dnipro');
    // The dialog holds focus, so keys reach it and not the page behind.
    expect(await page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.activeElement?.className)).toContain('deck');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await readDeck(page)).step).toBe('china-claim');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('tide-story')?.hasAttribute('presenting'));
    await settle(page);
    expect(await readDeck(page)).toMatchObject({ open: false });
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    expect(await expectActiveAtReadingLine(page, 'after Escape')).toBe('china-claim');
    expect(await page.evaluate(() => location.hash)).toBe('#china-claim');
    expect(problems).toEqual([]);
    await close();
  });

  test('the deck keeps its step when the window changes size behind it, as entering full screen does on a laptop', async () => {
    const { page, problems, close } = await openPage(browser(), siteUrl('#kharkiv'), { viewport: { width: 1920, height: 900 } });
    await settle(page);
    expect(await activeSteps(page)).toEqual(['kharkiv']);
    await present(page);
    // Each size moves a different step to the page's reading line behind the deck.
    for (const viewport of [FULL_HD, { width: 1366, height: 768 }, { width: 1280, height: 1000 }]) {
      await page.setViewportSize(viewport);
      await settle(page);
      expect(await readDeck(page), `at ${viewport.width}×${viewport.height}`).toMatchObject({ open: true, step: 'kharkiv' });
    }
    await page.keyboard.press('ArrowRight');
    expect((await readDeck(page)).step).toBe('sumy-bakery');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('tide-story')?.hasAttribute('presenting'));
    await settle(page);
    expect(await expectActiveAtReadingLine(page, 'after Escape')).toBe('sumy-bakery');
    expect(problems).toEqual([]);
    await close();
  });

  test('the exit button leaves too, and focus returns to the step in the story', async () => {
    const { page, close } = await openPage(browser(), siteUrl(), { viewport: { width: 1280, height: 720 } });
    await present(page);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    const shown = (await readDeck(page)).step;
    expect(shown).toBe(STEP_IDS.at(-1));
    await page.click('tide-story .deck-exit');
    await settle(page);
    expect(await readDeck(page)).toMatchObject({ open: false });
    expect(await expectActiveAtReadingLine(page, 'after the exit button')).toBe(shown);
    expect(await page.evaluate(() => (document.querySelector('tide-story')?.shadowRoot?.activeElement as HTMLElement | null)?.dataset.stepId)).toBe(shown);
    await close();
  });

  test('?present opens the deck on load, at the step the URL names; leaving drops the parameter', async () => {
    const { page, close } = await openPage(browser(), siteUrl(`?present#kharkiv`), { viewport: FULL_HD });
    await page.waitForFunction(() => document.querySelector('tide-story')?.shadowRoot?.querySelector<HTMLDialogElement>('dialog.deck')?.open);
    expect(await readDeck(page)).toMatchObject({ open: true, step: 'kharkiv', counter: `${STEP_IDS.indexOf('kharkiv') + 1} / ${STEP_IDS.length}` });
    await page.keyboard.press('Escape');
    await settle(page);
    expect(await readDeck(page)).toMatchObject({ open: false });
    expect(await page.evaluate(() => location.search + location.hash)).toBe('#kharkiv');
    await close();
  });
});

describe('moving through the deck', () => {
  const oneStep: Array<[string, number]> = [
    ['ArrowRight', 1], ['PageDown', 1], ['Space', 1], ['ArrowLeft', -1], ['PageUp', -1], ['Shift+Space', -1],
  ];
  for (const [key, delta] of oneStep) {
    test(`${key} moves exactly one step ${delta > 0 ? 'forward' : 'back'}`, async () => {
      const { page, close } = await openPage(browser(), siteUrl('#paris-talks'), { viewport: FULL_HD });
      await present(page);
      const changes = await countStepChanges(page);
      const start = STEP_IDS.indexOf('paris-talks');
      await page.keyboard.press(key);
      await settle(page);
      expect(await readDeck(page)).toMatchObject({ step: STEP_IDS[start + delta], counter: `${start + delta + 1} / ${STEP_IDS.length}` });
      expect(await changes()).toBe(1);
      expect(await activeSteps(page)).toEqual([STEP_IDS[start + delta]]);
      await close();
    });
  }

  test('Home and End go to the first and last steps; End again shows “what happened next”', async () => {
    const { page, close } = await openPage(browser(), siteUrl('#paris-talks'), { viewport: FULL_HD });
    await present(page);
    await page.keyboard.press('Home');
    expect(await readDeck(page)).toMatchObject({ step: STEP_IDS[0], counter: `1 / ${STEP_IDS.length}`, progress: 1 });
    await page.keyboard.press('End');
    expect(await readDeck(page)).toMatchObject({ step: '', counter: 'Later reporting', progress: STEP_IDS.length });
    expect(await page.textContent('tide-story .deck-card')).toContain('What happened next');
    await page.keyboard.press('ArrowLeft');
    expect(await readDeck(page)).toMatchObject({ step: STEP_IDS.at(-1), counter: `${STEP_IDS.length} / ${STEP_IDS.length}` });
    await close();
  });

  test('a clicker’s PageDown steps through the whole story one step at a time, and stops at the end', async () => {
    const { page, close } = await openPage(browser(), siteUrl(), { viewport: FULL_HD });
    await present(page);
    const seen = [(await readDeck(page)).step];
    for (let press = 0; press < STEP_IDS.length + 2; press++) {
      await page.keyboard.press('PageDown');
      seen.push((await readDeck(page)).step);
    }
    expect(seen).toEqual([...STEP_IDS, '', '', '']);
    await close();
  });

  test('the Next and Previous controls move one step, and are disabled at the ends', async () => {
    const { page, close } = await openPage(browser(), siteUrl(), { viewport: { width: 1280, height: 720 } });
    await present(page);
    expect(await page.isDisabled('tide-story .deck-previous')).toBe(true);
    await page.click('tide-story .deck-next');
    await page.click('tide-story .deck-next');
    await page.click('tide-story .deck-previous');
    expect(await readDeck(page)).toMatchObject({ step: STEP_IDS[1], counter: `2 / ${STEP_IDS.length}` });
    await page.keyboard.press('End');
    expect(await page.isDisabled('tide-story .deck-next')).toBe(true);
    await close();
  });

  test('a horizontal swipe on a touch screen moves one step; a vertical one does not', async () => {
    const landscapePhone = { width: 844, height: 390 };
    const { page, close } = await openPage(browser(), siteUrl('#dnipro'), { viewport: landscapePhone, hasTouch: true, isMobile: true });
    await present(page);
    const cdp = await page.context().newCDPSession(page);
    const drag = async (from: [number, number], to: [number, number]) => {
      const point = ([x, y]: [number, number]) => [{ x, y, id: 1 }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
      for (let i = 1; i <= 6; i++) {
        const at: [number, number] = [from[0] + ((to[0] - from[0]) * i) / 6, from[1] + ((to[1] - from[1]) * i) / 6];
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(at) });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await drag([600, 200], [250, 210]);
    expect((await readDeck(page)).step).toBe('paris-talks');
    await drag([250, 200], [600, 190]);
    expect((await readDeck(page)).step).toBe('dnipro');
    await drag([400, 300], [420, 100]);
    expect((await readDeck(page)).step).toBe('dnipro');
    await close();
  });
});

describe('keys stay inside the story', () => {
  test('with no story focused, keys belong to the host page: nothing steps and the browser scrolls as usual', async () => {
    const { page, close } = await openPage(browser(), siteUrl('demos/two.html'), { viewport: { width: 1280, height: 800 } });
    await page.waitForFunction(() => [...document.querySelectorAll('tide-story')].every((story) => story.shadowRoot?.querySelector('[aria-current="step"]')));
    const first = await countStepChanges(page, '#first');
    const second = await countStepChanges(page, '#second');
    await page.evaluate(() => {
      const seen: boolean[] = [];
      Object.defineProperty(window, '__prevented', { value: seen });
      // Read after every listener has run.
      window.addEventListener('keydown', (event) => setTimeout(() => seen.push(event.defaultPrevented)));
      (document.activeElement as HTMLElement | null)?.blur();
    });
    const top = await page.evaluate(() => scrollY);
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowRight']) await page.keyboard.press(key);
    await settle(page);
    expect(await page.evaluate(() => scrollY)).toBe(top);
    expect([await first(), await second()]).toEqual([0, 0]);
    await page.keyboard.press('PageDown');
    await settle(page);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(top);
    expect(await page.evaluate(() => (window as unknown as { __prevented: boolean[] }).__prevented)).toEqual([false, false, false, false]);
    await close();
  });

  test('a focused step takes the keys for its own story only; presenting one story leaves the other alone', async () => {
    const { page, close } = await openPage(browser(), siteUrl('demos/two.html'), { viewport: { width: 1280, height: 800 } });
    await page.waitForFunction(() => [...document.querySelectorAll('tide-story')].every((story) => story.shadowRoot?.querySelector('[aria-current="step"]')));
    const secondBefore = await activeSteps(page, '#second');
    const secondChanges = await countStepChanges(page, '#second');
    await page.focus('#first .steps > .step:first-child');
    await settle(page);
    const firstIds = await page.evaluate(() => [...(document.querySelector('#first')?.shadowRoot?.querySelectorAll<HTMLElement>('.steps > .step') ?? [])].map((step) => step.dataset.stepId ?? ''));
    await page.keyboard.press('PageDown');
    await settle(page);
    expect(await activeSteps(page, '#first')).toEqual([firstIds[1]]);
    expect(await page.evaluate(() => (document.querySelector('#first')?.shadowRoot?.activeElement as HTMLElement | null)?.dataset.stepId)).toBe(firstIds[1]);
    await present(page, '#first');
    for (const key of ['ArrowRight', 'PageDown', 'Space']) await page.keyboard.press(key);
    expect((await readDeck(page, '#first')).step).toBe(firstIds[4]);
    expect(await readDeck(page, '#second')).toMatchObject({ open: false });
    expect(await activeSteps(page, '#second')).toEqual(secondBefore);
    expect(await secondChanges()).toBe(0);
    await close();
  });
});

describe('on a projector and a phone', () => {
  test('at 1920×1080 the text is at least 28 px and the chart’s labels match it', async () => {
    const { page, close } = await openPage(browser(), siteUrl('#kharkiv'), { viewport: FULL_HD });
    await present(page);
    await page.waitForTimeout(600);
    const sizes = await page.evaluate(() => {
      const root = document.querySelector('tide-story')?.shadowRoot;
      const body = root?.querySelector('.deck-card .step-card > p:not(.step-when)');
      const chart = root?.querySelector('.deck tide-timeline')?.shadowRoot;
      const svg = chart?.querySelector<SVGSVGElement>('svg.chart');
      const label = chart?.querySelector<SVGTextElement>('text.label');
      const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 0;
      return { body: parseFloat(getComputedStyle(body ?? document.body).fontSize), label: parseFloat(getComputedStyle(label ?? document.body).fontSize) * scale };
    });
    expect(sizes.body).toBeGreaterThanOrEqual(28);
    expect(sizes.label).toBeGreaterThanOrEqual(24);
    await close();
  });

  for (const viewport of [{ width: 1280, height: 720 }, FULL_HD, { width: 844, height: 390 }, { width: 390, height: 844 }]) {
    test(`at ${viewport.width}×${viewport.height} the deck fits the screen: controls visible, nothing scrolls sideways`, async () => {
      const { page, close } = await openPage(browser(), siteUrl('#rubio-matter-of-days'), { viewport, hasTouch: viewport.height < 500 });
      await present(page);
      const layout = await page.evaluate(() => {
        const deck = document.querySelector('tide-story')?.shadowRoot?.querySelector<HTMLElement>('dialog.deck');
        const inside = (selector: string) => {
          const box = deck?.querySelector(selector)?.getBoundingClientRect();
          return !!box && box.width > 0 && box.top >= 0 && box.bottom <= innerHeight + 0.5 && box.left >= 0 && box.right <= innerWidth + 0.5;
        };
        return {
          controls: ['.deck-next', '.deck-previous', '.deck-exit', '.deck-counter', 'tide-timeline', '.deck-card'].filter((selector) => !inside(selector)),
          sideways: (deck?.scrollWidth ?? 0) - (deck?.clientWidth ?? 0),
        };
      });
      expect(layout.controls, 'controls outside the screen').toEqual([]);
      expect(layout.sideways).toBeLessThanOrEqual(0);
      await close();
    });
  }

  test('axe finds no violations in the deck, with notes shown, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, close } = await openPage(browser(), siteUrl('#kharkiv'), { viewport: { width: 1280, height: 720 }, colorScheme, reducedMotion: 'reduce' });
      await present(page);
      await page.click('tide-story .deck-notes');
      await expectNoAxeViolations(page, `presenting (${colorScheme})`);
      await close();
    }
  });
});

describe('teacher notes', () => {
  test('are hidden from readers, and the toggle shows the current step’s notes in the deck', async () => {
    const { page, close } = await openPage(browser(), siteUrl('#kharkiv'), { viewport: FULL_HD });
    expect(await page.locator('tide-story .teacher-notes').count()).toBe(0);
    await settle(page);
    expect(await activeSteps(page)).toEqual(['kharkiv']);
    await present(page);
    expect((await readDeck(page)).notes).toEqual([]);
    await page.click('tide-story .deck-notes');
    const kharkiv = STORY.steps.find((step) => step.id === 'kharkiv');
    expect((await readDeck(page)).notes).toEqual(kharkiv?.notes);
    expect(kharkiv?.notes.join(' ')).toContain('different injury figures for Kharkiv');
    expect(await page.getAttribute('tide-story .deck-notes', 'aria-pressed')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect((await readDeck(page)).notes).toEqual(STORY.steps[STEP_IDS.indexOf('kharkiv') + 1]?.notes);
    await page.click('tide-story .deck-notes');
    expect((await readDeck(page)).notes).toEqual([]);
    await close();
  });
});
