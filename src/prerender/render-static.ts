/**
 * Build-time rendering (Node only): the same view templates the component uses, rendered to
 * plain HTML for readers without JavaScript, with the story data inlined for the component.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import type { StoryModel } from '../story/model.ts';
import { CHECKED_ATTRIBUTE, fingerprint } from '../story/read.ts';
import type { Story } from '../story/schema.ts';
import { storyView } from '../views/story.ts';

/** Lit's hydration markers; the static page is never hydrated, so they are noise. */
const LIT_MARKERS = /<!--\/?lit-part[^>]*-->|<!--lit-node \d+-->|<\?lit\$\d+\$>/g;

export function renderStaticStory(model: StoryModel, headingLevel: number): string {
  const html = collectResultSync(render(storyView(model, { headingLevel, active: -1 })));
  return html.replace(LIT_MARKERS, '');
}

/**
 * The story as an inert JSON script. `<` is escaped so no text in the data can close the script.
 * A story passed in as `checked` is the validator's own output, so the page need not validate it
 * again; the mark carries the text's fingerprint, so that it lapses if the data is edited.
 */
export function storyDataScript(story: unknown): string;
export function storyDataScript(story: Story, checked: true): string;
export function storyDataScript(story: unknown, checked = false): string {
  const json = JSON.stringify(story).replace(/</g, '\\u003c');
  return `<script type="application/json" data-tide-story${checked ? ` ${CHECKED_ATTRIBUTE}="${fingerprint(json)}"` : ''}>${json}</script>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
