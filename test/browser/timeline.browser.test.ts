import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { FLAGSHIP_AXIS_DATES } from '../fixtures/flagship-dates.ts';
import { DESKTOP, goToStep, openPage, PHONE, settle, sharedBrowser, siteUrl, stepIds } from './harness.ts';

const browser = sharedBrowser();

const chart = (page: Page) => page.locator('tide-timeline svg.chart');


/** Chart state as drawn: day bands, marks and labels with their boxes on screen. */
function drawn(page: Page) {
  return page.evaluate(() => {
    const svg = document.querySelector('tide-story')?.shadowRoot?.querySelector('tide-timeline')?.shadowRoot?.querySelector('svg.chart');
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
    };
    const shown = (element: Element) => Number(getComputedStyle(element).opacity) > 0.05;
    return {
      svg: svg ? box(svg) : null,
      days: [...(svg?.querySelectorAll<SVGElement>('.day') ?? [])].map((day) => ({ day: day.dataset.day ?? '', ...box(day) })),
      marks: [...(svg?.querySelectorAll<SVGElement>('.mark') ?? [])].map((mark) => ({
        id: mark.dataset.eventId ?? '',
        classes: mark.getAttribute('class') ?? '',
        shown: shown(mark),
        ...box(mark),
      })),
      labels: [...(svg?.querySelectorAll<SVGElement>('text.label') ?? [])].filter(shown).map((label) => ({ text: label.textContent ?? '', weight: getComputedStyle(label).fontWeight, ...box(label) })),
      spans: [...(svg?.querySelectorAll<SVGElement>('.span.expected') ?? [])].map((span) => ({ dash: getComputedStyle(span).strokeDasharray, ...box(span) })),
    };
  });
}

