import { html, nothing, type TemplateResult } from 'lit';
import { slideCount, hasNotes, type StoryModel } from '../story/model.ts';
import { epilogueView } from './epilogue.ts';
import { heading } from './heading.ts';
import { stepView } from './step.ts';

/** Ids inside the presentation are prefixed, so that they never clash with the scrolling story's. */
export const DECK_PREFIX = 'deck-';

export interface DeckViewOptions {
  /** Heading level of the story title. */
  level: number;
  /** The step on screen; `steps.length` is the "what happened next" slide. */
  slide: number;
  notes: boolean;
  /** The chart for the slide on screen. */
  timeline: TemplateResult;
  onMove(move: 'next' | 'previous'): void;
  onToggleNotes(): void;
  onExit(): void;
}

/**
 * Presentation mode: one step at a time, large, with the chart beside it, a counter, a thin
 * progress bar, and controls a teacher can reach with a mouse, a finger or a clicker.
 */
export function deckView(model: StoryModel, options: DeckViewOptions): TemplateResult {
  const { t, story } = model;
  const total = story.steps.length;
  const onEpilogue = options.slide >= total;
  const step = story.steps[Math.min(options.slide, total - 1)];
  const shown = Math.min(options.slide + 1, total);
  const atStart = options.slide <= 0;
  const atEnd = options.slide >= slideCount(model) - 1;
  return html`<div class="deck-bar">
      <div class="deck-title">${heading(options.level, `${DECK_PREFIX}title`, story.title)}</div>
      <p class="deck-counter">
        ${onEpilogue
          ? html`<span class="kicker">${t.laterReporting}</span>`
          : html`<span aria-hidden="true">${t.counter(shown, total)}</span><span class="visually-hidden">${t.counterLabel(shown, total)}</span>`}
      </p>
      ${hasNotes(model)
        ? html`<button type="button" class="deck-notes" part="notes-toggle" aria-pressed=${options.notes ? 'true' : 'false'} @click=${options.onToggleNotes}>${t.teacherNotes}</button>`
        : nothing}
      <button type="button" class="deck-exit" part="exit" @click=${options.onExit}>${t.exitPresentation}</button>
    </div>
    <progress class="deck-progress" max=${total} .value=${shown} aria-label=${t.progress}></progress>
    <div class="deck-stage">
      <figure class="deck-graphic" aria-label=${t.chartLabel(story.title)}>${options.timeline}</figure>
      <!-- Long text scrolls inside the card: a keyboard reader focuses it to scroll with the arrow keys. -->
      <div class="deck-card" part="deck-card" tabindex="0" role="region" aria-label=${onEpilogue || !step ? t.laterReporting : step.title}>
        ${onEpilogue || !step
          ? epilogueView(model, options.level + 1, DECK_PREFIX)
          : html`<ol class="deck-steps" start=${options.slide + 1}>
              ${stepView(model, step, options.slide, { level: options.level + 1, active: options.slide, notes: options.notes, idPrefix: DECK_PREFIX })}
            </ol>`}
      </div>
    </div>
    <div class="deck-nav">
      <button type="button" class="deck-previous" part="previous" ?disabled=${atStart} @click=${() => options.onMove('previous')}>
        <span aria-hidden="true">←</span> ${t.previous}
      </button>
      <p class="deck-hint">${t.keysHint}</p>
      <button type="button" class="deck-next" part="next" ?disabled=${atEnd} @click=${() => options.onMove('next')}>
        ${t.next} <span aria-hidden="true">→</span>
      </button>
    </div>`;
}
