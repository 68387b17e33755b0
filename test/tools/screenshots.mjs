// @ts-check
/**
 * Regenerates the README screenshots from the built site: `npm run screenshots`.
 * Uses Debian's Chromium (or CHROME_PATH), like the browser tests.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const OUT = 'public/screenshots';
const SHOTS = [
  { file: 'desktop.png', viewport: { width: 1280, height: 800 }, step: 'rubio-matter-of-days', colorScheme: /** @type {const} */ ('light') },
  { file: 'phone.png', viewport: { width: 390, height: 844 }, step: 'kharkiv', colorScheme: /** @type {const} */ ('light') },
  { file: 'desktop-dark.png', viewport: { width: 1280, height: 800 }, step: 'sumy-bakery', colorScheme: /** @type {const} */ ('dark') },
  { file: 'present.png', viewport: { width: 1920, height: 1080 }, step: 'kharkiv', colorScheme: /** @type {const} */ ('light'), query: '?present' },
];

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error('vite preview did not report a URL');
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
});
mkdirSync(OUT, { recursive: true });
try {
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: shot.viewport, colorScheme: shot.colorScheme, reducedMotion: 'reduce' });
    await page.goto(`${base}${shot.query ?? ''}#${shot.step}`);
    await page.waitForFunction(() => !!document.querySelector('tide-story')?.shadowRoot?.querySelector('.step[aria-current="step"]'));
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${OUT}/${shot.file}` });
    await page.close();
    console.log(`${OUT}/${shot.file}`);
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
