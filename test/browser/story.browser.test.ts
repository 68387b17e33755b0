import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DESKTOP, goToStep, openPage, PHONE, sharedBrowser, siteUrl, stepIds } from './harness.ts';

/** Rubio's five quotes from FACTS.md, verbatim, with the articles' typographic punctuation. */
const RUBIO = [
  'constructive',
  'We are now reaching a point where we need to decide whether this is even possible or not',
  'We’re not going to continue with this endeavour for weeks and months on end',
  'We need to determine very quickly now – and I’m talking about a matter of days – whether or not this is doable in the next few weeks. If it is, we’re in. If it’s not, then we have other priorities to focus on as well.',
  'within days',
];

const browser = sharedBrowser();


/** Quotes shown to the reader anywhere in the story: laid out and not faded out. */
function visibleQuotes(page: Page): Promise<Array<{ step: string; text: string; earlier: boolean }>> {
  return page.evaluate(() => {
    const root = document.querySelector('tide-story')?.shadowRoot;
    return [...(root?.querySelectorAll<HTMLElement>('.quote') ?? [])]
      .filter((quote) => Number(getComputedStyle(quote).opacity) > 0.5 && quote.getBoundingClientRect().height > 0)
      .map((quote) => ({
        step: quote.closest<HTMLElement>('.step')?.dataset.stepId ?? '',
        text: quote.querySelector('q')?.textContent ?? '',
        earlier: quote.classList.contains('is-earlier'),
      }));
  });
}

for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
  describe(`the story on a ${device}`, () => {
    test('Rubio’s quotes arrive verbatim, one step at a time, with the earlier ones kept and dimmed', async () => {
      const { page, problems, close } = await openPage(browser(), siteUrl(), { viewport, reducedMotion: 'reduce' });
      const rubioSteps: Array<[string, number]> = [
        ['rubio-decision-point', 2],
        ['rubio-weeks-and-months', 3],
        ['rubio-matter-of-days', 4],
        ['rubio-within-days', 5],
      ];
      // Just before the first of them, none of his words show anywhere yet.
      await goToStep(page, 'good-friday');
      expect((await visibleQuotes(page)).filter((quote) => RUBIO.includes(quote.text))).toEqual([]);

      for (const [stepId, reached] of rubioSteps) {
        await goToStep(page, stepId);
        const inStep = (await visibleQuotes(page)).filter((quote) => quote.step === stepId && RUBIO.includes(quote.text));
        expect(inStep.map((quote) => quote.text), stepId).toEqual(RUBIO.slice(0, reached));
        const arriving = stepId === 'rubio-decision-point' ? 2 : 1;
        expect(inStep.map((quote) => quote.earlier), stepId).toEqual(RUBIO.slice(0, reached).map((_, index) => index < reached - arriving));
      }
      expect(problems).toEqual([]);
      await close();
    });
  });
}

test('each quote carries its speaker and source article', async () => {
  const { page, close } = await openPage(browser(), siteUrl(), { viewport: DESKTOP, reducedMotion: 'reduce' });
  await goToStep(page, 'rubio-matter-of-days');
  const caption = await page.evaluate(() => {
    const step = document.querySelector('tide-story')?.shadowRoot?.querySelector('[data-step-id="rubio-matter-of-days"]');
    const quote = [...(step?.querySelectorAll('.quote:not(.is-earlier)') ?? [])].at(-1);
    return { tag: quote?.querySelector('blockquote')?.tagName, caption: quote?.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim() };
  });
  expect(caption.tag).toBe('BLOCKQUOTE');
  expect(caption.caption).toMatch(/^Marco Rubio, US Secretary of State, Paris, Friday,? 18 April 2025 · Article A$/);
  await close();
});

