import { guard } from 'lit/directives/guard.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { StoryModel } from '../story/model.ts';
import type { QuoteSeries, StoryQuote, StoryStep } from '../story/schema.ts';
import { eventCard } from './event-card.ts';
import { describeStepWhen, sourceNames } from './format.ts';
import { heading } from './heading.ts';
import { quoteFigure } from './quote.ts';

export interface StepViewOptions {
  /** Heading level of step titles. */
  level: number;
  /** Index of the active step; -1 when nothing is active (the prerendered page). */
  active: number;
  /** Show the step's teacher notes. */
  notes?: boolean;
  /** A chart drawn for this step alone, as the printed handout has. */
  chart?: TemplateResult;
  /** Put before every id, where the step is shown twice (the presentation). */
  idPrefix?: string;
}

/** Discussion questions and background for teachers; hidden unless notes are switched on. */
export function teacherNotes(model: StoryModel, step: StoryStep, level: number, domId = step.id): TemplateResult | typeof nothing {
  if (step.notes.length === 0) return nothing;
  const titleId = `${domId}-notes`;
  return html`<div class="teacher-notes" part="notes" role="note" aria-labelledby=${titleId}>
    ${heading(level, titleId, model.t.teacherNotes)}
    <ul>${step.notes.map((note) => html`<li>${note}</li>`)}</ul>
  </div>`;
}

/**
 * A quote series builds up: the step that reaches its next quotes also shows the earlier
 * ones, dimmed, so the sequence stays in front of the reader.
 */
function seriesBlock(model: StoryModel, series: QuoteSeries, arriving: StoryQuote[], level: number, stepId: string): TemplateResult {
  const firstIndex = Math.min(...arriving.map((quote) => model.seriesOfQuote.get(quote.id)?.index ?? 0));
  const earlier = series.quotes.slice(0, firstIndex).map((id) => model.quotes.get(id)).filter((quote): quote is StoryQuote => !!quote);
  const titleId = `${stepId}-${series.id}`;
  return html`<div class="series" role="group" aria-labelledby=${titleId}>
    ${heading(level, titleId, series.label)}
    ${firstIndex === 0 && series.note ? html`<p class="note">${series.note}</p>` : nothing}
    <ol class="series-quotes" start="1">
      ${earlier.map((quote) => html`<li>${quoteFigure(model, quote, true)}</li>`)}
      ${arriving.map((quote) => html`<li>${quoteFigure(model, quote)}</li>`)}
    </ol>
  </div>`;
}

function disagreementBox(model: StoryModel, id: string, level: number, stepId: string): TemplateResult | typeof nothing {
  const disagreement = model.disagreements.get(id);
  if (!disagreement) return nothing;
  const titleId = `${stepId}-${id}`;
  return html`<div class="disagreement" part="disagreement" role="note" aria-labelledby=${titleId}>
    ${heading(level, titleId, html`<span class="kicker">${model.t.disagreeHeading}</span> ${disagreement.title}`)}
    <dl>
      ${disagreement.accounts.map((account) => html`<dt>${model.sources.get(account.source)?.label ?? account.source}</dt><dd>${account.says}</dd>`)}
      ${disagreement.resolution
        ? html`<dt>${sourceNames(model, disagreement.resolution.sources)}</dt><dd>${disagreement.resolution.text}</dd>`
        : nothing}
    </dl>
  </div>`;
}

function sourceList(model: StoryModel, ids: readonly string[]): TemplateResult {
  return html`<div class="step-sources" part="sources">
    <span class="kicker">${ids.length === 1 ? model.t.source : model.t.sources}</span>
    <ul>
      ${ids.map((id) => {
        const source = model.sources.get(id);
        if (!source) return nothing;
        return html`<li><cite>${source.label}</cite>${source.dateline ? html` <span class="dateline">${source.dateline}</span>` : nothing} <span class="headline">${source.headline}</span></li>`;
      })}
    </ul>
  </div>`;
}

/** A step the reader has reached (all are, in the prerendered page): its quotes are shown. */
export function isReached(index: number, active: number): boolean {
  return active < 0 || index <= active;
}

export function stepView(model: StoryModel, step: StoryStep, index: number, options: StepViewOptions): TemplateResult {
  const { level, active, notes, chart } = options;
  const reached = isReached(index, active);
  const domId = `${options.idPrefix ?? ''}${step.id}`;
  const titleId = `${domId}-title`;

  // Only the classes above change as the reader scrolls; the card is rebuilt only when what it shows changes.
  const card = () => {
    const when = describeStepWhen(model, step);
    const quotes = step.quotes.map((id) => model.quotes.get(id)).filter((quote): quote is StoryQuote => !!quote);
    const loose = quotes.filter((quote) => !model.seriesOfQuote.has(quote.id));
    const seriesHere = [...new Set(quotes.map((quote) => model.seriesOfQuote.get(quote.id)?.series).filter((series): series is QuoteSeries => !!series))];
    const newEvents = step.events
      .filter((id) => model.firstStepOfEvent.get(id) === index)
      .map((id) => model.eventsById.get(id))
      .filter((event) => event !== undefined);
    return html`<div class="step-card" part="step-card">
      ${when ? html`<p class="step-when">${when}</p>` : nothing}
      ${heading(level, titleId, step.title)}
      ${chart ?? nothing}
      ${step.body.map((paragraph) => html`<p>${paragraph}</p>`)}
      ${loose.map((quote) => quoteFigure(model, quote))}
      ${seriesHere.map((series) =>
        seriesBlock(model, series, quotes.filter((quote) => model.seriesOfQuote.get(quote.id)?.series === series), level + 1, domId),
      )}
      ${newEvents.length ? html`<div class="events">${newEvents.map((event) => eventCard(model, event))}</div>` : nothing}
      ${step.disagreements.map((id) => disagreementBox(model, id, level + 1, domId))}
      ${sourceList(model, step.sources)}
      ${notes ? teacherNotes(model, step, level + 1, domId) : nothing}
    </div>`;
  };

  return html`<li
    class="step ${index === active ? 'is-active' : ''} ${reached ? 'is-reached' : ''}"
    id=${domId}
    data-step-id=${step.id}
    part="step"
    tabindex="0"
    aria-labelledby=${titleId}
    aria-current=${index === active ? 'step' : nothing}
  >
    ${guard([model, step, level, notes, chart, domId], card)}
  </li>`;
}
