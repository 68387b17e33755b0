/**
 * The printed handout (issue 4): Chromium's own PDF export, read back page by page with
 * pdftotext. Every step and every quote is there, in order, and no quote is split.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { generateLargeStory } from '../bench/large-story.ts';
import { fixturePage, openPage, sharedBrowser, siteUrl } from './harness.ts';
import { pdfImages, pdfPages } from './poppler.ts';

const browser = sharedBrowser();
const OUT = 'test/.artifacts/handout';
const STORY = JSON.parse(readFileSync('data/sumy-paris-london.json', 'utf8')) as {
  steps: Array<{ id: string; title: string; notes: string[]; disagreements?: string[] }>;
  quotes: Array<{ id: string; text: string }>;
  epilogue: { title: string; entries: Array<{ text: string }> };
};

beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
});

/** Whitespace collapsed, and none kept beside dashes, where pdftotext may break a line. */
const squash = (text: string) => text.replace(/\s+/g, ' ').replace(/ ?([–—]) ?/g, '$1').trim();

/** Prints the page as Chromium's print dialog would, and returns each page's text. */
async function printed(page: Page, name: string, format: 'A4' | 'Letter'): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(
    (count) => document.querySelector('tide-story')?.shadowRoot?.querySelectorAll('.step-chart tide-timeline').length === count,
    STORY.steps.length,
  );
  const file = `${OUT}/${name}.pdf`;
  await page.pdf({ path: file, format, printBackground: true });
  pdfImages(file, `${OUT}/${name}`);
  return pdfPages(file).map(squash);
}

/** How many quotations the printed story holds, each counted where it is shown. */
function printedQuotes(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(document.querySelector('tide-story')?.shadowRoot?.querySelectorAll('.steps q') ?? [])].map((q) => q.textContent ?? ''));
}

for (const format of ['A4', 'Letter'] as const) {
  describe(`the handout on ${format}`, () => {
    test('has every step in order, each with its own chart, and every quote whole on one page', async () => {
      const { page, problems, close } = await openPage(browser(), siteUrl('#kharkiv'), { viewport: { width: 1280, height: 800 } });
      const pages = await printed(page, `handout-${format.toLowerCase()}`, format);
      const all = pages.join(' ');
      // Steps, in order.
      const positions = STORY.steps.map((step) => all.indexOf(squash(step.title)));
      expect(positions.filter((at) => at < 0), 'steps missing from the PDF').toEqual([]);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      // Each step's chart is drawn on paper: one SVG per step, laid out with a size.
      const charts = await page.evaluate(() =>
        [...(document.querySelector('tide-story')?.shadowRoot?.querySelectorAll('.step-chart tide-timeline') ?? [])].map(
          (chart) => chart.shadowRoot?.querySelector('svg.chart')?.getBoundingClientRect().height ?? 0,
        ),
      );
      expect(charts.length).toBe(STORY.steps.length);
      expect(charts.every((height) => height > 50)).toBe(true);
      // Quotes: every one shown in the story is found whole on a single page, as often as it is shown.
      // One-word quotes ("Mistake") also name chart labels and events, so they may be found more often.
      const shown = await printedQuotes(page);
      for (const quote of STORY.quotes) {
        const text = squash(quote.text);
        const times = shown.filter((q) => squash(q) === text).length;
        const whole = pages.reduce((count, pageText) => count + pageText.split(text).length - 1, 0);
        expect(times, `${quote.id} is shown`).toBeGreaterThan(0);
        if (text.length >= 20) expect(whole, `${quote.id} printed whole`).toBe(times);
        else expect(whole, `${quote.id} printed whole`).toBeGreaterThanOrEqual(times);
      }
      // The boxes where sources disagree, and the epilogue after the steps.
      const disagreeing = STORY.steps.filter((step) => step.disagreements?.length).length;
      // Kickers print in capitals (CSS text-transform), so labels are compared in lower case.
      const lower = all.toLowerCase();
      expect(lower.split('where the sources disagree').length - 1).toBeGreaterThanOrEqual(disagreeing);
      expect(all.indexOf(STORY.epilogue.title)).toBeGreaterThan(positions.at(-1) ?? Infinity);
      // Nothing sticky or interactive on paper, and notes stay private unless switched on.
      expect(lower).not.toContain('teacher notes');
      // The buttons' labels, with their capitals.
      expect(all).not.toMatch(/\bPresent\b|Print handout|Events as a table/);
      expect(problems).toEqual([]);
      await close();
    });
  });
}

test('with teacher notes switched on, each step’s notes are printed under it', async () => {
  const { page, close } = await openPage(browser(), siteUrl(), { viewport: { width: 1280, height: 800 } });
  await page.click('tide-story .notes-toggle');
  const pages = await printed(page, 'handout-notes', 'A4');
  const all = pages.join(' ');
  for (const step of STORY.steps) {
    for (const note of step.notes) expect(all, `${step.id} note`).toContain(squash(note));
  }
  expect(all.toLowerCase().split('teacher notes').length - 1).toBe(STORY.steps.filter((step) => step.notes.length).length);
  await close();
});

test('a long events table prints as a table, with its column headings at the top of every page it runs over', async () => {
  // Long enough for the table to be long (over 200 events), with few steps, so that it prints quickly.
  const story = generateLargeStory({ seed: 3, events: 240, steps: 4 });
  const json = JSON.stringify(story).replaceAll('<', '\\u003c');
  const url = fixturePage(
    'long-handout',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long handout</title><link rel="icon" href="data:,"><script type="module" src="%BUNDLE%"></script></head>
    <body><main><tide-story heading-level="1"><script type="application/json">${json}</script></tide-story></main></body></html>`,
  );
  const { page, problems, close } = await openPage(browser(), url, { viewport: { width: 1280, height: 800 } });
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(
    (rows) => document.querySelector('tide-story')?.shadowRoot?.querySelectorAll('.events-table tbody tr').length === rows,
    story.events.length,
  );
  const file = `${OUT}/long-table.pdf`;
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  const pages = pdfPages(file).map(squash);
  const first = pages.findIndex((text) => text.includes('Every event on the timeline, in order'));
  // The last event on the calendar is the table's last row; steps, printed before it, may show it too.
  const last = pages.findLastIndex((text) => text.includes(squash(story.events.at(-1)?.title ?? '')));
  expect(first).toBeGreaterThan(0);
  expect(last - first).toBeGreaterThan(3);
  // pdftotext reads a table row by row across its columns: the headings row opens each later page.
  expect(pages[first]).toMatch(/Every event on the timeline, in order, with where it comes from\. When Where /);
  const headed = pages.slice(first + 1, last + 1).map((text) => /^When Where .*What happened .*Sources/.test(text));
  expect(headed).toEqual(headed.map(() => true));
  expect(problems).toEqual([]);
  await close();
});