test('the other voices are quoted: Zelenskyy, the Kremlin, China and Trump', async () => {
  const { page, close } = await openPage(browser(), siteUrl(), { viewport: DESKTOP, reducedMotion: 'reduce' });
  const expectations: Array<[string, string, string]> = [
    ['trump-mistake', 'Donald Trump', 'Mistake'],
    ['good-friday', 'Volodymyr Zelenskyy', 'This is how Russia began this Good Friday – with ballistic missiles, cruise missiles, Shaheds – maiming our people and cities'],
    ['kremlin-progress', 'The Kremlin', 'progress'],
    ['china-groundless', 'Chinese foreign ministry spokesperson', 'groundless'],
  ];
  for (const [stepId, speaker, words] of expectations) {
    await goToStep(page, stepId);
    const quotes = await visibleQuotes(page);
    expect(quotes.map((quote) => quote.text), stepId).toContain(words);
    const speakers = await page.evaluate(
      (id) => [...(document.querySelector('tide-story')?.shadowRoot?.querySelectorAll(`[data-step-id="${id}"] .speaker`) ?? [])].map((node) => node.textContent),
      stepId,
    );
    expect(speakers, stepId).toContain(speaker);
  }
  await close();
});

test('where the sources disagree is shown at the step it concerns (D1–D4)', async () => {
  const { page, close } = await openPage(browser(), siteUrl(), { viewport: PHONE, reducedMotion: 'reduce' });
  const cases: Array<[string, RegExp[]]> = [
    ['kharkiv', [/At least 82 people injured, including a two-year-old child/, /At least one person killed and over 60 injured/]],
    ['sumy-bakery', [/struck by a projectile, killing one person/, /A drone strike “this week” claimed another life and wounded an employee/]],
    ['dnipro', [/“came under attack Thursday”/, /overnight into Friday/, /late on Wednesday 16 April/]],
    ['kremlin-progress', [/hours before Rubio’s comments/, /Peskov spoke after Rubio’s remarks/]],
  ];
  for (const [stepId, patterns] of cases) {
    await goToStep(page, stepId);
    const box = await page.evaluate((id) => {
      const element = document.querySelector('tide-story')?.shadowRoot?.querySelector<HTMLElement>(`[data-step-id="${id}"] .disagreement`);
      return { text: element?.innerText ?? '', height: element?.getBoundingClientRect().height ?? 0 };
    }, stepId);
    expect(box.height, stepId).toBeGreaterThan(40);
    expect(box.text, stepId).toMatch(/Where the sources disagree/i);
    for (const pattern of patterns) expect(box.text, stepId).toMatch(pattern);
  }
  await close();
});

