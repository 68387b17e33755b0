/**
 * `npm run bench`: builds nothing itself (the npm script builds first), serves dist/ gzipped
 * as a host would, measures in headless Chromium, prints a table, and writes the figures to
 * bench/results/<time>.json. With bench/reference.json present, it also prints the change.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { launchChromium } from '../browser/chromium.ts';
import { serveFolder } from '../browser/static-server.ts';
import { BYTE_BUDGETS, TIMING_BUDGETS } from './budgets.ts';
import { generateLargeStory } from './large-story.ts';
import { runLighthouse, type LighthouseFigures } from './lighthouse.ts';
import { scrollThrough, type ScrollThrough } from './scroll-through.ts';
import { EMBED_PAGE, FLAGSHIP_PAGE, loadedAssets, type TransferTotals } from './transfers.ts';

const PHONE = { width: 412, height: 823 };
/** A laptop's window, where the events table is laid out in columns rather than stacked as cards. */
const WIDE = { width: 1280, height: 800 };
const CPU_SLOWDOWN = 4;
const SEED = 1;
/** Lighthouse mobile runs, of which the median is reported: its TBT moves most from run to run. */
const MOBILE_LIGHTHOUSE_RUNS = 3;

const LARGE_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Large story · Tideline benchmark</title>
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <script type="module" src="/lib/tideline.js"></script>
  </head>
  <body>
    <main><tide-story src="/bench/large.json" heading-level="1"></tide-story></main>
  </body>
</html>`;

interface Results {
  date: string;
  commit: string;
  machine: string;
  bytes: { flagship: TransferTotals; embed: TransferTotals };
  lighthouse: { mobile: LighthouseFigures; desktop: LighthouseFigures };
  flagship: ScrollThrough;
  large: ScrollThrough & { events: number; steps: number; seed: number };
  /** The same large story's scroll-through in a wide window (absent from runs before it was added). */
  largeWide?: ScrollThrough;
  seconds: number;
}

const began = Date.now();
const story = generateLargeStory({ seed: SEED });
const FLAGSHIP_STEPS = (JSON.parse(readFileSync('data/sumy-paris-london.json', 'utf8')) as { steps: unknown[] }).steps.length;
const server = await serveFolder('dist', () => ({}), { compress: true, extra: { '/bench/large.json': JSON.stringify(story), '/bench/large.html': LARGE_PAGE } });
const browser = await launchChromium();

async function withPage<T>(run: (page: import('playwright-core').Page) => Promise<T>, viewport = PHONE): Promise<T> {
  const context = await browser.newContext({ viewport });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

try {
  log('bytes');
  const bytes = {
    flagship: await withPage((page) => loadedAssets(page, server.url + FLAGSHIP_PAGE.path, FLAGSHIP_PAGE.include)),
    embed: await withPage((page) => loadedAssets(page, server.url + EMBED_PAGE.path, EMBED_PAGE.include)),
  };
  log('scroll-through, flagship');
  const flagship = await withPage((page) => scrollThrough(page, server.url, { wheel: 200, pause: 80, cpuSlowdown: CPU_SLOWDOWN, steps: FLAGSHIP_STEPS }));
  log('scroll-through, large story');
  const largeScroll = { wheel: 800, pause: 30, cpuSlowdown: CPU_SLOWDOWN, steps: story.steps.length };
  const large = await withPage((page) => scrollThrough(page, `${server.url}bench/large.html`, largeScroll));
  log('scroll-through, large story, wide window');
  const largeWide = await withPage((page) => scrollThrough(page, `${server.url}bench/large.html`, largeScroll), WIDE);
  log(`Lighthouse, mobile (${MOBILE_LIGHTHOUSE_RUNS} runs)`);
  const mobile = await runLighthouse(server.url, 'mobile', { runs: MOBILE_LIGHTHOUSE_RUNS });
  log('Lighthouse, desktop');
  const desktop = await runLighthouse(server.url, 'desktop');

  const results: Results = {
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']) + (git(['status', '--porcelain']) ? '+changes' : ''),
    machine: `${(await import('node:os')).cpus().length} cores, Chromium ${browser.version()}`,
    bytes,
    lighthouse: { mobile, desktop },
    flagship,
    large: { ...large, events: story.events.length, steps: story.steps.length, seed: SEED },
    largeWide,
    seconds: 0,
  };
  results.seconds = Math.round((Date.now() - began) / 1000);
  const reference = existsSync('bench/reference.json') ? (JSON.parse(readFileSync('bench/reference.json', 'utf8')) as Results) : undefined;
  print(results, reference);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/${results.date.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nWritten to ${file}. Copy it to bench/reference.json to compare later runs with it.`);
} finally {
  await browser.close();
  await server.close();
}

