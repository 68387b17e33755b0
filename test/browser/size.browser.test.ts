import { expect, test } from 'vitest';
import { BYTE_BUDGETS } from '../bench/budgets.ts';
import { EMBED_PAGE, FLAGSHIP_PAGE, loadedAssets } from '../bench/transfers.ts';
import { openPage, PHONE, sharedBrowser, siteUrl } from './harness.ts';

const browser = sharedBrowser();

/** The byte budgets, enforced on what the browser actually fetched (see test/bench/budgets.ts). */
for (const [name, page, budget] of [
  ['flagship page', FLAGSHIP_PAGE, BYTE_BUDGETS.flagship],
  ['embed bundle', EMBED_PAGE, BYTE_BUDGETS.embed],
] as const) {
  test(`the ${name} loads at most ${budget.ceiling / 1000} kB of JS and CSS, gzipped`, async () => {
    const { page: tab, close } = await openPage(browser(), siteUrl(page.path), { viewport: PHONE });
    const totals = await loadedAssets(tab, siteUrl(page.path), page.include);
    const listing = totals.files.map((file) => `${file.path}: ${file.gzip} B`).join('\n');
    expect(totals.files.length, 'some JS was loaded').toBeGreaterThan(0);
    expect(totals.gzip, `${name} over budget:\n${listing}`).toBeLessThanOrEqual(budget.ceiling);
    // Presentation mode, other languages and (for a build-checked story) the validator stay unloaded.
    expect(totals.files.map((file) => file.path).filter((path) => /story-deck|\/uk-/.test(path))).toEqual([]);
    await close();
  });
}
