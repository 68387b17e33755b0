/**
 * Helpers for the browser tests: open the built site in real Chromium, read what the
 * reader sees, and compute independently which step should be active.
 */
import { writeFileSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from './chromium.ts';
import { SITE } from './global-setup.ts';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

export interface StoryPage {
  page: Page;
  /** Console errors and warnings, uncaught exceptions and unhandled rejections. */
  problems: string[];
  /** Every URL the page requested. */
  requests: string[];
  close(): Promise<void>;
}

/** One Chromium for a test file: launched before its tests, closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser has not started');
    return browser;
  };
}

export function siteUrl(path = ''): string {
  return new URL(path, inject('baseUrl')).toString();
}

/** Writes a page into the served site and returns its URL. `%BUNDLE%` becomes the built script. */
export function fixturePage(name: string, html: string): string {
  writeFileSync(`${SITE}/__fixtures/${name}.html`, html.replaceAll('%BUNDLE%', `../${inject('bundle')}`));
  return siteUrl(`__fixtures/${name}.html`);
}

export interface OpenOptions extends BrowserContextOptions {
  /**
   * Wait for a wholly rendered story with an active step (the default), only for its first
   * slice, or not at all, for pages meant to fail.
   */
  waitForStory?: boolean | 'first-slice';
  /** Runs before the page is first loaded, to set up routes or observers. */
  prepare?: (page: Page) => Promise<unknown>;
}

export async function openPage(browser: Browser, url: string, options: OpenOptions = {}): Promise<StoryPage> {
  const { waitForStory: wait = true, prepare, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: DESKTOP, ...contextOptions });
  // Every frame records Content-Security-Policy violations, for cspViolations() to read.
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
    // An unhandled rejection is reported as a console error, so every test's `problems` catches it.
    addEventListener('unhandledrejection', (event) => console.error(`unhandled rejection: ${String(event.reason)}`));
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await prepare?.(page);
  await page.goto(url);
  if (wait && options.javaScriptEnabled !== false) await waitForStory(page, { firstSlice: wait === 'first-slice' });
  return { page, problems, requests, close: () => context.close() };
}

/** The Content-Security-Policy violations seen so far, in the page and every frame in it. */
export async function cspViolations(page: Page): Promise<string[]> {
  const lists = await Promise.all(
    page.frames().map((frame) => frame.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])])),
  );
  return lists.flat();
}

/**
 * Waits for a drawn chart and an active step, and (unless only the first slice is wanted)
 * for the rest of the story to finish rendering, when the article is no longer `aria-busy`.
 */
export async function waitForStory(page: Page, { firstSlice = false } = {}): Promise<void> {
  await page.waitForFunction((whole) => {
    const story = document.querySelector('tide-story');
    const chart = story?.shadowRoot?.querySelector('tide-timeline')?.shadowRoot?.querySelector('svg.chart');
    const rendered = !whole || !story?.shadowRoot?.querySelector('.story[aria-busy]');
    return !!chart && !!story?.shadowRoot?.querySelector('[aria-current="step"]') && rendered;
  }, !firstSlice);
}

/**
 * Waits as a reader's gesture ends: until the scroll position has held still for a few
 * frames (smooth scrolling may still be running), then lets observers and handlers run.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = scrollY;
        let still = 0;
        const started = performance.now();
        const tick = () => {
          still = scrollY === last ? still + 1 : 0;
          last = scrollY;
          if (still >= 4 || performance.now() - started > 3000) setTimeout(resolve, 120);
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** Follows an in-page link to a step, as a reader would, and checks that it became active. */
export async function goToStep(page: Page, id: string): Promise<void> {
  await page.evaluate((stepId) => {
    location.hash = stepId;
  }, id);
  await settle(page);
  expect(await activeSteps(page)).toEqual([id]);
}

/** Scrolls so that a step's top sits at a fraction of the window's height. */
export async function scrollStepTo(page: Page, id: string, fraction: number): Promise<void> {
  await page.evaluate(
    ([stepId, at]) => {
      const step = document.querySelector('tide-story')?.shadowRoot?.querySelector<HTMLElement>(`[data-step-id="${stepId}"]`);
      window.scrollTo({ top: scrollY + (step?.getBoundingClientRect().top ?? 0) - innerHeight * Number(at), behavior: 'instant' });
    },
    [id, fraction] as const,
  );
  await settle(page);
}

