/**
 * A reader's scroll through a whole story on a throttled phone: wheel steps from top to
 * bottom, then the long tasks, step-change timings (the story's `tide:step` measures) and heap.
 */
import type { Page } from 'playwright-core';
import { TIMING } from '../../src/components/timing.ts';

export interface ScrollThrough {
  /** Distinct steps that became active on the way down. */
  stepsVisited: number;
  steps: number;
  longTasks: number;
  longTaskMs: number;
  /**
   * Frames held up past 50 ms, and for how long in all: the Long Animation Frames API's
   * blocking duration, which adds a frame's style, layout and paint to its longest task. The
   * Long Tasks API leaves a frame's rendering out, so a frame that is slow only to lay out or
   * paint is not a long task to it.
   */
  blockedFrames: number;
  frameBlockingMs: number;
  /** The part of `frameBlockingMs` in frames that began while the story was still rendering in slices (`aria-busy`). */
  fillingBlockingMs: number;
  stepChanges: number;
  stepP50Ms: number;
  stepP95Ms: number;
  stepMaxMs: number;
  /** From the data being read to the chart's first drawing, on the same throttled CPU. */
  firstRenderMs: number;
  /** From navigation to the chart's first drawing: when the reader first sees the story. */
  drawnMs: number;
  /** The page's load, from navigation until the scroll began: long tasks, and frames held past 50 ms with their blocking. */
  loadLongTasks: number;
  loadBlockedFrames: number;
  loadFrameBlockingMs: number;
  heapMb: number;
  scrollSeconds: number;
}

export interface ScrollOptions {
  /** Pixels per wheel notch: a flick, as a phone reader scrolls. */
  wheel: number;
  /** Pause between notches, in ms. */
  pause: number;
  cpuSlowdown: number;
  /** How many steps the story has. */
  steps: number;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * The page says when its chart is drawn, and the bench waits for that, rather than polling for
 * it: Playwright's first poll injects its own script, whose evaluation is a long task, and that
 * landed inside the load being measured, between the story's first tasks.
 */
const CHART_DRAWN_MESSAGE = 'tide-bench: chart drawn';

/**
 * Installed before any page script: long tasks and long frames are only reported to observers
 * that exist. Also notes each change of the story's `aria-busy`, from its first render on.
 */
export const PAGE_OBSERVERS = `
  window.__tideLongTasks = [];
  window.__tideLongFrames = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__tideLongTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__tideLongFrames.push([entry.startTime, entry.blockingDuration]);
  }).observe({ type: 'long-animation-frame', buffered: true });
  // Tells the bench the chart is drawn, through the console: see CHART_DRAWN_MESSAGE.
  new PerformanceObserver((list) => {
    if (list.getEntries().some((entry) => entry.name === '${TIMING.chartDrawn}')) console.debug('${CHART_DRAWN_MESSAGE}');
  }).observe({ type: 'mark' });
  // When the story's article starts and stops being busy: whether a frame fell while it rendered in slices.
  window.__tideBusy = [];
  (function watchBusy() {
    const article = document.querySelector('tide-story')?.shadowRoot?.querySelector('article');
    if (!article) return requestAnimationFrame(watchBusy);
    const note = () => window.__tideBusy.push([performance.now(), article.getAttribute('aria-busy') === 'true']);
    note();
    new MutationObserver(note).observe(article, { attributes: true, attributeFilter: ['aria-busy'] });
  })();
`;

/** Whether the story was busy (rendering in slices) at a time, from the changes recorded by PAGE_OBSERVERS. */
function busyAt(changes: ReadonlyArray<[number, boolean]>, at: number): boolean {
  let busy = true;
  for (const [time, state] of changes) if (time <= at) busy = state;
  return busy;
}

declare global {
  interface Window {
    __tideLongTasks: Array<[number, number]>;
    /** Start and blocking duration of each long animation frame. */
    __tideLongFrames: Array<[number, number]>;
    /** Each change of the story's `aria-busy`: time, and busy or not. */
    __tideBusy: Array<[number, boolean]>;
    __tideVisited: string[];
  }
}

export async function scrollThrough(page: Page, url: string, options: ScrollOptions): Promise<ScrollThrough> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
  await page.addInitScript(PAGE_OBSERVERS);
  const drawn = page.waitForEvent('console', { predicate: (message) => message.text() === CHART_DRAWN_MESSAGE, timeout: 60_000 });
  await page.goto(url);
  await drawn;
  await page.waitForLoadState('networkidle');
  const { firstRenderMs, drawnMs } = await page.evaluate(
    ([parsed, drawn]) => {
      const drawnAt = performance.getEntriesByName(drawn)[0]?.startTime ?? NaN;
      return { firstRenderMs: drawnAt - (performance.getEntriesByName(parsed)[0]?.startTime ?? NaN), drawnMs: drawnAt };
    },
    [TIMING.parsed, TIMING.chartDrawn] as const,
  );

