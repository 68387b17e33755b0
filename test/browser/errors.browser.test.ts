import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { SITE } from './global-setup.ts';
import { fixturePage, openPage, sharedBrowser } from './harness.ts';

const flagship = () => JSON.parse(readFileSync('data/sumy-paris-london.json', 'utf8')) as Record<string, unknown> & { events: Array<Record<string, unknown>>; steps: Array<Record<string, unknown>> };

/** A host page with its own working button, so tests can prove the page around a broken story still works. */
function hostPage(name: string, story: string): string {
  return fixturePage(
    name,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>
    <script type="module" src="%BUNDLE%"></script></head>
    <body><main><h1>Host page</h1><button id="host-button" type="button">Clicked 0</button>
    ${story}</main>
    <script type="module">let n = 0; document.getElementById('host-button').addEventListener('click', (e) => { e.target.textContent = 'Clicked ' + (++n); });</script>
    </body></html>`,
  );
}

const inline = (json: string) => `<tide-story><script type="application/json">${json.replace(/</g, '\\u003c')}</script></tide-story>`;

const browser = sharedBrowser();

async function errorText(page: Page): Promise<string> {
  await page.waitForFunction(() => !!document.querySelector('tide-story')?.shadowRoot?.querySelector('[role="alert"]'));
  return page.evaluate(() => (document.querySelector('tide-story')?.shadowRoot?.querySelector<HTMLElement>('[role="alert"]')?.innerText ?? '').trim());
}

async function expectHostStillWorks(page: Page): Promise<void> {
  await page.click('#host-button');
  expect(await page.textContent('#host-button')).toBe('Clicked 1');
}

test('a story that fails validation shows what failed and where, and the host page keeps working', async () => {
  const story = flagship();
  story.events[3]!.date = '13/04/2025';
  (story.steps[2]!.events as string[]).push('no-such-event');
  const url = hostPage('invalid-date', inline(JSON.stringify(story)));
  const { page, problems, close } = await openPageAllowingErrors(browser(), url);
  const text = await errorText(page);
  expect(text).toContain('This story could not be shown');
  expect(text).toContain('story: events[3].date: expected a real calendar date as YYYY-MM-DD, got "13/04/2025"');
  await expectHostStillWorks(page);
  expect(problems.filter((problem) => problem.startsWith('uncaught'))).toEqual([]);
  await close();
});

test('invalid JSON, a missing file and a broken reference each get their own readable message', async () => {
  const missingReference = flagship();
  (missingReference.steps[0]!.events as string[]) = ['no-such-event'];
  const cases: Array<[string, string, RegExp]> = [
    ['bad-json', inline('{"id": "x", '), /^story: not valid JSON: /m],
    ['missing-file', '<tide-story src="./does-not-exist.json"></tide-story>', /Could not load \.\/does-not-exist\.json: the server answered 404/],
    ['bad-reference', inline(JSON.stringify(missingReference)), /^story: steps\[0\]\.events\[0\]: unknown events id "no-such-event"$/m],
  ];
  for (const [name, markup, pattern] of cases) {
    const { page, problems, close } = await openPageAllowingErrors(browser(), hostPage(name, markup));
    expect(await errorText(page), name).toMatch(pattern);
    await expectHostStillWorks(page);
    expect(problems.filter((problem) => problem.startsWith('uncaught')), name).toEqual([]);
    await close();
  }
});

test('a story loaded from src renders, and markup in its text stays text', async () => {
  const story = flagship();
  story.title = 'Title with <img src=x onerror="window.__owned = 1"> markup';
  (story.steps[0]!.body as string[])[0] = '<script>window.__owned = 2</script>Plain words';
  writeFileSync(`${SITE}/__fixtures/story.json`, JSON.stringify(story));
  const { page, problems, close } = await openPageAllowingErrors(browser(), hostPage('from-src', '<tide-story src="./story.json" heading-level="2"></tide-story>'));
  await page.waitForFunction(() => !!document.querySelector('tide-story')?.shadowRoot?.querySelector('.step[aria-current="step"]'));
  const seen = await page.evaluate(() => {
    const root = document.querySelector('tide-story')?.shadowRoot;
    return {
      title: root?.querySelector('.story-header h2')?.textContent,
      body: root?.querySelector('.step p:not(.step-when)')?.textContent,
      injected: root?.querySelectorAll('img, .step script').length,
      owned: (window as unknown as { __owned?: number }).__owned ?? 0,
    };
  });
  expect(seen).toEqual({
    title: 'Title with <img src=x onerror="window.__owned = 1"> markup',
    body: '<script>window.__owned = 2</script>Plain words',
    injected: 0,
    owned: 0,
  });
  expect(problems).toEqual([]);
  await close();
});

/** Opens a fixture page without waiting for a rendered story, since some of them fail on purpose. */
async function openPageAllowingErrors(browserToUse: Browser, url: string) {
  return openPage(browserToUse, url, { javaScriptEnabled: true, waitForStory: false });
}