test('every step says where its facts come from, by article headline wording and dateline', async () => {
  const { page, close } = await openPage(browser(), siteUrl(), { viewport: DESKTOP });
  const sources = await page.evaluate(() =>
    [...(document.querySelector('tide-story')?.shadowRoot?.querySelectorAll<HTMLElement>('.step') ?? [])].map((step) =>
      [...step.querySelectorAll('.step-sources li')].map((item) => item.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    ),
  );
  expect(sources.length).toBe((await stepIds(page)).length);
  for (const list of sources) {
    expect(list.length).toBeGreaterThan(0);
    for (const entry of list) expect(entry).toMatch(/^(Article A “The United States has issued a warning|Article B PARIS — “U\.S\. Secretary of State Marco Rubio warned Friday|Other reporting Contemporary reporting)/);
  }
  await close();
});

describe('what happened next', () => {
  test('later reporting sits after the last step, labelled, with its sources, and stays off the timeline', async () => {
    const { page, close } = await openPage(browser(), siteUrl(), { viewport: DESKTOP });
    const epilogue = await page.evaluate(() => {
      const root = document.querySelector('tide-story')?.shadowRoot;
      const section = root?.querySelector<HTMLElement>('.epilogue');
      const lastStep = root?.querySelector('.steps > .step:last-child');
      const appendix = root?.querySelector('.appendix');
      const chart = root?.querySelector('tide-timeline')?.shadowRoot;
      return {
        kicker: section?.querySelector('.kicker')?.textContent,
        heading: section?.querySelector('h2')?.textContent,
        entries: [...(section?.querySelectorAll('.epilogue-entries li') ?? [])].map((entry) => entry.querySelector('time')?.getAttribute('datetime')),
        cited: [...(section?.querySelectorAll('.cited') ?? [])].map((entry) => entry.textContent),
        afterSteps: !!lastStep && !!section && !!(lastStep.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING),
        beforeAppendix: !!appendix && !!section && !!(section.compareDocumentPosition(appendix) & Node.DOCUMENT_POSITION_FOLLOWING),
        inSteps: !!section?.closest('.steps'),
        chartText: chart?.textContent ?? '',
        looksApart: section ? getComputedStyle(section).backgroundColor !== getComputedStyle(lastStep?.querySelector('.step-card') ?? section).backgroundColor || getComputedStyle(section).borderTopStyle === 'double' : false,
      };
    });
    expect(epilogue).toMatchObject({ kicker: 'Later reporting', heading: 'What happened next', afterSteps: true, beforeAppendix: true, inSteps: false, looksApart: true });
    expect(epilogue.entries).toEqual(['2025-04-19', '2025-04-22', '2025-04-23', '2025-04-25']);
    expect(epilogue.cited.every((text) => text === 'Source: Later reporting')).toBe(true);
    expect(epilogue.chartText).not.toMatch(/truce|downgraded|fourth meeting/i);
    await close();
  });
});

test('on a phone, the events table stacks each event as a card, under a caption as wide as the table, with and without JavaScript', async () => {
  const measure = (table: Element | null | undefined) => {
    const caption = table?.querySelector('caption')?.getBoundingClientRect();
    const row = table?.querySelector('tbody tr')?.getBoundingClientRect();
    // A table this short is laid out while the page loads, not a few cards at a time as the reader scrolls to it.
    const skipped = [...(table?.querySelectorAll('tbody tr') ?? [])].filter((each) => !each.checkVisibility({ contentVisibilityAuto: true })).length;
    return { caption: caption?.width ?? 0, captionHeight: caption?.height ?? 0, row: row?.width ?? 0, table: table?.getBoundingClientRect().width ?? 0, skipped };
  };
  const story = await openPage(browser(), siteUrl(), { viewport: PHONE });
  const inComponent = await story.page.evaluate(`(${measure})(document.querySelector('tide-story')?.shadowRoot?.querySelector('.events-table'))`);
  await story.close();
  const fallback = await openPage(browser(), siteUrl(), { viewport: PHONE, javaScriptEnabled: false });
  const inStaticCopy = await fallback.page.evaluate(`(${measure})(document.querySelector('.tide-fallback .events-table'))`);
  await fallback.close();
  for (const box of [inComponent, inStaticCopy] as Array<ReturnType<typeof measure>>) {
    expect(box.table).toBeGreaterThan(PHONE.width * 0.75);
    expect(box.row).toBeCloseTo(box.table, 0);
    // Its one sentence on a line or two, not a word to a line down a narrow column.
    expect(box.caption).toBeCloseTo(box.table, 0);
    expect(box.captionHeight).toBeLessThan(60);
    expect(box.skipped).toBe(0);
  }
});

/** What the reader saw at each frame of a page load, sampled in the task after the frame's paint. */
interface LoadFrame {
  story: boolean;
  loading: boolean;
  fallbackShown: boolean;
  active: string[];
  marks: number;
  scrollY: number;
}

/** Starts sampling every frame from the moment the page opens. */
async function sampleFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const frames: LoadFrame[] = [];
    Object.defineProperty(window, '__loadFrames', { value: frames });
    const sample = () => {
      const root = document.querySelector('tide-story')?.shadowRoot;
      frames.push({
        story: !!root?.querySelector('.steps'),
        loading: !!root?.querySelector('.state.loading'),
        fallbackShown: document.querySelector('.tide-fallback')?.checkVisibility({ visibilityProperty: true }) ?? false,
        active: [...(root?.querySelectorAll<HTMLElement>('.steps > .step.is-active') ?? [])].map((step) => step.dataset.stepId ?? ''),
        marks: root?.querySelector('tide-timeline')?.shadowRoot?.querySelectorAll('.mark').length ?? 0,
        scrollY: Math.round(scrollY),
      });
    };
    // A task queued from a frame's callbacks runs after that frame is painted.
    const everyFrame = () => {
      setTimeout(sample);
      if (frames.length < 900) requestAnimationFrame(everyFrame);
    };
    requestAnimationFrame(everyFrame);
  });
}

