/**
 * Prepares the flagship page for its offline copy: a page opened from disk can fetch nothing,
 * so the favicon becomes a data URL and links that only make sense on the website go.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Marks an element of index.html that the offline copy leaves out. */
const ONLINE_ONLY = /<([a-z]+)\b[^>]*\bdata-online-only\b[^>]*>[\s\S]*?<\/\1>\s*/g;

export function offlinePage(): Plugin {
  let root = process.cwd();
  return {
    name: 'tide-offline-page',
    configResolved(config) {
      root = config.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const icon = readFileSync(resolve(root, 'public/favicon.svg'), 'utf8');
        const iconUrl = `data:image/svg+xml,${encodeURIComponent(icon)}`;
        return html.replace(/(<link rel="icon" href=")[^"]*(")/, `$1${iconUrl}$2`).replace(ONLINE_ONLY, '');
      },
    },
  };
}
