import { defineConfig } from 'vitest/config';
import { prerenderStory } from './src/prerender/vite-plugin.ts';

const unitTests = ['test/**/*.test.ts'];
const browserTests = ['test/**/*.browser.test.ts'];
/** Unit tests that depend on dates run again in far-west and far-east zones. */
const zoneSensitive = ['test/story/**/*.test.ts', 'test/timeline/**/*.test.ts', 'test/views/**/*.test.ts'];

export default defineConfig({
  // Relative asset URLs: dist/ works from any static server and any sub-path.
  base: './',
  plugins: [prerenderStory({ page: 'index.html', story: 'data/sumy-paris-london.json' })],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: unitTests, exclude: browserTests, env: { TZ: 'UTC' } },
      },
      {
        extends: true,
        test: { name: 'unit-honolulu', include: zoneSensitive, exclude: browserTests, env: { TZ: 'Pacific/Honolulu' } },
      },
      {
        extends: true,
        test: { name: 'unit-tokyo', include: zoneSensitive, exclude: browserTests, env: { TZ: 'Asia/Tokyo' } },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: browserTests,
          globalSetup: ['test/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