/** The ids of every step marked active, in order, in the story matching `selector`. */
export function activeSteps(page: Page, selector = 'tide-story'): Promise<string[]> {
  return page.evaluate(
    (storySelector) =>
      [...(document.querySelector(storySelector)?.shadowRoot?.querySelectorAll<HTMLElement>('.steps > .step[aria-current="step"]') ?? [])].map(
        (step) => step.dataset.stepId ?? '',
      ),
    selector,
  );
}

export interface ReadOptions {
  /** Which story, when the page has several. */
  selector?: string;
  /** The host's fixed header height (the story's `header-offset`). */
  headerOffset?: number;
  /** The story's `offset`. */
  offset?: number;
  /** For a story in a content-sized iframe: the parent's viewport in the frame's coordinates. */
  viewport?: { top: number; height: number };
}

/**
 * The active steps, and the step that should be active by the rule in the README, computed
 * here from what is on screen, in one pass so that nothing moves in between: the reading
 * line sits at `offset` (halfway) down the part of the scroller where text is visible (below
 * a fixed header, and below the sticky graphic when it covers the text), and the active
 * step is the last one whose top has reached the line. The scroller is the nearest
 * scrolling ancestor, or the window.
 */
export function readSteps(target: Page | Frame, options: ReadOptions = {}): Promise<{ active: string[]; expected: string }> {
  return target.evaluate(({ selector, headerOffset, offset, viewport }) => {
    const story = document.querySelector(selector);
    const root = story?.shadowRoot;
    let view = viewport ?? { top: 0, height: innerHeight };
    for (let node = story?.parentElement; !viewport && node && node !== document.body; node = node.parentElement) {
      if (['auto', 'scroll'].includes(getComputedStyle(node).overflowY)) {
        view = { top: node.getBoundingClientRect().top + node.clientTop, height: node.clientHeight };
        break;
      }
    }
    const steps = [...(root?.querySelectorAll<HTMLElement>('.steps > .step') ?? [])];
    const graphicElement = root?.querySelector('.graphic');
    const graphic = graphicElement?.getBoundingClientRect();
    const first = steps[0]?.getBoundingClientRect();
    // A graphic that scrolls with the text (in a short window) covers nothing for long.
    const covers = graphic && first && graphic.left < first.right && first.left < graphic.right && getComputedStyle(graphicElement!).position === 'sticky';
    const top = Math.max(view.top + headerOffset, covers ? graphic.bottom : -Infinity);
    const line = top + (view.top + view.height - top) * offset;
    let found = steps[0];
    for (const step of steps) if (step.getBoundingClientRect().top <= line) found = step;
    return {
      active: steps.filter((step) => step.getAttribute('aria-current') === 'step').map((step) => step.dataset.stepId ?? ''),
      expected: found?.dataset.stepId ?? '',
    };
  }, { selector: options.selector ?? 'tide-story', headerOffset: options.headerOffset ?? 0, offset: options.offset ?? 0.5, viewport: options.viewport });
}

/** Asserts that exactly one step is active and that it is the one at the reading line. */
export async function expectActiveAtReadingLine(target: Page | Frame, context: string, options: ReadOptions = {}): Promise<string> {
  const { active, expected } = await readSteps(target, options);
  expect(active, `${context}: active steps`).toEqual([expected]);
  return expected;
}

export async function stepIds(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...(document.querySelector('tide-story')?.shadowRoot?.querySelectorAll<HTMLElement>('.steps > .step') ?? [])].map((step) => step.dataset.stepId ?? ''),
  );
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core in the page (injected once per page, not per run) and expects no violations.
 * `onlyParts` are selectors inside the story's shadow root, to check only what a step change redraws.
 */
export async function expectNoAxeViolations(page: Page, context: string, onlyParts: string[] = []): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const summary = await page.evaluate(
    async ({ parts, tags }) => {
      const runner = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const include: import('axe-core').SelectorList = parts.map((part) => ({ fromShadowDom: ['tide-story', part] }));
      const scope: import('axe-core').ElementContext = parts.length ? { include } : document;
      const results = await runner.run(scope, { runOnly: { type: 'tag', values: tags } });
      return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    },
    { parts: onlyParts, tags: AXE_TAGS },
  );
  expect(summary, `axe violations ${context}`).toEqual([]);
}

/** Prints one of the figures the README's Reliability section quotes, such as how many stories were fuzzed. */
export function reportFigure(label: string, value: number): void {
  console.log(`[reliability] ${label}: ${value}`);
}

export { seededRandom } from '../seeded-random.ts';
