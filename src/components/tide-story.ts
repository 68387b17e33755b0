import { html, LitElement, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ScrollRoot } from '../controllers/scroll-root.ts';
import { StepController, type StepCause } from '../controllers/step-controller.ts';
import { FragmentFollower, fragmentId } from '../controllers/url-fragment.ts';
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

export interface ReadyDetail {
  /** The story's title. */
  title: string;
  /** How many steps it has. */
  steps: number;
}

export interface StoryErrorDetail {
  message: string;
}

export type Theme = 'auto' | 'light' | 'dark';

/**
 * A scrollytelling timeline explainer. Give it a story as inline JSON in a child
 * `<script type="application/json">`, or as a URL in `src`. Any other children are a fallback
 * for readers without JavaScript, shown again if the story cannot load.
 *
 * @summary Scroll-driven story steps beside a sticky D3 timeline.
 * @slot - Fallback content (such as a static copy of the story), shown until the story renders and again under an error.
 * @fires tide-ready - The story has rendered. Detail: `{ title, steps }`.
 * @fires tide-step-change - The active step changed. Detail: `{ index, id }`.
 * @fires tide-error - The story could not be loaded or failed validation. Detail: `{ message }`.
 * @csspart story - The story article.
 * @csspart header - The title block.
 * @csspart graphic - The sticky figure holding the timeline.
 * @csspart timeline - The timeline chart element.
 * @csspart steps - The list of steps.
 * @csspart step - One step.
 * @csspart step-card - The box holding a step's text.
 * @csspart quote - A quotation.
 * @csspart disagreement - A "where the sources disagree" box.
 * @csspart sources - A step's source list.
 * @csspart appendix - The events table, disagreements and sources.
 * @csspart state - The loading or error box.
 * @csspart retry - The error box's "Try again" button.
 * @cssprop --tide-color-ink - Text colour.
 * @cssprop --tide-color-muted - Secondary text colour.
 * @cssprop --tide-color-paper - Background colour.
 * @cssprop --tide-color-panel - Background of boxes and of the active step.
 * @cssprop --tide-color-rule - Lines and borders.
 * @cssprop --tide-color-accent - The active step's marker and kickers.
 * @cssprop --tide-color-focus - Links and the keyboard focus ring.
 * @cssprop --tide-font-body - Story text.
 * @cssprop --tide-font-ui - Headings, labels, captions and the chart.
 * @cssprop --tide-space - Base spacing unit (default `1rem`).
 * @cssprop --tide-max-width - Widest the story grows (default `82rem`).
 * @cssprop --tide-loading-height - Space held while the story loads (default one viewport).
 * @cssprop --tide-kind-1 - Colour of the story's first kind of event; `--tide-kind-2` … `--tide-kind-8` follow.
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
  /** Pixels at the top of the viewport that the host page covers, such as a fixed header. */
  @property({ type: Number, attribute: 'header-offset' }) headerOffset = 0;
  /** Id of the step to open at, when the URL names none. */
  @property({ attribute: 'start-step' }) startStep?: string;
  /** Colour scheme: `auto` follows the reader's system setting; `light` or `dark` forces one. */
  @property({ reflect: true }) theme: Theme = 'auto';
  /** Read the step from the URL fragment on load and keep the fragment on the current step. Give it to one instance per page. */
  @property({ type: Boolean, reflect: true, attribute: 'deep-link' }) deepLink = false;
  /** Use the host page's font instead of the component's own. */
  @property({ type: Boolean, reflect: true, attribute: 'inherit-font' }) inheritFont = false;
  /** The scroller to follow when it is neither the window nor an ancestor element; the iframe embed sets it. */
  @property({ attribute: false }) scrollRoot?: ScrollRoot;

  @state() private model?: StoryModel;
  @state() private error?: { message: string; retry: boolean };
  @state() private active = 0;
  @state() private announcement = '';

  private readonly fragment = new FragmentFollower();
  private loadedFrom?: string;
  private listeners?: AbortController;
  private frameListener?: AbortController;

  private readonly stepper = new StepController(this, {
    steps: () => [...this.renderRoot.querySelectorAll<HTMLElement>('.steps > .step')],
    graphic: () => this.renderRoot.querySelector<HTMLElement>('.graphic'),
    offset: () => Math.min(Math.max(this.offset, 0), 1),
    coveredByHost: () => this.headerOffset,
    root: () => this.scrollRoot,
    initialStep: () => {
      const fromUrl = this.deepLink ? fragmentId() : '';
      return fromUrl && this.model?.stepIndex.has(fromUrl) ? fromUrl : this.startStep;
    },
    activate: (index, cause) => this.handleActivate(index, cause),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.listeners = new AbortController();
    window.addEventListener('hashchange', this.handleHashChange, { signal: this.listeners.signal });
    if (!this.model && !this.error) this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listeners?.abort();
    this.frameListener?.abort();
    this.frameListener = undefined;
    this.fragment.cancel();
  }

  /** Scrolls to a step, given its id or index, and makes it active. */
  goToStep(step: string | number): void {
    const index = typeof step === 'number' ? step : this.model?.stepIndex.get(step);
    if (index !== undefined) this.stepper.jumpTo(index);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A src set or changed after connecting (as frameworks do) loads then; fetchStory records what it loaded.
    if (changed.has('src') && this.src && this.src !== this.loadedFrom && this.isConnected) this.load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('headerOffset')) this.style.setProperty('--_header-offset', `${Math.max(this.headerOffset, 0)}px`);
    if (changed.has('scrollRoot')) this.followFrame();
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
        this.fail(STRINGS.loadStatus(src, `${response.status} ${response.statusText}`.trim()), true);
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
      this.stepper.resetStart();
      void this.updateComplete.then(() => {
        if (this.model !== model) return;
        this.pinGraphic();
        // The browser focuses the fragment's target itself when loading finishes (here, the unrendered
        // fallback, so focus falls to the body); reveal ours after that.
        if (document.readyState === 'complete') this.revealHashTarget();
        else window.addEventListener('load', () => this.revealHashTarget(), { once: true });
        this.dispatchEvent(new CustomEvent<ReadyDetail>('tide-ready', { detail: { title: model.story.title, steps: model.story.steps.length }, bubbles: true, composed: true }));
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
      if (this.deepLink) this.fragment.follow(step.id);
    }
    this.dispatchEvent(new CustomEvent<StepChangeDetail>('tide-step-change', { detail: { index, id: step.id }, bubbles: true, composed: true }));
  }

  private readonly handleHashChange = () => {
    if (!this.deepLink) return;
    const id = fragmentId();
    if (this.model?.stepIndex.has(id)) this.stepper.jumpToId(id);
    else this.revealHashTarget();
  };

  /** Hashes that name a step are the controller's; others may name a section in here, such as the events table. */
  private revealHashTarget(): void {
    const id = this.deepLink ? fragmentId() : '';
    if (id && !this.model?.stepIndex.has(id)) this.reveal(id);
  }

  private reveal(id: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
    if (!target) return;
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }

  /**
   * Links inside the story (contents, "read in the story", the events table) name ids in
   * this shadow root, which the browser cannot find. With deep links on, the fragment
   * changes and the hashchange handler follows it; otherwise the link is followed here and
   * the host page's URL is left alone.
   */
  private readonly handleClick = (event: MouseEvent) => {
    if (this.deepLink || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    const href = link?.getAttribute('href');
    if (!href?.startsWith('#')) return;
    event.preventDefault();
    const id = href.slice(1);
    const index = this.model?.stepIndex.get(id);
    if (index === undefined) {
      this.reveal(id);
      return;
    }
    this.stepper.jumpTo(index);
    this.renderRoot.querySelector<HTMLElement>(`.step[data-step-id="${CSS.escape(id)}"]`)?.focus({ preventScroll: true });
  };

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

  /**
   * In an iframe sized to its content nothing scrolls inside the frame, so `position: sticky`
   * never engages; the graphic is moved along with the parent's viewport instead.
   */
  private followFrame(): void {
    this.frameListener?.abort();
    this.frameListener = undefined;
    const root = this.scrollRoot;
    if (root?.kind !== 'frame') return;
    this.frameListener = new AbortController();
    root.listen(this.pinGraphic, this.frameListener.signal);
    this.pinGraphic();
  }

  private readonly pinGraphic = () => {
    const scrolly = this.renderRoot.querySelector<HTMLElement>('.scrolly');
    const graphic = this.renderRoot.querySelector<HTMLElement>('.graphic');
    if (!scrolly || !graphic || this.scrollRoot?.kind !== 'frame') return;
    const box = scrolly.getBoundingClientRect();
    const travel = Math.max(box.height - graphic.offsetHeight, 0);
    const shift = this.scrollRoot.viewport().top + Math.max(this.headerOffset, 0) - box.top;
    graphic.style.translate = `0 ${Math.min(Math.max(shift, 0), travel)}px`;
  };

  private renderGraphic(model: StoryModel) {
    const step = model.story.steps[this.active];
    return html`<figure class="graphic" part="graphic" aria-labelledby="graphic-caption">
      <tide-timeline
        part="timeline"
        .model=${model}
        .highlight=${step?.events ?? []}
        .zoom=${step?.focus ? daySpan(step.focus) : undefined}
        ?inherit-font=${this.inheritFont}
      ></tide-timeline>
      <figcaption id="graphic-caption">
        <span class="caption-text">${STRINGS.chartCaption}</span> <a href=${`#${APPENDIX_IDS.events}`}>${STRINGS.eventsLink}</a>
      </figcaption>
    </figure>`;
  }

  override render() {
    if (this.error) {
      return html`<div class="state error" part="state" role="alert">
          <p class="state-title">${STRINGS.errorHeading}</p>
          <pre class="problems">${this.error.message}</pre>
          ${this.error.retry ? html`<button type="button" part="retry" @click=${this.handleRetry}>${STRINGS.retry}</button>` : nothing}
        </div>
        <slot></slot>`;
    }
    if (!this.model) {
      return html`<div class="state loading" part="state" role="status" aria-busy="true">
        <p>${STRINGS.loading}</p>
      </div>`;
    }
    return html`<div @focusin=${this.handleFocusIn} @click=${this.handleClick}>
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
    'tide-ready': CustomEvent<ReadyDetail>;
    'tide-step-change': CustomEvent<StepChangeDetail>;
    'tide-error': CustomEvent<StoryErrorDetail>;
  }
}
