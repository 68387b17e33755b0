import type { CDPSession, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { expectActiveAtReadingLine, openPage, reportFigure, seededRandom, settle, sharedBrowser, siteUrl, stepIds } from './harness.ts';

const browser = sharedBrowser();
const ACTIONS = 300;
const SEED = 20250413;

const WINDOWS = [
  { width: 390, height: 844 },
  { width: 844, height: 390 },
  { width: 320, height: 568 },
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
];
const ZOOMS = [1, 1.25, 1.5, 2, 3, 4];

interface Screen {
  window: { width: number; height: number };
  zoom: number;
}

/** Browser zoom, as Chromium applies it: fewer, larger CSS pixels in the same window. */
async function applyScreen(cdp: CDPSession, { window, zoom }: Screen): Promise<void> {
  await cdp.send('Emulation.setDeviceMetricsOverride', {
    width: Math.round(window.width / zoom),
    height: Math.round(window.height / zoom),
    deviceScaleFactor: zoom,
    mobile: false,
  });
}

type Action = (page: Page) => Promise<{ label: string; expectStep?: string }>;

test(`${ACTIONS} seeded random actions (wheel bursts, jumps, keys, resizes, zooms, hash changes) always settle on exactly the step at the reading line`, async () => {
  const { page, problems, close } = await openPage(browser(), siteUrl(), { viewport: WINDOWS[3] });
  const cdp = await page.context().newCDPSession(page);
  const random = seededRandom(SEED);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const ids = await stepIds(page);
  const screen: Screen = { window: WINDOWS[3]!, zoom: 1 };
  await applyScreen(cdp, screen);

  const actions: Record<string, Action> = {
    async wheel(page) {
      const size = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
      await page.mouse.move(size.width / 2, size.height - 10);
      const deltas = Array.from({ length: 3 + Math.floor(random() * 6) }, () => Math.round((random() - 0.35) * 1600));
      for (const delta of deltas) await page.mouse.wheel(0, delta);
      return { label: `wheel burst ${deltas.join(',')}` };
    },
    async scrollTo(page) {
      const fraction = random();
      await page.evaluate((at) => window.scrollTo({ top: (document.documentElement.scrollHeight - innerHeight) * at, behavior: 'instant' }), fraction);
      return { label: `scrollTo ${fraction.toFixed(3)} of the page` };
    },
    async key(page) {
      const key = pick(['PageDown', 'PageUp', 'Space', 'ArrowDown', 'ArrowUp', 'End', 'Home']);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press(key);
      return { label: `key ${key}` };
    },
    async resize() {
      screen.window = pick(WINDOWS);
      await applyScreen(cdp, screen);
      return { label: `resize to ${screen.window.width}×${screen.window.height} at ${screen.zoom * 100}%` };
    },
    async zoom() {
      screen.zoom = pick(ZOOMS);
      await applyScreen(cdp, screen);
      return { label: `zoom to ${screen.zoom * 100}% of ${screen.window.width}×${screen.window.height}` };
    },
    async hash(page) {
      const id = pick(ids);
      await page.evaluate((stepId) => {
        location.hash = stepId;
      }, id);
      return { label: `hash #${id}`, expectStep: id };
    },
  };
  const names = Object.keys(actions);
  const tally: Record<string, number> = {};
  const history: string[] = [];
  for (let index = 0; index < ACTIONS; index += 1) {
    const name = pick(names);
    tally[name] = (tally[name] ?? 0) + 1;
    const { label, expectStep } = await actions[name]!(page);
    history.push(label);
    await settle(page);
    if (name === 'resize' || name === 'zoom') await settle(page);
    // The last few actions, to replay a failure.
    const context = `action ${index} (seed ${SEED}): ${history.slice(-4).join(' → ')}`;
    const active = await expectActiveAtReadingLine(page, context);
    if (expectStep) expect(active, context).toBe(expectStep);
  }
  expect(Object.keys(tally).sort()).toEqual(names.sort());
  expect(problems).toEqual([]);
  reportFigure('scroll torture actions', ACTIONS);
  console.log(`[reliability] torture actions by kind: ${JSON.stringify(tally)}`);
  await cdp.detach();
  await close();
}, 300_000);
