/** Lighthouse 12 in Debian's Chromium, mobile (its default: a throttled mid-range phone) and desktop. */
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { chromiumPath } from '../browser/chromium.ts';

export interface LighthouseFigures {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audits that scored below full marks in the categories run, by id. */
  failing: string[];
  /** How many runs the figures were chosen from (absent from results before it was added). */
  runs?: number;
  /** The lowest and highest performance score and TBT over those runs. */
  performanceRange?: [number, number];
  tbtRangeMs?: [number, number];
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * The figures of the median run of `runs`, chosen as Lighthouse's own tooling chooses it
 * (`computeMedianRun`: the run nearest the median FCP and time to interactive), with the
 * spread of the performance score and TBT. Lighthouse's guide to variability advises several
 * runs; on this shared machine one run's TBT has ranged from 15 to 560 ms on the same code.
 */
export async function runLighthouse(url: string, formFactor: 'mobile' | 'desktop', { runs = 1, categories = CATEGORIES }: { runs?: number; categories?: string[] } = {}): Promise<LighthouseFigures> {
  const results: Result[] = [];
  for (let run = 0; run < runs; run++) results.push(await runOnce(url, formFactor, categories));
  const [only] = results;
  if (!only) throw new Error(`runs must be at least 1, not ${runs}`);
  const figures = results.map(figuresOf);
  // The median needs the performance category's timings; a single run is its own median.
  const median = figuresOf(results.length > 1 ? computeMedianRun(results) : only);
  const range = (pick: (f: LighthouseFigures) => number): [number, number] => [Math.min(...figures.map(pick)), Math.max(...figures.map(pick))];
  return { ...median, runs, performanceRange: range((f) => f.performance), tbtRangeMs: range((f) => f.tbtMs) };
}

async function runOnce(url: string, formFactor: 'mobile' | 'desktop', onlyCategories: string[]): Promise<Result> {
  const chrome = await launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories }, formFactor === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

function figuresOf({ categories, audits }: Result): LighthouseFigures {
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    failing: Object.values(categories).flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id)),
  };
}