function log(what: string): void {
  console.error(`… ${what} (${Math.round((Date.now() - began) / 1000)} s)`);
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function print(results: Results, reference?: Results): void {
  const rows: Array<[string, string, string, string]> = [];
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const meets = (ok: boolean) => (ok ? 'met' : 'NOT MET');
  const was = (pick: (r: Results) => number, format: (n: number) => string) => (reference ? ` (was ${format(pick(reference))})` : '');
  const row = (name: string, value: string, budget = '', status = '') => rows.push([name, value, budget, status]);

  for (const key of ['flagship', 'embed'] as const) {
    const totals = results.bytes[key];
    const budget = BYTE_BUDGETS[key];
    const label = key === 'flagship' ? 'Flagship page JS + CSS' : 'Embed bundle (library + validator)';
    row(`${label}, gzip`, kb(totals.gzip) + was((r) => r.bytes[key].gzip, kb), `≤ ${kb(budget.target)} (CI ceiling ${kb(budget.ceiling)})`, meets(totals.gzip <= budget.target));
    row(`${label}, brotli`, kb(totals.brotli));
    row(`${label}, raw`, `${kb(totals.bytes)} in ${totals.files.length} files`);
  }
  for (const form of ['mobile', 'desktop'] as const) {
    const lh = results.lighthouse[form];
    const scores = `${lh.performance} / ${lh.accessibility} / ${lh.bestPractices} / ${lh.seo}`;
    const perfect = [lh.performance, lh.accessibility, lh.bestPractices, lh.seo].every((score) => score >= TIMING_BUDGETS.lighthouseScore);
    // With several runs, the median run's figures, and the spread over all of them.
    const median = lh.runs && lh.runs > 1 ? ` (median of ${lh.runs} runs)` : '';
    const spread = (what: string, range: [number, number] | undefined, format: (n: number) => string) => (median && range ? `; ${what}${format(range[0])} to ${format(range[1])} over all runs` : '');
    row(`Lighthouse ${form}${median}: perf / a11y / best / SEO`, scores + spread('performance ', lh.performanceRange, String), '100 each', form === 'mobile' ? meets(perfect) : '');
    row(`Lighthouse ${form}: LCP`, ms(lh.lcpMs));
    row(`Lighthouse ${form}: TBT`, ms(lh.tbtMs) + spread('', lh.tbtRangeMs, ms), form === 'mobile' ? '0 ms' : '', form === 'mobile' ? meets(lh.tbtMs <= TIMING_BUDGETS.tbtMs) : '');
    row(`Lighthouse ${form}: CLS`, lh.cls.toFixed(3), form === 'mobile' ? '0' : '', form === 'mobile' ? meets(lh.cls <= TIMING_BUDGETS.cls) : '');
  }
  const largeName = `Large (${results.large.events} events, ${results.large.steps} steps)`;
  const runs = [
    { name: 'Flagship', run: results.flagship, p95Budget: TIMING_BUDGETS.flagshipStepP95Ms, firstRenderBudget: undefined },
    { name: largeName, run: results.large, p95Budget: TIMING_BUDGETS.largeStepP95Ms, firstRenderBudget: TIMING_BUDGETS.largeFirstRenderMs },
    ...(results.largeWide
      ? [{ name: `${largeName}, ${WIDE.width}×${WIDE.height}`, run: results.largeWide, p95Budget: TIMING_BUDGETS.largeStepP95Ms, firstRenderBudget: TIMING_BUDGETS.largeFirstRenderMs }]
      : []),
  ];
  for (const { name, run, p95Budget, firstRenderBudget } of runs) {
    row(`${name}: steps visited by scrolling`, `${run.stepsVisited} of ${run.steps}`);
    row(`${name}: long tasks while scrolling (${CPU_SLOWDOWN}× CPU)`, `${run.longTasks} (${run.longTaskMs} ms)`, '0', meets(run.longTasks <= TIMING_BUDGETS.longTasks));
    row(`${name}: frames held past 50 ms, rendering included`, `${run.blockedFrames} (blocking ${run.frameBlockingMs} ms)`, '0', meets(run.blockedFrames <= TIMING_BUDGETS.longFrames));
    row(`${name}: of that blocking, while the story rendered in slices`, `${run.fillingBlockingMs} ms`);
    row(`${name}: step change p50 / p95 / max`, `${ms(run.stepP50Ms)} / ${ms(run.stepP95Ms)} / ${ms(run.stepMaxMs)} over ${run.stepChanges}`, `p95 ≤ ${p95Budget} ms`, meets(run.stepP95Ms <= p95Budget));
    row(
      `${name}: first render after parse (${CPU_SLOWDOWN}× CPU)`,
      ms(run.firstRenderMs),
      firstRenderBudget === undefined ? '' : `≤ ${firstRenderBudget} ms`,
      firstRenderBudget === undefined ? '' : meets(run.firstRenderMs <= firstRenderBudget),
    );
    row(`${name}: load (${CPU_SLOWDOWN}× CPU): chart drawn after navigation`, ms(run.drawnMs));
    row(`${name}: load: long tasks; frames held past 50 ms`, `${run.loadLongTasks}; ${run.loadBlockedFrames} (blocking ${run.loadFrameBlockingMs} ms)`);
    row(`${name}: JS heap after scrolling`, `${run.heapMb.toFixed(1)} MB`);
  }
  const widths = [0, 1, 2, 3].map((column) => Math.max(...rows.map((r) => (r[column] ?? '').length)));
  console.log(`\nTideline benchmark · ${results.date} · ${results.commit} · ${results.machine} · ${results.seconds} s\n`);
  for (const r of rows) console.log(r.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd());
}
