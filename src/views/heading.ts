import { html, type TemplateResult } from 'lit';

/** A heading at a level chosen at run time (h1–h6), since hosts decide where the story sits in their outline. */
export function heading(level: number, id: string, content: unknown): TemplateResult {
  switch (Math.min(Math.max(Math.round(level), 1), 6)) {
    case 1: return html`<h1 id=${id}>${content}</h1>`;
    case 2: return html`<h2 id=${id}>${content}</h2>`;
    case 3: return html`<h3 id=${id}>${content}</h3>`;
    case 4: return html`<h4 id=${id}>${content}</h4>`;
    case 5: return html`<h5 id=${id}>${content}</h5>`;
    default: return html`<h6 id=${id}>${content}</h6>`;
  }
}
