import { html, nothing, type TemplateResult } from 'lit';
import { FULL_DATE, formatDate, parseIsoDate } from '../story/dates.ts';
import type { StoryModel } from '../story/model.ts';
import type { StoryQuote } from '../story/schema.ts';
import { sourceNames } from './format.ts';

/** Punctuation that hugs the preceding word. */
const HUGS = /^[,.;:!?)]/;

/**
 * A quotation with its attribution and source. The quoted words sit in <q>, so the
 * marks come from CSS for the story's language and the text stays verbatim.
 */
export function quoteFigure(model: StoryModel, quote: StoryQuote, earlier = false): TemplateResult {
  const lang = model.locale;
  const after = quote.after ? html`${HUGS.test(quote.after) ? '' : ' '}<span class="reported">${quote.after}</span>` : nothing;
  const details = [quote.role, quote.place, formatDate(parseIsoDate(quote.date), lang, FULL_DATE)].filter(Boolean).join(', ');
  return html`<figure class="quote ${earlier ? 'is-earlier' : ''}" data-quote-id=${quote.id} part="quote">
    <blockquote><p>${quote.before ? html`<span class="reported">${quote.before}</span> ` : nothing}<q>${quote.text}</q>${after}</p></blockquote>
    <figcaption><span class="speaker">${quote.speaker}</span>${details ? `, ${details}` : ''} · <cite>${sourceNames(model, quote.sources)}</cite></figcaption>
  </figure>`;
}
