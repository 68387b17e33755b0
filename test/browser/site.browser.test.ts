import { expect, test } from 'vitest';
import { NESTED } from './global-setup.ts';
import { activeSteps, openPage, PHONE, settle, sharedBrowser, siteUrl } from './harness.ts';

const browser = sharedBrowser();

test('the page requests nothing from any other host while the whole story is read', async () => {
  const { page, requests, problems, close } = await openPage(browser(), siteUrl(), { viewport: PHONE });
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
  await settle(page);
  const origin = new URL(siteUrl()).origin;
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(problems).toEqual([]);
  await close();
});

test('the built site works from a sub-path of a plain static server, with every request answered', async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl(`${NESTED}/index.html#paris-talks`), { viewport: PHONE });
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.reload();
  await page.waitForFunction(() => !!document.querySelector('tide-story')?.shadowRoot?.querySelector('.step[aria-current="step"]'));
  await settle(page);
  expect(await activeSteps(page)).toEqual(['paris-talks']);
  expect(failed).toEqual([]);
  expect(problems).toEqual([]);
  await close();
});