  // Recorded in the page: a Playwright binding here would run inside the measured step changes.
  await page.evaluate(() => {
    window.__tideVisited = [];
    const story = document.querySelector('tide-story');
    const opening = story?.shadowRoot?.querySelector<HTMLElement>('.steps > .step.is-active')?.dataset.stepId;
    if (opening) window.__tideVisited.push(opening);
    story?.addEventListener('tide-step-change', (event) => window.__tideVisited.push(event.detail.id));
  });
  const start = await page.evaluate(() => performance.now());
  const begun = Date.now();
  await page.mouse.move(200, 300);
  // Down through the steps, until the last one has been reached (the appendix after them is plain reading).
  for (;;) {
    const atEnd = await page.evaluate(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2);
    // The story's own last step: a long story may still be adding steps when the scroll begins.
    const lastReached = await page.evaluate((count) => !!document.querySelector('tide-story')?.shadowRoot?.querySelector(`.steps > .step.is-active:nth-child(${count})`), options.steps);
    if (atEnd || lastReached) break;
    await page.mouse.wheel(0, options.wheel);
    await page.waitForTimeout(options.pause);
  }
  await page.waitForTimeout(500);
  const scrollSeconds = (Date.now() - begun) / 1000;
  // Counted at the end: a long story is still adding steps when the scroll begins.
  const steps = await page.evaluate(() => document.querySelector('tide-story')?.shadowRoot?.querySelectorAll('.steps > .step').length ?? 0);

  const { tasks, frames, loadTasks, loadFrames, busy, changes, visited } = await page.evaluate(
    ([from, name]) => ({
      visited: new Set(window.__tideVisited).size,
      tasks: window.__tideLongTasks.filter(([at]) => at >= from),
      frames: window.__tideLongFrames.filter(([at, blocking]) => at >= from && blocking > 0),
      loadTasks: window.__tideLongTasks.filter(([at]) => at < from),
      loadFrames: window.__tideLongFrames.filter(([at, blocking]) => at < from && blocking > 0),
      busy: window.__tideBusy,
      changes: performance.getEntriesByName(name).filter((entry) => entry.startTime >= from).map((entry) => entry.duration),
    }),
    [start, TIMING.step] as const,
  );
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return {
    stepsVisited: visited,
    steps,
    longTasks: tasks.length,
    longTaskMs: Math.round(tasks.reduce((total, [, duration]) => total + duration, 0)),
    blockedFrames: frames.length,
    frameBlockingMs: Math.round(frames.reduce((total, [, blocking]) => total + blocking, 0)),
    fillingBlockingMs: Math.round(frames.reduce((total, [at, blocking]) => total + (busyAt(busy, at) ? blocking : 0), 0)),
    stepChanges: changes.length,
    stepP50Ms: percentile(changes, 50),
    stepP95Ms: percentile(changes, 95),
    stepMaxMs: Math.max(...changes),
    firstRenderMs,
    drawnMs,
    loadLongTasks: loadTasks.length,
    loadBlockedFrames: loadFrames.length,
    loadFrameBlockingMs: Math.round(loadFrames.reduce((total, [, blocking]) => total + blocking, 0)),
    heapMb: usedSize / 1_048_576,
    scrollSeconds,
  };
}
