import { copyFileSync, readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { FIXTURES, SITE } from './global-setup.ts';
import { fixturePage, openPage, reportFigure, sharedBrowser } from './harness.ts';

const browser = sharedBrowser();
const CYCLES = 500;
/** Every so often a cycle presents the story and removes it while presenting. */
const PRESENT_EVERY = 25;
const WARM_UP = 100;

/**
 * Counts what the page holds open, by wrapping the browser's own APIs before any script runs:
 * observers not disconnected, intervals not cleared, timeouts not yet fired or cleared.
 */
function countOpenResources(): void {
  const live: Record<string, Set<unknown>> = { ResizeObserver: new Set(), IntersectionObserver: new Set(), MutationObserver: new Set() };
  for (const name of Object.keys(live) as Array<'ResizeObserver' | 'IntersectionObserver' | 'MutationObserver'>) {
    const Original = window[name] as unknown as { new (...args: never[]): { observe(...args: unknown[]): void; disconnect(): void }; prototype: object };
    const set = live[name]!;
    const Counted = class extends Original {
      override observe(...args: unknown[]) {
        set.add(this);
        return super.observe(...args);
      }
      override disconnect() {
        set.delete(this);
        return super.disconnect();
      }
    };
    Object.defineProperty(window, name, { value: Counted, configurable: true, writable: true });
  }
  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  const [setTimeout0, clearTimeout0, setInterval0, clearInterval0] = [window.setTimeout, window.clearTimeout, window.setInterval, window.clearInterval];
  window.setTimeout = ((handler: () => void, ms?: number, ...rest: unknown[]) => {
    const id: number = setTimeout0(() => {
      timeouts.delete(id);
      handler(...(rest as []));
    }, ms);
    timeouts.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    clearTimeout0(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: () => void, ms?: number, ...rest: unknown[]) => {
    const id = setInterval0(handler, ms, ...rest);
    intervals.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    clearInterval0(id);
  }) as typeof window.clearInterval;
  Object.defineProperty(window, '__openResources', {
    value: () => ({
      resizeObservers: live.ResizeObserver!.size,
      intersectionObservers: live.IntersectionObserver!.size,
      mutationObservers: live.MutationObserver!.size,
      timeouts: timeouts.size,
      intervals: intervals.size,
    }),
  });
}

interface Counts {
  resizeObservers: number;
  intersectionObservers: number;
  mutationObservers: number;
  timeouts: number;
  intervals: number;
  /** Event listeners on the window, and on the document by type. */
  windowListeners: number;
  documentListeners: number;
  documentScrollListeners: number;
  /** All JavaScript event listeners and DOM nodes alive, after a full garbage collection. */
  jsEventListeners: number;
  nodes: number;
  heapBytes: number;
}

async function listenersOn(cdp: CDPSession, expression: string): Promise<Array<{ type: string }>> {
  const { result } = await cdp.send('Runtime.evaluate', { expression });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId! });
  return listeners;
}

/** How many objects of a custom element's class the heap still holds. */
async function liveInstances(cdp: CDPSession, tag: string): Promise<number> {
  // One object group, released at the end: the array of instances must not keep them alive.
  const objectGroup = 'live-instances';
  const { result: prototype } = await cdp.send('Runtime.evaluate', { expression: `customElements.get(${JSON.stringify(tag)}).prototype`, objectGroup });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.objectId!, objectGroup });
  const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId!, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
  return Number(result.value);
}

async function measure(page: Page, cdp: CDPSession): Promise<Counts> {
  // Let pending timers and frames finish, then collect garbage twice (weak references clear in the second).
  await page.waitForTimeout(400);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const open = await page.evaluate(() => (window as unknown as { __openResources(): Omit<Counts, 'windowListeners' | 'documentListeners' | 'documentScrollListeners' | 'jsEventListeners' | 'nodes' | 'heapBytes'> }).__openResources());
  const windowListeners = await listenersOn(cdp, 'window');
  const documentListeners = await listenersOn(cdp, 'document');
  const counters = await cdp.send('Memory.getDOMCounters');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return {
    ...open,
    windowListeners: windowListeners.length,
    documentListeners: documentListeners.length,
    documentScrollListeners: documentListeners.filter((listener) => listener.type === 'scroll').length,
    jsEventListeners: counters.jsEventListeners,
    nodes: counters.nodes,
    heapBytes: heap.usedSize,
  };
}

