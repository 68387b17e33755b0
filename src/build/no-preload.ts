import type { Plugin } from 'vite';

/**
 * Replaces Vite's module-preload helper with a plain call. Our lazy chunks (presentation,
 * other languages) import only what the entry already loaded, so the helper, about half a
 * kilobyte, would preload nothing; `build.modulePreload: false` still ships it (vitejs/vite#18551).
 */
export function noPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'tide-no-preload-helper',
    enforce: 'pre',
    load(source) {
      if (source === id) return 'export const __vitePreload = (load) => load();';
      return undefined;
    },
  };
}
