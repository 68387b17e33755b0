import { html, nothing, type TemplateResult } from 'lit';
import { FULL_DATE, formatDate, parseIsoDate } from '../story/dates.ts';
import type { StoryModel } from '../story/model.ts';
import { STRINGS } from '../i18n/strings.ts';
import { appendixView } from './appendix.ts';
import { heading } from './heading.ts';
import { stepView } from './step.ts';

export interface StoryViewOptions {
  /** Heading level of the story title; steps and sections sit one level below. */
  headingLevel: number;
  /** Index of the active step; -1 when nothing is active (the prerendered page). */
  active: number;
  /** The graphic beside the steps; absent in the prerendered page. */
  graphic?: TemplateResult;
}

function contents(model: StoryModel): TemplateResult {
  const steps = model.story.steps;
  return html`<nav class="contents" aria-label=${STRINGS.stepsNav}>
    <details>
      <summary>${STRINGS.allSteps(steps.length)}</summary>
      <ol>${steps.map((step) => html`<li><a href=${`#${step.id}`}>${step.title}</a></li>`)}</ol>
    </details>
  </nav>`;
}

/** The whole story as semantic HTML: header, steps beside the graphic, and the appendix. */
export function storyView(model: StoryModel, options: StoryViewOptions): TemplateResult {
  const { story } = model;
  const level = options.headingLevel;
  return html`<article class="story" part="story" lang=${story.lang}>
    <header class="story-header" part="header">
      <p class="kicker">${STRINGS.kicker} · ${STRINGS.asOfNote} ${formatDate(parseIsoDate(story.asOf), story.lang, FULL_DATE)}</p>
      ${heading(level, `${story.id}-title`, story.title)}
      <p class="dek">${story.dek}</p>
      ${story.asOfNote ? html`<p class="as-of-note">${story.asOfNote}</p>` : nothing}
      ${contents(model)}
    </header>
    <div class="scrolly ${options.graphic ? 'has-graphic' : ''}">
      ${options.graphic ?? nothing}
      <ol class="steps" part="steps">
        ${story.steps.map((step, index) => stepView(model, step, index, { level: level + 1, active: options.active }))}
      </ol>
    </div>
    ${appendixView(model, level + 1)}
  </article>`;
}
