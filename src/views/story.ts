import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FULL_DATE, formatDate, parseIsoDate } from '../story/dates.ts';
import type { StoryModel } from '../story/model.ts';
import type { StoryStep } from '../story/schema.ts';
import { appendixView } from './appendix.ts';
import { epilogueView } from './epilogue.ts';
import { uiLang } from './format.ts';
import { heading } from './heading.ts';
import { isReached, stepView } from './step.ts';

export interface StoryViewOptions {
  /** Heading level of the story title; steps and sections sit one level below. */
  headingLevel: number;
  /** Index of the active step; -1 when nothing is active (the prerendered page). */
  active: number;
  /** The graphic beside the steps; absent in the prerendered page. */
  graphic?: TemplateResult;
  /** Controls under the title, such as "Present"; absent in the prerendered page. */
  tools?: TemplateResult;
  /** Show teacher notes in the steps. */
  notes?: boolean;
  /** A chart for each step, drawn only while printing. */
  stepChart?: (step: StoryStep) => TemplateResult;
  /** How many of the story's slices (see `storySlices`) are rendered yet; all when absent. */
  shown?: number;
  /** More slices are on their way: the article is `aria-busy`. */
  busy?: boolean;
  /**
   * Called as the reader reaches for the contents list (focus or a press on it) and when it
   * opens. With it, the list's links are left out until then (`contentsListed`): in a long
   * story they are hundreds of elements that a first render need not build. They are built on
   * focus, not only on opening, because the browser may handle a quick Tab before it reports
   * the opening. Without it, as in the static copy, they are always there.
   */
  onContentsWanted?: () => void;
  contentsListed?: boolean;
}

/** Events-table rows that make one slice of rendering work, about as much as one step. */
const ROWS_PER_SLICE = 4;

/**
 * A story renders in slices: one per step, in order, then the events table four rows at a
 * time. What follows the steps waits until they are all there.
 */
export function storySlices(model: StoryModel): number {
  return model.story.steps.length + Math.ceil(model.events.length / ROWS_PER_SLICE);
}

function contents(model: StoryModel, listed: boolean, wanted: (() => void) | undefined): TemplateResult {
  const steps = model.story.steps;
  return html`<nav class="contents" aria-label=${model.t.stepsNav}>
    <details @focusin=${wanted} @pointerdown=${wanted} @toggle=${wanted}>
      <summary lang=${ifDefined(uiLang(model))}>${model.t.allSteps(steps.length)}</summary>
      <ol>${listed ? steps.map((step) => html`<li><a href=${`#${step.id}`}>${step.title}</a></li>`) : nothing}</ol>
    </details>
  </nav>`;
}

/** The whole story as semantic HTML: header, steps beside the graphic, what happened next, and the appendix. */
export function storyView(model: StoryModel, options: StoryViewOptions): TemplateResult {
  const { story, t } = model;
  const level = options.headingLevel;
  const shown = options.shown ?? Number.POSITIVE_INFINITY;
  const steps = shown < story.steps.length ? story.steps.slice(0, shown) : story.steps;
  const rows = Math.min(Math.max(shown - story.steps.length, 0) * ROWS_PER_SLICE, model.events.length);
  const listed = !options.onContentsWanted || !!options.contentsListed;
  return html`<article class="story" part="story" lang=${story.lang} aria-busy=${options.busy ? 'true' : nothing}>
    <header class="story-header" part="header">
      <p class="kicker" lang=${ifDefined(uiLang(model))}>${t.kicker} · ${t.asOfNote} ${formatDate(parseIsoDate(story.asOf), model.locale, FULL_DATE)}</p>
      ${heading(level, `${story.id}-title`, story.title)}
      <p class="dek">${story.dek}</p>
      ${story.asOfNote ? html`<p class="as-of-note">${story.asOfNote}</p>` : nothing}
      ${options.tools ?? nothing}
      ${guard([model, listed], () => contents(model, listed, options.onContentsWanted))}
    </header>
    <div class="scrolly ${options.graphic ? 'has-graphic' : ''}">
      ${options.graphic ?? nothing}
      <ol class="steps" part="steps">
        ${steps.map((step, index) => {
          const chart = options.stepChart?.(step);
          // A step changes with the reader only as it becomes, or stops being, active or reached.
          return guard([model, step, level, options.notes, chart, index === options.active, isReached(index, options.active)], () =>
            stepView(model, step, index, { level: level + 1, active: options.active, notes: options.notes, chart }),
          );
        })}
      </ol>
    </div>
    ${steps.length < story.steps.length ? nothing : guard([model, level, rows], () => [epilogueView(model, level + 1), appendixView(model, level + 1, rows)])}
  </article>`;
}
