import { html, nothing, type TemplateResult } from 'lit';
import type { StoryModel, TimedEvent } from '../story/model.ts';
import { centredSymbolPath } from '../timeline/symbols.ts';
import { describeFigure, describeWhen, describeWindow, sourceNames } from './format.ts';

/** A small inline swatch of a kind's mark, matching the chart and its key. */
export function kindSwatch(model: StoryModel, kindId: string, certainty = 'confirmed'): TemplateResult {
  const kind = model.kinds.get(kindId);
  return html`<svg class="swatch kind-${(kind?.index ?? 0) + 1} ${certainty}" viewBox="-8 -8 16 16" width="14" height="14" aria-hidden="true" focusable="false"><path d=${centredSymbolPath(kind?.symbol ?? 'circle', 11)}></path></svg>`;
}

export function certaintyBadge(model: StoryModel, event: TimedEvent): TemplateResult | typeof nothing {
  if (event.certainty === 'confirmed') return nothing;
  return html`<span class="badge ${event.certainty}">${event.certainty === 'expected' ? model.t.expected : model.t.uncertain}</span>`;
}

/** The facts of one event: when, where, figures with their qualifiers, and who says so. */
export function eventCard(model: StoryModel, event: TimedEvent): TemplateResult {
  const lang = model.locale;
  const window = event.certainty !== 'confirmed' && event.date !== undefined ? describeWindow(event, lang) : undefined;
  return html`<div class="event" data-event-id=${event.id}>
    <p class="event-head">${kindSwatch(model, event.kind, event.certainty)} <strong>${event.title}</strong> ${certaintyBadge(model, event)}</p>
    <p class="event-meta">${describeWhen(event, model)} · ${event.place}</p>
    ${window ? html`<p class="event-meta">${model.t.possibleDates} ${window}</p>` : nothing}
    ${event.datePhrase ? html`<p class="event-meta">${model.t.asWorded} ${event.datePhrase}</p>` : nothing}
    ${event.figures.length || event.facts.length
      ? html`<ul class="figures">
          ${event.figures.map((figure) => html`<li><strong>${describeFigure(figure, lang)}</strong>${figure.note ? `, ${figure.note}` : ''} <span class="cited">(${sourceNames(model, figure.sources)})</span></li>`)}
          ${event.facts.map((fact) => html`<li>${fact.text} <span class="cited">(${sourceNames(model, fact.sources)})</span></li>`)}
        </ul>`
      : nothing}
  </div>`;
}
