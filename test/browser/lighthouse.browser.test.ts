import { expect, test } from 'vitest';
import { runLighthouse } from '../bench/lighthouse.ts';
import { siteUrl } from './harness.ts';

// Lighthouse's accessibility audits, on a phone, for the flagship page and a publisher's page.
for (const path of ['index.html', 'demos/plain.html']) {
  test(`Lighthouse scores ${path} 100 for accessibility`, async () => {
    const { accessibility, failing } = await runLighthouse(siteUrl(path), 'mobile', { categories: ['accessibility'] });
    expect(failing).toEqual([]);
    expect(accessibility).toBe(100);
  }, 120_000);
}
