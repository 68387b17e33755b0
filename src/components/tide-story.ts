import { html, LitElement, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { StepController, type StepCause } from '../controllers/step-controller.ts';
import { STRINGS } from '../i18n/strings.ts';
import { daySpan, type StoryModel } from '../story/model.ts';
import { parseStoryJson, StoryError } from '../story/parse.ts';
import { APPENDIX_IDS } from '../views/appendix.ts';
import { describeStepWhen } from '../views/format.ts';
import { storyView } from '../views/story.ts';
import storyCss from './tide-story.css?inline';
import tokensCss from './tokens.css?inline';
import './tide-timeline.ts';

export interface StepChangeDetail {
  index: number;
  id: string;
}

export interface StoryErrorDetail {
  message: string;
}

/** Wait this long after the last step change before rewriting the URL. */
const HASH_DELAY_MS = 150;

/**
 * A scrollytelling timeline explainer. Give it a story as inline JSON in a child
 * `<script type="application/json">`, or as a URL in `src`. Any other children are a fallback
 * for readers without JavaScript and are replaced by the rendered story.
 *
 * @summary Scroll-driven story steps beside a sticky D3 timeline.
 * @fires tide-ready - The story has rendered. Detail: `{ steps: number }`.
 * @fires tide-step-change - The active step changed. Detail: `{ index, id }`.
 * @fires tide-error - The story could not be loaded or failed validation. Detail: `{ message }`.
 * @csspart story - The story article.
 * @csspart header - The title block.
 * @csspart graphic - The sticky figure holding the timeline.
 * @csspart steps - The list of steps.
 * @csspart appendix - The events table, disagreements and sources.
 * @cssprop --tide-color-ink - Text colour.
 * @cssprop --tide-color-muted - Secondary text colour.
 * @cssprop --tide-color-paper - Background colour.
 * @cssprop --tide-color-panel - Background of boxes and alternate days.
 * @cssprop --tide-color-rule - Lines and borders.
 * @cssprop --tide-color-accent - The active step's marker and kickers.
 * @cssprop --tide-color-focus - Keyboard focus ring.
 * @cssprop --tide-font-body - Story text.
 * @cssprop --tide-font-ui - Labels, captions and the chart.
 * @cssprop --tide-kind-1 - Colour of the story's first kind of event; --tide-kind-2 … --tide-kind-8 follow.
 */
@customElement('tide-story')
export class TideStory extends LitElement {
  static override styles = [unsafeCSS(tokensCss), unsafeCSS(storyCss)];

  /** URL of a story JSON file, used when there is no inline JSON child. */
  @property() src?: string;
  /** Heading level of the story title, 1–5; steps and sections use the next level. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;
  /** Where the reading line sits in the visible text: 0 is its top, 1 its bottom. */
  @property({ type: Number }) offset = 0.5;

  @state() private model?: StoryModel;
  @state() private error?: { message: string; retry: boolean };
  @state() private active = 0;
  @state() private announcement = '';

  private hashTimer?: ReturnType<typeof setTimeout>;
  private loadedFrom?: string;

  private readonly stepper = new StepController(this, {
    steps: () => [...this.renderRoot.querySelectorAll<HTMLElement>('.steps > .step')],
    graphic: () => this.renderRoot.querySelector<HTMLElement>('.graphic'),
    offset: () => Math.min(Math.max(this.offset, 0), 1),
    activate: (index, cause) => this.handleActivate(index, cause),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
    if (!this.model && !this.error) this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
    clearTimeout(this.hashTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A src set or changed after connecting (as frameworks do) loads then; fetchStory records what it loaded.
    if (changed.has('src') && this.src && this.src !== this.loadedFrom && this.isConnected) this.load();
  }

  private load(): void {
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) this.accept(() => parseStoryJson(inline.textContent ?? ''));
    else if (this.src) void this.fetchStory(this.src);
  }

  private async fetchStory(src: string): Promise<void> {
    this.loadedFrom = src;
    this.model = undefined;
    this.error = undefined;
    // A newer src may have replaced this one while it was in flight; only the latest is shown.
    const current = () => src === this.loadedFrom;
    try {
      const response = await fetch(src);
      if (!current()) return;
      if (!response.ok) {
        this.fail(STRINGS.loadStatus(src, `${response.status} ${response.statusText}`.trim()), response.status >= 500);
        return;
      }
      const text = await response.text();
      if (current()) this.accept(() => parseStoryJson(text));
    } catch {
      if (current()) this.fail(STRINGS.loadNetwork(src), true);
    }
  }

  /** Shows a parsed story, or its validation errors (which no retry can fix). */
  private accept(parse: () => StoryModel): void {
    try {
      const model = parse();
      this.model = model;
      this.error = undefined;
      void this.updateComplete.then(() => {
        if (this.model !== model) return;
        // The browser focuses the fragment's target itself when loading finishes (here, the unrendered
        // fallback, so focus falls to the body); reveal ours after that.
        if (document.readyState === 'complete') this.revealHashTarget();
        else window.addEventListener('load', () => this.revealHashTarget(), { once: true });
        this.dispatchEvent(new CustomEvent('tide-ready', { detail: { steps: model.story.steps.length }, bubbles: true, composed: true }));
      });
    } catch (error) {
      this.fail(error instanceof StoryError ? error.message : String(error), false);
    }
  }

  private fail(message: string, retry: boolean): void {
    this.model = undefined;
    this.error = { message, retry };
    this.dispatchEvent(new CustomEvent<StoryErrorDetail>('tide-error', { detail: { message }, bubbles: true, composed: true }));
  }

  private handleActivate(index: number, cause: StepCause): void {
    const step = this.model?.story.steps[index];
    if (!step || !this.model) return;
    this.active = index;
    if (cause !== 'initial') {
      const when = describeStepWhen(this.model, step);
      this.announcement = when ? `${step.title}, ${when}` : step.title;
      this.scheduleHashUpdate(step.id);
    }
    this.dispatchEvent(new CustomEvent<StepChangeDetail>('tide-step-change', { detail: { index, id: step.id }, bubbles: true, composed: true }));
  }

  /** Keeps the URL on the current step without adding history entries. */
  private scheduleHashUpdate(id: string): void {
    clearTimeout(this.hashTimer);
    this.hashTimer = setTimeout(() => {
      if (location.hash !== `#${id}`) history.replaceState(history.state, '', `#${id}`);
    }, HASH_DELAY_MS);
  }

  private readonly handleHashChange = () => this.revealHashTarget();

  /** Hashes that name a step are the controller's; others may name a section in here, such as the events table. */
  private revealHashTarget(): void {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id || this.model?.stepIndex.has(id)) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
    if (!target) return;
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }

  /** A keyboard user tabbing onto a step brings it to the reading line, so focus and the active step agree. */
  private readonly handleFocusIn = (event: FocusEvent) => {
    const step = event.target instanceof HTMLElement && event.target.classList.contains('step') ? event.target : null;
    const index = step ? Number(this.model?.stepIndex.get(step.dataset.stepId ?? '')) : NaN;
    if (!Number.isNaN(index) && index !== this.active) this.stepper.jumpTo(index);
  };

  private readonly handleRetry = () => {
    this.error = undefined;
    this.loadedFrom = undefined;
    this.load();
  };

  private renderGraphic(model: StoryModel) {
    const step = model.story.steps[this.active];
    return html`<figure class="graphic" part="graphic" aria-labelledby="graphic-caption">
      <tide-timeline .model=${model} .highlight=${step?.events ?? []} .zoom=${step?.focus ? daySpan(step.focus) : undefined}></tide-timeline>
      <figcaption id="graphic-caption">
        <span class="caption-text">${STRINGS.chartCaption}</span> <a href=${`#${APPENDIX_IDS.events}`}>${STRINGS.eventsLink}</a>
      </figcaption>
    </figure>`;
  }

  override render() {
    if (this.error) {
      return html`<div class="state error" role="alert">
          <p class="state-title">${STRINGS.errorHeading}</p>
          <pre class="problems">${this.error.message}</pre>
          ${this.error.retry ? html`<button type="button" @click=${this.handleRetry}>${STRINGS.retry}</button>` : nothing}
        </div>
        <slot></slot>`;
    }
    if (!this.model) return html`<div class="state loading" aria-busy="true"><p>${STRINGS.loading}</p></div>`;
    return html`<div @focusin=${this.handleFocusIn}>
        ${storyView(this.model, { headingLevel: this.headingLevel, active: this.active, graphic: this.renderGraphic(this.model) })}
      </div>
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tide-story': TideStory;
  }
  interface HTMLElementEventMap {
    'tide-ready': CustomEvent<{ steps: number }>;
    'tide-step-change': CustomEvent<StepChangeDetail>;
    'tide-error': CustomEvent<StoryErrorDetail>;
  }
}