/** The frames sampled until the chart has been drawn, from the first that showed the story. */
async function framesUntilDrawn(page: Page): Promise<{ before: LoadFrame[]; shown: LoadFrame[] }> {
  const read = () => page.evaluate(() => (window as unknown as { __loadFrames: LoadFrame[] }).__loadFrames);
  await expect.poll(async () => (await read()).some((frame) => frame.marks > 0)).toBe(true);
  const frames = await read();
  const first = frames.findIndex((frame) => frame.story);
  return { before: frames.slice(0, first), shown: frames.slice(first) };
}

describe('while the story loads', () => {
  test('it replaces the hidden static copy in one go, with the first step active from its first frame, and draws the chart once its words are on screen', async () => {
    const { page, problems, close } = await openPage(browser(), siteUrl(), { viewport: PHONE, prepare: sampleFrames });
    const [first] = await stepIds(page);
    const { before, shown } = await framesUntilDrawn(page);
    // Neither a loading message nor the static copy: the story is read and rendered over several tasks, and frames are painted between them.
    expect([...before, ...shown].filter((frame) => frame.loading || frame.fallbackShown)).toEqual([]);
    expect(shown.map((frame) => frame.active)).toEqual(shown.map(() => [first]));
    // The chart is drawn in a task of its own, after the frame that first showed the story.
    expect(shown[0]?.marks).toBe(0);
    expect(shown.at(-1)?.marks).toBeGreaterThan(10);
    expect(problems).toEqual([]);
    await close();
  });

  test('a deep link shows its step from the story’s first frame, active and in place, never the top first', async () => {
    const ids = await (async () => {
      const { page, close } = await openPage(browser(), siteUrl(), { viewport: PHONE });
      const all = await stepIds(page);
      await close();
      return all;
    })();
    const target = ids[Math.floor(ids.length / 2)] ?? '';
    const { page, problems, close } = await openPage(browser(), siteUrl(`#${target}`), { viewport: PHONE, prepare: sampleFrames });
    const { shown } = await framesUntilDrawn(page);
    const settledAt = await page.evaluate(() => Math.round(scrollY));
    expect(settledAt).toBeGreaterThan(PHONE.height);
    expect(shown.map((frame) => [frame.active, frame.scrollY])).toEqual(shown.map(() => [[target], settledAt]));
    expect(problems).toEqual([]);
    await close();
  });
});

test('while the script is on its way, the hidden static story is laid out only near the top; if it never comes, the story shows whole and its links land', async () => {
  const { page, close } = await openPage(browser(), siteUrl(), {
    viewport: PHONE,
    waitForStory: false,
    prepare: async (page) => {
      await page.route('**/assets/index-*.js', (route) => route.abort());
      // A slow connection, so that the page arrives over more than a second, as on a phone: its later parts must still show with the rest.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: 80_000, uploadThroughput: -1 });
    },
  });
  const fallback = page.locator('.tide-fallback');
  // A part whose first child is skipped is not laid out: content-visibility skips what is inside a part, not the part.
  const laidOut = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.tide-fallback :is(.step, .epilogue, .appendix-section)')].map(
        (part) => part.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }) ?? false,
      ),
    );
  expect(await fallback.evaluate((element) => getComputedStyle(element).visibility)).toBe('hidden');
  // The browser finds which parts are near the screen in its first frames.
  await expect.poll(async () => (await laidOut()).filter(Boolean).length).toBeGreaterThan(0);
  const whileHidden = await laidOut();
  expect(whileHidden.length).toBeGreaterThan(18);
  expect(whileHidden.filter(Boolean).length).toBeLessThanOrEqual(3);

  await expect.poll(() => fallback.evaluate((element) => getComputedStyle(element).visibility), { timeout: 8_000 }).toBe('visible');
  expect((await laidOut()).every(Boolean)).toBe(true);
  // The events table's last "Read in the story" link goes to its step, on screen.
  const link = page.locator('.tide-fallback .events-table a.to-step').last();
  const target = (await link.getAttribute('href')) ?? '';
  await link.click();
  const heading = page.locator(`.tide-fallback ${target} h2`);
  const box = await heading.boundingBox();
  expect(box?.height).toBeGreaterThan(10);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
  await close();
});
