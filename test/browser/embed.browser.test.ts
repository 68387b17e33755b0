/**
 * The iframe embed (demos/iframe.html around embed.html), and every shipped page under the
 * strict Content-Security-Policy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { cspViolations, DESKTOP, expectActiveAtReadingLine, openPage, PHONE, settle, sharedBrowser, siteUrl } from './harness.ts';

const browser = sharedBrowser();

async function storyFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[data-tideline]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the iframe has no frame');
  await frame.waitForFunction(() => !!document.querySelector('tide-story')?.shadowRoot?.querySelector('.step[aria-current="step"]'));
  return frame;
}

/** The iframe's height, and the height of what is inside it. */
async function heights(page: Page, frame: Frame): Promise<{ frame: number; content: number }> {
  const outer = await page.evaluate(() => document.querySelector('iframe[data-tideline]')?.getBoundingClientRect().height ?? 0);
  const content = await frame.evaluate(() => document.documentElement.scrollHeight);
  return { frame: outer, content };
}

/** Waits for the parent's next viewport report to reach the frame and the frame's height to come back. */
async function settleFrame(page: Page): Promise<void> {
  await settle(page);
  await page.waitForTimeout(150);
}

/** The parent's viewport in the frame's coordinates, as the frame script reports it. */
async function parentViewport(page: Page): Promise<{ top: number; height: number }> {
  return page.evaluate(() => ({ top: -(document.querySelector('iframe[data-tideline]')?.getBoundingClientRect().top ?? 0), height: innerHeight }));
}

test('the iframe is as tall as its story, at desktop and phone widths and after the parent resizes', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl('demos/iframe.html'), { waitForStory: false });
  const frame = await storyFrame(page);
  await settleFrame(page);
  const desktop = await heights(page, frame);
  expect(Math.abs(desktop.frame - desktop.content)).toBeLessThanOrEqual(3);
  expect(desktop.frame).toBeGreaterThan(DESKTOP.height * 3);
  await page.setViewportSize(PHONE);
  await page.waitForFunction(() => {
    const iframe = document.querySelector('iframe[data-tideline]') as HTMLIFrameElement | null;
    const inner = iframe?.contentDocument?.documentElement.scrollHeight ?? 0;
    return iframe && Math.abs(iframe.getBoundingClientRect().height - inner) <= 3;
  });
  const phone = await heights(page, frame);
  expect(Math.abs(phone.frame - phone.content)).toBeLessThanOrEqual(3);
  expect(phone.frame).not.toBeCloseTo(desktop.frame, -2);
  expect(await page.getAttribute('iframe[data-tideline]', 'title')).toBeTruthy();
  expect(await cspViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await close();
});

test('scrolling the parent page steps the story inside the iframe', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl('demos/iframe.html'), { viewport: PHONE, waitForStory: false });
  const frame = await storyFrame(page);
  const seen = new Set<string>();
  for (let stop = 0; stop < 12; stop += 1) {
    await page.mouse.wheel(0, 650);
    await settleFrame(page);
    seen.add(await expectActiveAtReadingLine(frame, `iframe, stop ${stop}`, { viewport: await parentViewport(page) }));
  }
  expect(seen.size).toBeGreaterThan(5);
  // The chart travels with the reader: it stays in the parent's viewport.
  const chartTop = await frame.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.querySelector('.graphic')?.getBoundingClientRect().top ?? NaN);
  const { top } = await parentViewport(page);
  expect(chartTop - top).toBeGreaterThanOrEqual(-1);
  expect(chartTop - top).toBeLessThan(PHONE.height / 2);
  expect(problems).toEqual([]);
  await close();
});

test('deep links cross the iframe: the parent URL opens a step, and the parent URL follows the story', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl('demos/iframe.html#rubio-within-days'), { waitForStory: false });
  const frame = await storyFrame(page);
  await frame.waitForFunction(() => document.querySelector('tide-story')?.shadowRoot?.querySelector('.step[aria-current="step"]')?.getAttribute('data-step-id') === 'rubio-within-days');
  await settleFrame(page);
  await expectActiveAtReadingLine(frame, 'after the deep link', { viewport: await parentViewport(page) });
  await page.mouse.wheel(0, 900);
  await settleFrame(page);
  const active = await expectActiveAtReadingLine(frame, 'after scrolling on', { viewport: await parentViewport(page) });
  expect(active).not.toBe('rubio-within-days');
  await expect.poll(() => new URL(page.url()).hash).toBe(`#${active}`);
  expect(problems).toEqual([]);
  await close();
});

test('the embed page explains itself when it has no story, or is pointed at another site', async () => {
  for (const query of ['', '?story=https://example.com/story.json']) {
    const { page, requests, close } = await openPage(browser(), siteUrl(`embed.html${query}`), { waitForStory: false });
    await page.waitForSelector('.embed-missing:not([hidden])');
    expect(await page.textContent('.embed-missing')).toContain('Give this page a story file on the same site');
    expect(requests.filter((url) => !url.startsWith(new URL(siteUrl()).origin))).toEqual([]);
    await close();
  }
});

/** Every page the site ships. One test each: together they take longer than one test's time limit on a busy machine. */
const SHIPPED_PAGES = [
  'index.html',
  'embed.html?story=data/demo-library-flood.json',
  ...readdirSync('dist/demos').filter((name) => name.endsWith('.html')).map((name) => `demos/${name}`),
];

test.for(SHIPPED_PAGES)('%s works under a strict CSP with Trusted Types, scrolling and presenting, with a clean console and no requests to other hosts', async (path) => {
  const origin = new URL(siteUrl()).origin;
  const { page, problems, requests, close } = await openPage(browser(), siteUrl(path), { waitForStory: false });
  await page.waitForLoadState('networkidle');
  if (path !== 'demos/index.html') {
    await page.waitForFunction(() => [...document.querySelectorAll('tide-story')].every((story) => story.shadowRoot?.querySelector('.step')));
  }
  await page.mouse.wheel(0, 1500);
  await settle(page);
  // Presenting loads the deck's code and styles: they too must pass the policy.
  const present = page.locator('tide-story button.present').first();
  if (await present.count()) {
    await present.click();
    await page.waitForFunction(() => [...document.querySelectorAll('tide-story')].some((story) => story.shadowRoot?.querySelector<HTMLDialogElement>('dialog.deck')?.open));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
  }
  expect(await cspViolations(page), path).toEqual([]);
  expect(problems, path).toEqual([]);
  expect(requests.filter((url) => new URL(url).origin !== origin), path).toEqual([]);
  await close();
});

test('the shipped code is Lit’s production build: no dev-mode warning can reach a reader’s console', () => {
  const files = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
  expect(files.length).toBeGreaterThan(5);
  for (const file of files) expect(readFileSync(`dist/${file}`, 'utf8'), file).not.toContain('Lit is in dev mode');
});
