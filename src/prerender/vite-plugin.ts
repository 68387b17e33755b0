/**
 * Fills the flagship page at build and dev time: the story's HTML for readers without
 * JavaScript, its data for the component, and the page title and description.
 * A story that fails validation fails the build with its JSON path and problem.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

export interface PrerenderOptions {
  /** The page to fill, relative to the project root. */
  page: string;
  /** The story JSON, relative to the project root. */
  story: string;
}

const SLOT = '<!--tide:story-->';

export function prerenderStory(options: PrerenderOptions): Plugin {
  let root = process.cwd();
  return {
    name: 'tide-prerender-story',
    configResolved(config) {
      root = config.root;
    },
    handleHotUpdate({ file, server }) {
      if (file === resolve(root, options.story)) server.ws.send({ type: 'full-reload' });
    },
    transformIndexHtml: {
      order: 'pre',
      async handler(html, context) {
        if (resolve(root, options.page) !== resolve(context.filename)) return html;
        if (!html.includes(SLOT)) throw new Error(`${options.page}: expected ${SLOT} inside <tide-story>`);
        // Loaded lazily: Lit's SSR installs DOM shims that only this step needs.
        const [{ parseStoryJson }, { loadStrings }, { renderStaticStory, storyDataScript, escapeHtml }] = await Promise.all([
          import('../story/parse.ts'),
          import('../i18n/strings.ts'),
          import('./render-static.ts'),
        ]);
        const file = resolve(root, options.story);
        const json = readFileSync(file, 'utf8');
        let model;
        try {
          model = parseStoryJson(json);
        } catch (error) {
          throw new Error(`${options.story}:\n${error instanceof Error ? error.message : String(error)}`);
        }
        const level = Number(/<tide-story[^>]*\sheading-level="(\d)"/.exec(html)?.[1] ?? 2);
        // The validator's output (defaults filled in), marked as checked: the page skips validating it again.
        const { $schema: _schema, ...story } = model.story;
        model = { ...model, t: await loadStrings(model.locale) };
        const fallback = `<div class="tide-fallback">${renderStaticStory(model, level)}</div>${storyDataScript(story, true)}`;
        return html
          .replace(SLOT, fallback)
          .replaceAll('%TIDE_TITLE%', escapeHtml(model.story.title))
          .replaceAll('%TIDE_DESCRIPTION%', escapeHtml(model.story.dek))
          .replaceAll('%TIDE_LANG%', escapeHtml(model.story.lang));
      },
    },
  };
}
