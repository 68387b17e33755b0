import type { UserConfig } from 'vite';
import { defineConfig } from 'vitest/config';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { noPreloadHelper } from './src/build/no-preload.ts';
import { offlinePage } from './src/build/offline-page.ts';
import { publishData } from './src/build/publish-data.ts';
import { prerenderStory } from './src/prerender/vite-plugin.ts';

/**
 * Terser, three passes, in place of Vite's own minifier for what readers download: 0.42 kB gzip
 * less on the flagship page and 0.51 kB on the embed, for about 6 s more of build.
 * The preamble is V8's compile hint (Chrome 136+): nearly every function in our files runs as
 * the story loads or at its first steps, so V8 compiles them all while the file downloads, on
 * another thread, instead of one by one on the main thread as each is first called.
 */
const MINIFY = {
  minify: 'terser',
  terserOptions: { ecma: 2020, module: true, compress: { passes: 3 }, format: { comments: false, preamble: '//# allFunctionsCalledOnLoad' } },
} as const satisfies UserConfig['build'];

const unitTests = ['test/**/*.test.ts'];
const browserTests = ['test/**/*.browser.test.ts'];
/** Unit tests that depend on dates run again in far-west and far-east zones. */
const zoneSensitive = ['test/story/**/*.test.ts', 'test/timeline/**/*.test.ts', 'test/views/**/*.test.ts'];
/** The fuzz tests need no time zone, and take a while: they run once. */
const zoneFree = ['test/story/fuzz.test.ts'];

/**
 * The library files, one build each (`vite build --mode lib`, `lib-embed`, `lib-frame`): a
 * publisher adds one script tag and nothing else. What only some readers need (presentation
 * mode, the validator, other languages) is split into chunks beside it, fetched on first use.
 */
const LIBRARY: Record<string, LibraryFile> = {
  lib: { name: 'tideline', entry: 'src/index.ts', outDir: 'dist/lib' },
  'lib-validate': { name: 'tideline-validate', entry: 'src/validate.ts', outDir: 'dist/lib' },
  'lib-embed': { name: 'tideline-embed', entry: 'src/embed/frame-child.ts', outDir: 'dist/lib' },
  'lib-frame': { name: 'tideline-frame', entry: 'src/embed/frame-parent.ts', outDir: 'dist/lib' },
  // The framework examples, bundled with their framework as an app would be.
  'demo-react': { name: 'react-demo', entry: 'src/demos/react-demo.ts', outDir: 'dist/demos', example: true },
  'demo-vue': { name: 'vue-demo', entry: 'src/demos/vue-demo.ts', outDir: 'dist/demos', example: true },
};

interface LibraryFile {
  name: string;
  entry: string;
  outDir: string;
  /** An example app: its framework's bytes are not ours, so Rolldown's quicker minifier does. */
  example?: boolean;
}

function library({ name, entry, outDir, example = false }: LibraryFile): UserConfig {
  return {
    // Production builds of React and Vue, as a publisher's app would ship.
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    build: {
      target: 'es2022',
      outDir,
      // The builds share the folder; the site build, which runs first, has emptied dist/.
      emptyOutDir: false,
      copyPublicDir: false,
      cssMinify: true,
      ...(example ? {} : MINIFY),
      modulePreload: false,
      lib: { entry, formats: ['es'], fileName: () => `${name}.js` },
      // Lazy chunks import what they share from the entry, which may export more than its API for that.
      // Library mode leaves ES output unminified unless asked: Terser does it above, Rolldown for the examples.
      rolldownOptions: { preserveEntrySignatures: 'allow-extension', output: { minify: example, chunkFileNames: 'chunks/[name]-[hash].js' } },
    },
  };
}

const FLAGSHIP = 'data/sumy-paris-london.json';

/**
 * The flagship story as one self-contained HTML file (`vite build --mode offline`): script,
 * styles and story data inlined, so that it works opened from disk with no network.
 */
const offline: UserConfig = {
  base: './',
  plugins: [prerenderStory({ page: 'index.html', story: FLAGSHIP }), offlinePage(), viteSingleFile({ outputFileName: 'sumy-paris-london.html' })],
  publicDir: false,
  build: { target: 'es2022', outDir: 'dist/offline', emptyOutDir: false },
};

const site: UserConfig = {
  // Relative asset URLs: dist/ works from any static server and any sub-path.
  base: './',
  plugins: [prerenderStory({ page: 'index.html', story: FLAGSHIP }), publishData(), noPreloadHelper()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    ...MINIFY,
    // Lazy chunks import only what the entry already loaded: nothing to preload (see noPreloadHelper).
    modulePreload: false,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
};

export default defineConfig(({ mode }) => {
  const libraryFile = LIBRARY[mode];
  if (libraryFile) return library(libraryFile);
  if (mode === 'offline') return offline;
  return {
    ...site,
    test: {
      // Vitest's default on a 2-core machine is one worker, which ran every file in turn. The
      // browser tests mostly wait on frames and timers (under a fifth of a core on average), so
      // two Chromiums at once take 7 to 9 minutes where one took 11, also beside a busy process.
      maxWorkers: 2,
      projects: [
        {
          extends: true,
          test: { name: 'unit', include: unitTests, exclude: browserTests, env: { TZ: 'UTC' } },
        },
        {
          extends: true,
          test: { name: 'unit-honolulu', include: zoneSensitive, exclude: [...browserTests, ...zoneFree], env: { TZ: 'Pacific/Honolulu' } },
        },
        {
          extends: true,
          test: { name: 'unit-tokyo', include: zoneSensitive, exclude: [...browserTests, ...zoneFree], env: { TZ: 'Asia/Tokyo' } },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: browserTests,
            globalSetup: ['test/browser/global-setup.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
      ],
    },
  };
});