/** Runs `cycles` lifecycles in the page: create, attach, render, move to the other container, render, detach. */
function runCycles(page: Page, json: string, cycles: number, presentEvery: number): Promise<number> {
  return page.evaluate(
    async ({ json, cycles, presentEvery }) => {
      const main = document.querySelector('main')!;
      const containers = [document.createElement('section'), document.createElement('section')];
      main.append(...containers);
      const frame = () => new Promise(requestAnimationFrame);
      const activeStep = (story: Element) => story.shadowRoot?.querySelector('.steps > .step[aria-current="step"]');
      let moved = 0;
      for (let cycle = 0; cycle < cycles; cycle += 1) {
        const story = document.createElement('tide-story') as HTMLElement & { present(): void };
        const script = document.createElement('script');
        script.type = 'application/json';
        script.textContent = json;
        story.append(script);
        containers[cycle % 2]!.append(story);
        while (!activeStep(story)) await frame();
        // Detach and re-attach elsewhere: the story must come back stepping.
        story.remove();
        await frame();
        containers[(cycle + 1) % 2]!.append(story);
        await frame();
        await frame();
        if (!activeStep(story)) throw new Error(`cycle ${cycle}: no active step after moving`);
        moved += 1;
        if (cycle % presentEvery === presentEvery - 1) {
          story.present();
          while (!story.shadowRoot?.querySelector<HTMLDialogElement>('dialog.deck')?.open) await frame();
        }
        story.remove();
      }
      for (const container of containers) container.remove();
      return moved;
    },
    { json, cycles, presentEvery },
  );
}

test(`${CYCLES} create, attach, move and detach cycles release every observer, listener and timer, and the heap returns`, async () => {
  const url = fixturePage(
    'lifecycle',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lifecycle</title><link rel="icon" href="data:,">
    <script type="module" src="%BUNDLE%"></script></head><body><main><h1>Lifecycle</h1></main></body></html>`,
  );
  const { page, problems, close } = await openPage(browser(), url, { waitForStory: false, prepare: (page) => page.addInitScript(countOpenResources) });
  const cdp = await page.context().newCDPSession(page);
  await page.waitForFunction(() => customElements.get('tide-story'));
  const json = readFileSync('data/demo-library-flood.json', 'utf8');
  // Warm up: the validator and the deck load once and stay, and the engine compiles and caches
  // what a page that shows stories keeps (its growth levels off after a few hundred cycles).
  await runCycles(page, json, WARM_UP, 5);
  // The count sees a story while one is on the page.
  await measure(page, cdp);
  await page.evaluate(() => document.querySelector('main')?.append(document.createElement('tide-story')));
  expect(await liveInstances(cdp, 'tide-story')).toBe(1);
  await page.evaluate(() => document.querySelector('main > tide-story')?.remove());
  const before = await measure(page, cdp);
  const moved = await runCycles(page, json, CYCLES, PRESENT_EVERY);
  const after = await measure(page, cdp);
  expect(moved).toBe(CYCLES);
  const { heapBytes: heapBefore, ...countsBefore } = before;
  const { heapBytes: heapAfter, ...countsAfter } = after;
  expect(countsAfter).toEqual(countsBefore);
  // No story or chart element is kept alive by anything.
  expect(await liveInstances(cdp, 'tide-story')).toBe(0);
  expect(await liveInstances(cdp, 'tide-timeline')).toBe(0);
  // Within 10% of where it started: no story, node or closure is kept per cycle.
  expect(heapAfter, `heap ${heapBefore} → ${heapAfter} bytes`).toBeLessThan(heapBefore * 1.1);
  console.log(`[reliability] heap after ${CYCLES} cycles: ${(heapBefore / 1e6).toFixed(2)} → ${(heapAfter / 1e6).toFixed(2)} MB; ${after.jsEventListeners} listeners, ${after.nodes} nodes, as before`);
  expect(problems).toEqual([]);
  reportFigure('mount cycles (create, attach, move, detach)', CYCLES);
  await cdp.detach();
  await close();
}, 240_000);

test('Scrollama alone leaves a document scroll listener behind on every destroy(); the story leaves none', async () => {
  copyFileSync('node_modules/scrollama/build/scrollama.min.js', `${SITE}/${FIXTURES}/scrollama.min.js`);
  const url = fixturePage(
    'scrollama-leak',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Scrollama leak</title><link rel="icon" href="data:,">
    <script src="scrollama.min.js"></script></head><body><main><h1>Scrollama</h1><div class="step">One</div><div class="step">Two</div></main></body></html>`,
  );
  const { page, close } = await openPage(browser(), url, { waitForStory: false });
  const cdp = await page.context().newCDPSession(page);
  const scrollListeners = async () => (await listenersOn(cdp, 'document')).filter((listener) => listener.type === 'scroll').length;
  const start = await scrollListeners();
  await page.evaluate(() => {
    const create = (window as unknown as { scrollama(): { setup(options: object): { destroy(): void } } }).scrollama;
    for (let round = 0; round < 10; round += 1) create().setup({ step: '.step' }).destroy();
  });
  // Unpatched, ten setups and destroys leave ten listeners: the leak the story contains (src/controllers/scrollama-session.ts).
  expect((await scrollListeners()) - start).toBe(10);
  await cdp.detach();
  await close();
});
