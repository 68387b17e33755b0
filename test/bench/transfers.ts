/**
 * The JS and CSS a page actually loads, read from the network as the browser fetches it, and
 * what each costs compressed. Used by the benchmark and by the CI byte-budget test.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export interface Transfer {
  /** Path of the file on the server, such as `/assets/index-abc.js`. */
  path: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

export interface TransferTotals {
  files: Transfer[];
  bytes: number;
  gzip: number;
  brotli: number;
}

export function compressedSizes(body: Buffer): Omit<Transfer, 'path'> {
  return {
    bytes: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * Opens `url`, waits for the story to render, and totals every script and stylesheet fetched
 * whose path passes `include`.
 */
export async function loadedAssets(page: Page, url: string, include: (path: string) => boolean = () => true): Promise<TransferTotals> {
  const pending: Array<Promise<Transfer | undefined>> = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const path = new URL(response.url()).pathname;
    if ((type !== 'script' && type !== 'stylesheet') || !include(path)) return;
    pending.push(response.body().then((body) => ({ path, ...compressedSizes(body) }), () => undefined));
  });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('tide-story')?.shadowRoot?.querySelector('.steps'));
  await page.waitForLoadState('networkidle');
  const files = (await Promise.all(pending)).filter((file): file is Transfer => file !== undefined);
  const sum = (key: 'bytes' | 'gzip' | 'brotli') => files.reduce((total, file) => total + file[key], 0);
  return { files, bytes: sum('bytes'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/** The flagship page's own JS and CSS. */
export const FLAGSHIP_PAGE = { path: '', include: () => true };
/** The library files a publisher's page loads; the demo page's own stylesheet is the host's. */
export const EMBED_PAGE = { path: 'demos/plain.html', include: (path: string) => path.includes('/lib/') };