for (const [device, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
  describe(`the timeline on a ${device}`, () => {
    test('puts every event on the band of its date, and draws London as expected over 21–23 April', async () => {
      const { page, close } = await openPage(browser(), siteUrl('#the-warning'), { viewport, reducedMotion: 'reduce' });
      const state = await drawn(page);
      expect(state.days.map((day) => day.day)).toEqual(['13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2025-04-${d}`));
      for (const [id, date] of Object.entries(FLAGSHIP_AXIS_DATES)) {
        const mark = state.marks.find((candidate) => candidate.id === id);
        const band = state.days.find((day) => day.day === date);
        expect(mark?.shown, id).toBe(true);
        const centre = ((mark?.left ?? 0) + (mark?.right ?? 0)) / 2;
        expect(centre, id).toBeGreaterThanOrEqual(band?.left ?? Infinity);
        expect(centre, id).toBeLessThanOrEqual(band?.right ?? -Infinity);
      }
      const london = state.marks.find((mark) => mark.id === 'london-follow-up');
      expect(london?.classes).toContain('expected');
      const [span] = state.spans;
      const day21 = state.days.find((day) => day.day === '2025-04-21');
      const day23 = state.days.find((day) => day.day === '2025-04-23');
      expect(span?.dash).not.toBe('none');
      expect(Math.abs((span?.left ?? 0) - (day21?.left ?? 0))).toBeLessThan(2);
      expect(Math.abs((span?.right ?? 0) - (day23?.right ?? 0))).toBeLessThan(2);
      await close();
    });

    test('highlights the active step’s events, zooms to Friday, and marks the earlier meetings', async () => {
      const { page, close } = await openPage(browser(), siteUrl('#earlier-talks'), { viewport, reducedMotion: 'reduce' });
      let state = await drawn(page);
      expect(state.labels.map((label) => label.text)).toContain('11 Feb, 13 Mar, 11 Apr');
      await goToStep(page, 'kharkiv');
      state = await drawn(page);
      expect(state.days.map((day) => day.day)).toEqual(['2025-04-17', '2025-04-18']);
      expect(state.marks.find((mark) => mark.id === 'kharkiv-strike')?.classes).toContain('is-highlighted');
      expect(state.marks.filter((mark) => mark.classes.includes('is-highlighted')).map((mark) => mark.id)).toEqual(['kharkiv-strike']);
      expect(state.labels.find((label) => label.text === 'Kharkiv strike')?.weight).toBe('700');
      expect(state.marks.find((mark) => mark.id === 'london-follow-up')?.shown).toBe(false);
      await goToStep(page, 'london-expected');
      state = await drawn(page);
      expect(state.days).toHaveLength(11);
      expect(state.marks.find((mark) => mark.id === 'london-follow-up')?.classes).toContain('is-highlighted');
      await close();
    });
  });
}

/** The chart as drawn, relative to its own box: the same on any page scrolled anywhere. */
async function drawnInChart(page: Page) {
  const { svg, days, marks, labels } = await drawn(page);
  const at = <T extends { left: number; top: number; right: number; bottom: number }>(box: T) => ({
    ...box,
    left: Math.round((box.left - (svg?.left ?? 0)) * 2) / 2,
    right: Math.round((box.right - (svg?.left ?? 0)) * 2) / 2,
    top: Math.round((box.top - (svg?.top ?? 0)) * 2) / 2,
    bottom: Math.round((box.bottom - (svg?.top ?? 0)) * 2) / 2,
  });
  const words = await page.evaluate(() => {
    const root = document.querySelector('tide-story')?.shadowRoot?.querySelector('tide-timeline')?.shadowRoot;
    return [root?.querySelector('svg.chart title')?.textContent, root?.querySelector('svg.chart desc')?.textContent];
  });
  return { words, days: days.map(at), marks: marks.map(at), labels: labels.map(at).sort((a, b) => a.text.localeCompare(b.text)) };
}

test('a chart worked out ahead while the reader paused draws as one worked out on arrival', async () => {
  const options = { viewport: PHONE, reducedMotion: 'reduce' } as const;
  const ahead = await openPage(browser(), siteUrl('#kharkiv'), options);
  const ids = await stepIds(ahead.page);
  const next = ids[ids.indexOf('kharkiv') + 1] ?? '';
  // The story works out the next steps' charts in idle time, one per idle period.
  await ahead.page.evaluate(() => new Promise<void>((resolve) => {
    let left = 4;
    const wait = () => (left-- > 0 ? requestIdleCallback(wait) : resolve());
    wait();
  }));
  await goToStep(ahead.page, next);
  const fromAhead = await drawnInChart(ahead.page);
  await ahead.close();

  const direct = await openPage(browser(), siteUrl(`#${next}`), options);
  const fromDirect = await drawnInChart(direct.page);
  await direct.close();
  expect(fromAhead.marks.filter((mark) => mark.classes.includes('is-highlighted')).length).toBeGreaterThan(0);
  expect(fromAhead).toEqual(fromDirect);
});

for (const width of [320, 1440]) {
  test(`no chart label overlaps another at ${width}px, on any step`, async () => {
    const { page, close } = await openPage(browser(), siteUrl(), { viewport: { width, height: width === 320 ? 640 : 900 }, reducedMotion: 'reduce' });
    for (const id of await stepIds(page)) {
      await goToStep(page, id);
      const { labels, svg } = await drawn(page);
      expect(labels.length, id).toBeGreaterThan(0);
      for (const [index, a] of labels.entries()) {
        expect(a.left, `${id}: "${a.text}" inside the chart`).toBeGreaterThanOrEqual((svg?.left ?? 0) - 1);
        expect(a.right, `${id}: "${a.text}" inside the chart`).toBeLessThanOrEqual((svg?.right ?? 0) + 1);
        for (const b of labels.slice(index + 1)) {
          const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          expect(overlap, `${id}: "${a.text}" overlaps "${b.text}"`).toBe(false);
        }
      }
    }
    await close();
  });
}

test('the chart has a name, a description, a key, and a link to the events as a table', async () => {
  const { page, close } = await openPage(browser(), siteUrl(), { viewport: DESKTOP });
  await expect.poll(() => chart(page).getAttribute('role')).toBe('img');
  const named = page.getByRole('img', { name: /^Timeline, 13\s*–\s*23 April 2025$/ });
  await expect.poll(() => named.count()).toBe(1);
  const description = await page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.querySelector('tide-timeline')?.shadowRoot?.querySelector('desc')?.textContent ?? '');
  expect(description).toMatch(/^14 events in lanes: Strikes, Talks, Statements\. 3 earlier events/);
  const key = await page.getByRole('list', { name: 'Key' }).innerText();
  expect(key.replace(/\s+/g, ' ')).toMatch(/Strikes Talks Statements Expected Possible dates Earlier/);

  await page.getByRole('link', { name: 'Events as a table' }).click();
  await settle(page);
  const focused = await page.evaluate(() => {
    const active = document.querySelector('tide-story')?.shadowRoot?.activeElement;
    return { text: active?.textContent, top: active?.getBoundingClientRect().top ?? -1 };
  });
  expect(focused.text).toBe('All events');
  expect(focused.top).toBeGreaterThanOrEqual(0);
  expect(focused.top).toBeLessThan(DESKTOP.height);
  const rows = await page.getByRole('table').getByRole('row').count();
  expect(rows).toBe(1 + 17);
  await close();
});
