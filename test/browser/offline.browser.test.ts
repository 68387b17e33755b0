/**
 * The offline copy (issue 4): one HTML file, opened from disk with the network blocked,
 * still scrolls, presents and prints.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { expectActiveAtReadingLine, openPage, sharedBrowser, settle } from './harness.ts';
import { pdfPages } from './poppler.ts';

const browser = sharedBrowser();
const FILE = resolve('dist/offline/sumy-paris-london.html');

test('the build writes one self-contained file: no scripts, styles or data fetched from anywhere', () => {
  expect(existsSync(FILE), `${FILE} should exist after npm run build`).toBe(true);
});

test('opened from file:// with no network it renders, scrolls, presents from ?present, and prints', async () => {
  const blocked: string[] = [];
  const { page, problems, requests, close } = await openPage(browser(), `${pathToFileURL(FILE).href}?present#kharkiv`, {
    viewport: { width: 1280, height: 720 },
    offline: true,
    prepare: (target) =>
      target.route(/^(?!file:|data:)/, (route) => {
        blocked.push(route.request().url());
        return route.abort('internetdisconnected');
      }),
  });
  await page.waitForFunction(() => document.querySelector('tide-story')?.shadowRoot?.querySelector<HTMLDialogElement>('dialog.deck')?.open);
  const counter = () => page.textContent('tide-story .deck-counter [aria-hidden="true"]');
  expect(await counter()).toBe('9 / 18');
  await page.keyboard.press('PageDown');
  expect(await counter()).toBe('10 / 18');
  await page.keyboard.press('Escape');
  await settle(page);
  expect(await expectActiveAtReadingLine(page, 'back in scroll mode')).toBe('sumy-bakery');
  await page.mouse.wheel(0, 1600);
  await settle(page);
  await expectActiveAtReadingLine(page, 'after scrolling');

  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => (document.querySelector('tide-story')?.shadowRoot?.querySelectorAll('.step-chart tide-timeline').length ?? 0) > 0);
  mkdirSync('test/.artifacts', { recursive: true });
  await page.pdf({ path: 'test/.artifacts/offline-handout.pdf', format: 'A4' });
  const text = pdfPages('test/.artifacts/offline-handout.pdf').join(' ');
  expect(text).toContain('Next: London, early next week');
  expect(text).toContain('What happened next');

  expect(blocked).toEqual([]);
  expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
  expect(problems).toEqual([]);
  await close();
});
