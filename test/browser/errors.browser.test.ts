import { readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page, Route } from 'playwright-core';
import { expect, test } from 'vitest';
import { SITE } from './global-setup.ts';
import { DESKTOP, expectActiveAtReadingLine, fixturePage, openPage, reportFigure, settle, sharedBrowser, siteUrl, waitForStory } from './harness.ts';

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

/** A fault served for the first request; the retry gets the story. */
type Fault = (route: Route) => Promise<void>;
const fromFaultyServer = (fault: string): Fault => (route) => route.continue({ url: siteUrl(`__faults/${fault}`) });
const FAULTS: Array<[string, Fault, RegExp]> = [
  ['a timeout', fromFaultyServer('stall'), /^Could not load \.\/fault-story\.json: no answer within 2 seconds\.$/m],
  ['a connection reset', (route) => route.abort('connectionreset'), /^Could not load \.\/fault-story\.json: the network request failed\.$/m],
  ['a 404', (route) => route.fulfill({ status: 404, body: 'not found' }), /^Could not load \.\/fault-story\.json: the server answered 404 Not Found$/m],
  ['a 500', (route) => route.fulfill({ status: 500, body: 'oops' }), /^Could not load \.\/fault-story\.json: the server answered 500 Internal Server Error$/m],
  ['a truncated body', fromFaultyServer('truncated'), /^Could not load \.\/fault-story\.json: the network request failed\.$/m],
  ['a body cut short with no length', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(flagship()).slice(0, 700) }), /^story: not valid JSON: /m],
  ['the wrong content type', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Home</title><p>Welcome' }), /^Could not load \.\/fault-story\.json: the server sent text\/html, not a JSON story\.$/m],
  ['a very slow response', fromFaultyServer('trickle'), /^Could not load \.\/fault-story\.json: no answer within 2 seconds\.$/m],
];

test(`each of ${FAULTS.length} network faults shows the error with a retry, and the retry recovers fully`, async () => {
  for (const [name, fault, message] of FAULTS) {
    let calls = 0;
    const { page, problems, close } = await openPage(browser(), hostPage('fault', '<tide-story src="./fault-story.json" load-timeout="2"></tide-story>'), {
      waitForStory: false,
      prepare: (page) =>
        page.route('**/fault-story.json', async (route) => {
          calls += 1;
          if (calls === 1) await fault(route);
          else await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(flagship()) });
        }),
    });
    expect(await errorText(page), name).toMatch(message);
    await expectHostStillWorks(page);
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForStory(page);
    expect(calls, name).toBe(2);
    expect(await page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.querySelector('[role="alert"]')), name).toBeNull();
    // Fully: the reader can scroll through it, and the story's heading has focus in place of the vanished button.
    expect(await page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.activeElement?.tagName), name).toBe('H2');
    await page.mouse.wheel(0, 1600);
    await settle(page);
    expect(await expectActiveAtReadingLine(page, name), name).not.toBe('the-warning');
    // The browser logs each failed request; nothing else may be logged, rejected or thrown.
    expect(problems.filter((problem) => !problem.startsWith('error: Failed to load resource')), name).toEqual([]);
    await close();
  }
  reportFigure('network faults injected, each recovered by a retry', FAULTS.length);
});

test('while a slow story loads, a loading state holds its place and nothing on screen shifts', async () => {
  // The README's embed snippet reserves the space before the script has even run.
  const url = hostPage(
    'slow',
    '<style>tide-story:not(:defined) { display: block; min-height: 100vh; }</style><tide-story src="./slow-story.json"></tide-story><p id="after">After the story</p>',
  );
  const { page, problems, close } = await openPage(browser(), url, {
    waitForStory: false,
    prepare: async (page) => {
      await page.route('**/slow-story.json', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(flagship()) });
      });
      await page.addInitScript(() => {
        const shifts: number[] = [];
        Object.defineProperty(window, '__shifts', { value: shifts });
        new PerformanceObserver((list) => list.getEntries().forEach((entry) => shifts.push((entry as PerformanceEntry & { value: number }).value))).observe({ type: 'layout-shift', buffered: true });
      });
    },
  });
  const loading = await page.evaluate(() => {
    const state = document.querySelector('tide-story')?.shadowRoot?.querySelector<HTMLElement>('.loading');
    return { text: state?.innerText.trim(), height: state?.getBoundingClientRect().height ?? 0 };
  });
  expect(loading.text).toBe('Loading the story…');
  expect(loading.height).toBeGreaterThanOrEqual(DESKTOP.height - 1);
  await page.waitForFunction(() => !!document.querySelector('tide-story')?.shadowRoot?.querySelector('.step[aria-current="step"]'));
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((sum, value) => sum + value, 0))).toBe(0);
  expect(problems).toEqual([]);
  await close();
});
