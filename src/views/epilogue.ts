import { html, nothing, type TemplateResult } from 'lit';
import { FULL_DATE, formatDate, parseIsoDate } from '../story/dates.ts';
import type { StoryModel } from '../story/model.ts';
import { sourceNames } from './format.ts';
import { heading } from './heading.ts';

export const EPILOGUE_ID = 'tl-later';

/**
 * "What happened next": later reporting, set apart from the as-of story in its own labelled
 * section. Its entries never reach the timeline or the steps.
 */
export function epilogueView(model: StoryModel, level: number, idPrefix = ''): TemplateResult | typeof nothing {
  const epilogue = model.story.epilogue;
  if (!epilogue) return nothing;
  const { locale, t } = model;
  const titleId = `${idPrefix}${EPILOGUE_ID}`;
  return html`<section class="epilogue" part="epilogue" aria-labelledby=${titleId}>
    <p class="kicker">${t.laterReporting}</p>
    ${heading(level, titleId, epilogue.title)}
    <p class="epilogue-note">${t.epilogueNote(formatDate(parseIsoDate(model.story.asOf), locale, FULL_DATE))}</p>
    <ol class="epilogue-entries">
      ${epilogue.entries.map(
        (entry) => html`<li>
          <p class="epilogue-date"><time datetime=${entry.date}>${formatDate(parseIsoDate(entry.date), locale, FULL_DATE)}</time></p>
          <p>${entry.text}</p>
          <p class="cited">${entry.sources.length === 1 ? t.source : t.sources}: ${sourceNames(model, entry.sources)}</p>
        </li>`,
      )}
    </ol>
  </section>`;
}
