import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { formatDate, parseIsoDate, DAY_MONTH_YEAR } from '../story/dates.ts';
import type { StoryModel, TimedEvent } from '../story/model.ts';
import { certaintyBadge, kindSwatch } from './event-card.ts';
import { describeFigure, describeWhen, sourceNames } from './format.ts';
import { heading } from './heading.ts';
import { httpLink } from './links.ts';

/** Fragment ids of the appendix sections, shared with the chart's link to the table. */
export const APPENDIX_IDS = { events: 'tl-events', disagreements: 'tl-disagreements', sources: 'tl-sources' } as const;

function eventRow(model: StoryModel, event: TimedEvent): TemplateResult {
  const step = model.firstStepOfEvent.get(event.id);
  const stepId = step === undefined ? undefined : model.story.steps[step]?.id;
  return html`<tr data-event-id=${event.id}>
    <td data-label=${model.t.colWhen}>${event.context ? html`<span class="badge">${model.t.earlier}</span> ` : nothing}${describeWhen(event, model)} ${certaintyBadge(model, event)}</td>
    <td data-label=${model.t.colPlace}>${event.place}</td>
    <td data-label=${model.t.colWhat}>
      <p class="event-head">${kindSwatch(model, event.kind, event.certainty)} <strong>${event.title}</strong></p>
      <p>${event.summary}</p>
      ${event.figures.length
        ? html`<ul class="figures">${event.figures.map((figure) => html`<li>${describeFigure(figure, model.locale)} <span class="cited">(${sourceNames(model, figure.sources)})</span></li>`)}</ul>`
        : nothing}
      ${stepId ? html`<a class="to-step" href=${`#${stepId}`}>${model.t.readInStory}</a>` : nothing}
    </td>
    <td data-label=${model.t.colSources}>${sourceNames(model, event.sources)}</td>
  </tr>`;
}

/**
 * A table of more rows than this is long: it waits for the reader (tide-story.ts), and lays
 * out only the row groups near them (tide-story.css). A short one is laid out as it arrives,
 * while the page loads, rather than a group at a time as the reader scrolls.
 */
const LONG_TABLE_ROWS = 200;

export function hasLongTable(model: StoryModel): boolean {
  return model.events.length > LONG_TABLE_ROWS;
}

/**
 * Rows per row group of a long table. Each group is laid out in one frame as it comes near.
 * Twenty rows made that frame twice as long; a group per row had Chromium checking a thousand
 * elements' positions on every frame.
 */
const ROWS_PER_GROUP = 10;

function rowGroups(events: readonly TimedEvent[]): TimedEvent[][] {
  const groups: TimedEvent[][] = [];
  for (let start = 0; start < events.length; start += ROWS_PER_GROUP) groups.push(events.slice(start, start + ROWS_PER_GROUP));
  return groups;
}

/** Every event, in order: the chart's text alternative. The first `rows` only, while a long story renders. */
function eventsTable(model: StoryModel, level: number, rows: number): TemplateResult {
  const events = rows < model.events.length ? model.events.slice(0, rows) : model.events;
  const long = hasLongTable(model);
  return html`<section class="appendix-section" aria-labelledby=${APPENDIX_IDS.events}>
    ${heading(level, APPENDIX_IDS.events, model.t.eventsHeading)}
    <table class=${long ? 'events-table is-long' : 'events-table'}>
      <caption>${model.t.eventsCaption}</caption>
      <thead><tr><th scope="col">${model.t.colWhen}</th><th scope="col">${model.t.colPlace}</th><th scope="col">${model.t.colWhat}</th><th scope="col">${model.t.colSources}</th></tr></thead>
      ${(long ? rowGroups(events) : [events]).map((group) => html`<tbody>${group.map((event) => guard([model, event], () => eventRow(model, event)))}</tbody>`)}
    </table>
  </section>`;
}

function disagreementList(model: StoryModel, level: number): TemplateResult | typeof nothing {
  if (model.disagreements.size === 0) return nothing;
  return html`<section class="appendix-section" aria-labelledby=${APPENDIX_IDS.disagreements}>
    ${heading(level, APPENDIX_IDS.disagreements, model.t.disagreementsHeading)}
    <dl class="disagreement-list">
      ${[...model.disagreements.values()].map(
        (disagreement) => html`<dt>${disagreement.title}</dt>
          <dd><ul>
            ${disagreement.accounts.map((account) => html`<li><cite>${model.sources.get(account.source)?.label}</cite>: ${account.says}</li>`)}
            ${disagreement.resolution ? html`<li><cite>${sourceNames(model, disagreement.resolution.sources)}</cite>: ${disagreement.resolution.text}</li>` : nothing}
          </ul></dd>`,
      )}
    </dl>
  </section>`;
}

/** The source's address: a link when it is http(s), otherwise nothing to follow. */
function sourceLink(url: string | undefined): TemplateResult | typeof nothing {
  if (!url) return nothing;
  const href = httpLink(url);
  return href ? html`<p><a href=${href} rel="noopener noreferrer">${url}</a></p>` : nothing;
}

function sourcesList(model: StoryModel, level: number): TemplateResult {
  const lang = model.locale;
  return html`<section class="appendix-section" aria-labelledby=${APPENDIX_IDS.sources}>
    ${heading(level, APPENDIX_IDS.sources, model.t.sourcesHeading)}
    <dl class="source-list">
      ${model.story.sources.map(
        (source) => html`<dt id=${`source-${source.id}`}><cite>${source.label}</cite>${source.dateline ? html` <span class="dateline">${source.dateline}</span>` : nothing}</dt>
          <dd>
            <p>${source.headline}</p>
            ${source.published ? html`<p>${model.t.published} ${formatDate(parseIsoDate(source.published), lang, DAY_MONTH_YEAR)}</p>` : nothing}
            ${source.note ? html`<p>${source.note}</p>` : nothing}
            ${sourceLink(source.url)}
          </dd>`,
      )}
    </dl>
  </section>`;
}

/** `rows` limits the events table while a long story is still rendering. */
export function appendixView(model: StoryModel, level: number, rows = model.events.length): TemplateResult {
  return html`<div class="appendix" part="appendix">
    ${eventsTable(model, level, rows)} ${disagreementList(model, level)} ${sourcesList(model, level)}
  </div>`;
}
