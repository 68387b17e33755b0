import { html, LitElement, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { applyMove, moveForKey, ownsKeys, type Move } from '../controllers/moves.ts';
import { PrintWatch } from '../controllers/print-watch.ts';
import { ProgressiveRender } from '../controllers/progressive-render.ts';
import type { ScrollRoot } from '../controllers/scroll-root.ts';
import { StepController, type StepCause } from '../controllers/step-controller.ts';
import { IdleQueue } from '../controllers/idle-queue.ts';
import { nextTask } from '../controllers/own-task.ts';
import { FragmentFollower, fragmentId } from '../controllers/url-fragment.ts';
import { hasStrings, loadStrings, stringsFor, type Strings } from '../i18n/strings.ts';
import { daySpan, hasNotes, slideCount, withLocale, type Span, type StoryModel } from '../story/model.ts';
import { formatDate, FULL_DATE } from '../story/dates.ts';
import { fetchStoryText, type LoadFailure } from '../story/fetch.ts';
import { CHECKED_ATTRIBUTE, isInvalidJson, isStoryError, loadValidator, readStory, ValidatorUnavailable } from '../story/read.ts';
import type { StoryStep } from '../story/schema.ts';
import { APPENDIX_IDS, hasLongTable } from '../views/appendix.ts';
import { EPILOGUE_ID } from '../views/epilogue.ts';
import { describeStepWhen, uiLang } from '../views/format.ts';
import { storySlices, storyView } from '../views/story.ts';
import type { StoryDeck } from './story-deck.ts';
import { TIMING } from './timing.ts';
import storyCss from './tide-story.css?inline';
import tokensCss from './tokens.css?inline';
import type { TideTimeline } from './tide-timeline.ts';
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

export interface PresentDetail {
  presenting: boolean;
}

export type Theme = 'auto' | 'light' | 'dark';

/** Long enough for a large story on a slow phone connection; short enough that a stalled server gets a retry. */
const DEFAULT_LOAD_TIMEOUT = 20;
/** Size the per-step charts are drawn at for print; they scale to the page width. */
const PRINT_CHART = { width: 640, height: 200 } as const;
/** Chart type grows with the screen: at 1920×1080 labels are about as large as the 28 px text. */
const DECK_CHART_SCALE = 2.5;
/**
 * A story renders in slices (`storySlices`: one per step, then the events table): `first`
 * with the first paint, or up to `ahead` past the step it opens on, then enough a frame to
 * fill in over about `frames` frames, between `fewest` and `most`, so that no task holds a
 * phone's main thread for long. Laying out a slice costs about as much as rendering it, and
 * both grow with what is added, so a short story takes two a frame, and a long one at most
 * four (six gave frames of 55-80 ms at 4x CPU as the large story's page grew).
 */
const RENDER_SLICES = { first: 4, ahead: 3, frames: 20, fewest: 2, most: 4 } as const;

/**
 * A long events table waits until the reader comes within `nearEnd` steps of the last, or asks
 * for it. While the reader is in the steps it made every frame dearer: the large story's 1,000
 * rows are 11,300 of its page's 22,500 elements.
 */
const WAITING_TABLE = { nearEnd: 10 } as const;

function slicesPerFrame(slices: number): number {
  return Math.min(Math.max(Math.ceil(slices / RENDER_SLICES.frames), RENDER_SLICES.fewest), RENDER_SLICES.most);
}

const NO_EVENTS: readonly string[] = [];
const zooms = new WeakMap<StoryStep, Span>();

/**
 * The days a step's chart zooms to, the same object every time: a new one on every render
 * made the chart update whenever the story did (93 times as the large story filled in).
 */
function zoomOf(step: StoryStep | undefined): Span | undefined {
  if (!step?.focus) return undefined;
  let zoom = zooms.get(step);
  if (!zoom) zooms.set(step, (zoom = daySpan(step.focus)));
  return zoom;
}

const canonicalTags = new Map<string, string | undefined>();

/** A language tag as Intl reads it, or undefined. `en_US`, which CMS templates write, is read as `en-US`. */
function languageTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  // Asked several times a render, and Intl is slow to answer: once per tag is enough.
  if (!canonicalTags.has(tag)) {
    try {
      canonicalTags.set(tag, Intl.getCanonicalLocales(tag.replaceAll('_', '-'))[0]);
    } catch {
      canonicalTags.set(tag, undefined);
    }
  }
  return canonicalTags.get(tag);
}

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
 * @fires tide-present - Presentation mode started or ended. Detail: `{ presenting }`.
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
 * @csspart notes - A step's teacher notes.
 * @csspart epilogue - The "what happened next" section of later reporting.
 * @csspart tools - The buttons under the title: teacher notes and print.
 * @csspart present - The "Present" button, under the chart so that it is always in reach.
 * @csspart deck - The presentation: a full-screen dialog.
 * @csspart deck-card - The presentation's text panel.
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
export class TideStory extends LitElement {
  static override properties = {
    src: {},
    loadTimeout: { type: Number, attribute: 'load-timeout' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    offset: { type: Number },
    headerOffset: { type: Number, attribute: 'header-offset' },
    startStep: { attribute: 'start-step' },
    theme: { reflect: true },
    deepLink: { type: Boolean, reflect: true, attribute: 'deep-link' },
    inheritFont: { type: Boolean, reflect: true, attribute: 'inherit-font' },
    scrollRoot: { attribute: false },
    lang: {},
    presenting: { type: Boolean, reflect: true },
    notes: { type: Boolean, reflect: true },
    model: { state: true, attribute: false },
    onEpilogue: { state: true, attribute: false },
    error: { state: true, attribute: false },
    active: { state: true, attribute: false },
    charted: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    deckMode: { state: true, attribute: false },
    contentsListed: { state: true, attribute: false },
  };
  static override styles = [unsafeCSS(tokensCss), unsafeCSS(storyCss)];

  /** URL of a story JSON file, used when there is no inline JSON child. */
  src?: string;
  /** Seconds to wait for `src`, body included, before offering the reader a retry. */
  loadTimeout = DEFAULT_LOAD_TIMEOUT;
  /** Heading level of the story title, 1–5; steps and sections use the next level. */
  headingLevel = 2;
  /** Where the reading line sits in the visible text: 0 is its top, 1 its bottom. */
  offset = 0.5;
  /** Pixels at the top of the viewport that the host page covers, such as a fixed header. */
  headerOffset = 0;
  /** Id of the step to open at, when the URL names none. */
  startStep?: string;
  /** Colour scheme: `auto` follows the reader's system setting; `light` or `dark` forces one. */
  theme: Theme = 'auto';
  /** Read the step from the URL fragment on load and keep the fragment on the current step. Give it to one instance per page. */
  deepLink = false;
  /** Use the host page's font instead of the component's own. */
  inheritFont = false;
  /** The scroller to follow when it is neither the window nor an ancestor element; the iframe embed sets it. */
  scrollRoot?: ScrollRoot;
  /** Interface language (`en`, `uk`); without it, the nearest `lang` on the page, then the story's. Dates follow it too. */
  override lang = '';
  /** Presentation mode: one step at a time, full screen. Set it, press "Present", or load the page with `?present`. */
  presenting = false;
  /** Show the teacher notes, in presentation mode, in the steps and in print. */
  notes = false;

  private model?: StoryModel;
  /** Showing "what happened next" in presentation mode, after the last step. */
  private onEpilogue = false;
  get #deck(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog.deck') ?? null;
  }

  private error?: { message: string; retry: boolean };
  private active = 0;
  /** The step the charts show: the active one, two frames later (see handleActivate). */
  private charted = 0;
  #chartFrame = 0;
  private announcement = '';
  /** The contents list's links, built once the reader first reaches for it (see StoryViewOptions). */
  private contentsListed = false;

  readonly #fragment = new FragmentFollower();
  /** Charts of the steps around the reader's, worked out while the reader reads. */
  readonly #chartsAhead = new IdleQueue();
  readonly #printWatch = new PrintWatch(this);
  readonly #progress = new ProgressiveRender(this);
  /** Presentation mode's code and styles, loaded the first time the story presents. */
  private deckMode?: StoryDeck;
  #loadedFrom?: string;
  /** The story rendered with its top in view, not under a reader already scrolled into it. */
  #opensAtTop = false;
  /**
   * Reading a story given inline, over a few tasks (see accept). Meanwhile the element shows
   * its children as they were before it upgraded, and carries `aria-busy`, by which a page's
   * styles can keep a fallback hidden as they did while it was `:not(:defined)`.
   */
  #readingInline = false;
  /** Aborts the story's fetch in flight when the element leaves the page or loads another. */
  #loading?: AbortController;
  #listeners?: AbortController;
  #frameListener?: AbortController;

  readonly #stepper = new StepController(this, {
    steps: () => this.#stepElements(),
    graphic: () => this.renderRoot.querySelector<HTMLElement>('.graphic'),
    offset: () => Math.min(Math.max(this.offset, 0), 1),
    coveredByHost: () => this.headerOffset,
    root: () => this.scrollRoot,
    initialStep: () => this.model && this.#startStepId(this.model),
    opensAtTop: () => this.#opensAtTop,
    allStepsAdded: () => this.#progress.shown >= (this.model?.story.steps.length ?? 0),
    // Entering full screen resizes the page behind the deck; the deck's step must not move with it.
    held: () => this.presenting,
    activate: (index, cause) => this.#handleActivate(index, cause),
  });

  #collected?: { list: Element; steps: HTMLElement[] };

  /**
   * The step elements. The controller asks after every update, so they are collected again
   * only when the list changed: Lit updates each step's `<li>` in place, so the same list with
   * as many children holds the same steps.
   */
  #stepElements(): HTMLElement[] {
    const list = this.renderRoot.querySelector('.steps');
    if (!list) return [];
    if (this.#collected?.list !== list || this.#collected.steps.length !== list.childElementCount) {
      this.#collected = { list, steps: [...list.querySelectorAll<HTMLElement>(':scope > .step')] };
    }
    return this.#collected.steps;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listeners = new AbortController();
    window.addEventListener('hashchange', this.#handleHashChange, { signal: this.#listeners.signal });
    if (!this.model && !this.error) this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A story taken off the page stops presenting; its dialog went with it.
    this.presenting = false;
    this.#listeners?.abort();
    this.#cancelLoading();
    this.#frameListener?.abort();
    this.#frameListener = undefined;
    this.#fragment.cancel();
    this.#chartsAhead.clear();
    cancelAnimationFrame(this.#chartFrame);
  }

  /** Scrolls to a step, given its id or index, and makes it active. */
  goToStep(step: string | number): void {
    const index = typeof step === 'number' ? step : this.model?.stepIndex.get(step);
    if (index === undefined) return;
    this.onEpilogue = false;
    this.#jumpToStep(index);
  }

  /** The step named by the URL, when deep links are on, or else `start-step`. */
  #startStepId(model: StoryModel): string | undefined {
    const fromUrl = this.deepLink ? fragmentId() : '';
    return fromUrl && model.stepIndex.has(fromUrl) ? fromUrl : this.startStep;
  }

  /**
   * Jumps to a step, rendering it first if the story has not reached it yet; `then` runs
   * once the step is in place, such as focusing it.
   */
  #jumpToStep(index: number, then?: () => void): void {
    // The first slices are the steps, one each.
    if (index < this.#progress.shown) {
      this.#stepper.jumpTo(index);
      then?.();
      return;
    }
    this.#progress.showAtLeast(index + 1 + RENDER_SLICES.ahead);
    void this.updateComplete.then(() => {
      this.#stepper.jumpTo(index);
      then?.();
    });
  }

  /** Starts presentation mode at the current step, full screen where the page allows it. */
  present(): void {
    this.presenting = true;
  }

  /** Leaves presentation mode; the story scrolls to the step that was on screen. */
  exitPresentation(): void {
    this.presenting = false;
  }

  /** The language the interface speaks: its own `lang`, the page's, or the story's; the first that Intl can read. */
  #interfaceLang(model?: StoryModel): string {
    const fromPage = this.parentElement?.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
    return [this.lang, fromPage, model?.story.lang].map(languageTag).find(Boolean) ?? 'en';
  }

  /** Interface strings, also before any story has loaded (for loading and error messages). */
  #strings(): Strings {
    return this.#view()?.t ?? this.#tableFor(this.#interfaceLang());
  }

  #pendingLang?: string;

  /** A language's table; one not loaded yet gives English now and re-renders when it arrives. */
  #tableFor(lang: string): Strings {
    if (!hasStrings(lang) && this.#pendingLang !== lang) {
      this.#pendingLang = lang;
      // Offline and the table never came: the interface stays in English.
      loadStrings(lang).then(() => this.requestUpdate(), () => undefined);
    }
    return stringsFor(lang);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A src set or changed after connecting (as frameworks do) loads then; fetchStory records what it loaded.
    if (changed.has('src') && this.src && this.src !== this.#loadedFrom && this.isConnected) this.#load();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('headerOffset')) this.style.setProperty('--_header-offset', `${Math.max(this.headerOffset, 0)}px`);
    if (changed.has('scrollRoot')) this.#followFrame();
    this.#placeFocusAfterRetry();
    if (this.presenting && !this.deckMode) void this.#loadDeck();
    // `model` and `deckMode` are private, so PropertyValues<this> cannot name them.
    const privately = changed as Map<PropertyKey, unknown>;
    if (changed.has('presenting') || privately.has('model') || privately.has('deckMode')) this.#syncDeck(changed.get('presenting') === true);
  }

  #deckLoading?: Promise<void>;

  #loadDeck(): Promise<void> {
    this.#deckLoading ??= import('./story-deck.ts').then(
      ({ StoryDeck }) => {
        this.deckMode = new StoryDeck(this, {
          move: (move) => this.#move(move),
          toggleNotes: this.#toggleNotes,
          exit: () => this.exitPresentation(),
          resized: () => this.requestUpdate(),
          keydown: (event) => this.#handleKeyDown(event),
        });
      },
      () => {
        // Offline with the presentation code never fetched: stay in scroll mode, and let a later press try again.
        this.#deckLoading = undefined;
        this.presenting = false;
      },
    );
    return this.#deckLoading;
  }

  /** Opens or closes the presentation dialog to match `presenting`. */
  #syncDeck(wasPresenting: boolean): void {
    const deck = this.#deck;
    if (this.presenting && deck && !deck.open) {
      deck.showModal();
      deck.focus();
      this.deckMode?.start();
      this.#presentParam(true);
      this.#announcePresenting();
    } else if (!this.presenting && wasPresenting) {
      if (deck?.open) deck.close();
      this.deckMode?.stop();
      this.#presentParam(false);
      this.#returnFromDeck();
      this.#announcePresenting();
    }
  }

  #announcePresenting(): void {
    this.dispatchEvent(new CustomEvent<PresentDetail>('tide-present', { detail: { presenting: this.presenting }, bubbles: true, composed: true }));
  }

  /** Focuses a step in the scrolling story without scrolling: the step controller places it. */
  #focusStep(index: number): void {
    this.renderRoot.querySelector<HTMLElement>(`.steps > .step:nth-child(${index + 1})`)?.focus({ preventScroll: true });
  }

  /** Back in scroll mode, the reader is at the slide they left: its step, or the epilogue. */
  #returnFromDeck(): void {
    if (this.onEpilogue) {
      this.onEpilogue = false;
      this.#reveal(EPILOGUE_ID);
      return;
    }
    const active = this.active;
    this.#jumpToStep(active, () => this.#focusStep(active));
  }

  /** With deep links on, `?present` in the URL follows the mode, so a reload keeps presenting. */
  #presentParam(on: boolean): void {
    if (!this.deepLink) return;
    const params = new URLSearchParams(location.search);
    if (params.has('present') === on) return;
    params.delete('present');
    // Written by hand so that the flag reads `?present`, not `?present=`.
    const rest = params.toString();
    const search = on ? `?present${rest ? `&${rest}` : ''}` : rest ? `?${rest}` : '';
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  }

  #load(): void {
    const inline = this.querySelector(':scope > script[type="application/json"]');
    this.#setReadingInline(inline !== null);
    if (inline) void this.#accept(inline.textContent ?? '', inline.getAttribute(CHECKED_ATTRIBUTE));
    else if (this.src) void this.#fetchStory(this.src);
  }

  #setReadingInline(reading: boolean): void {
    this.#readingInline = reading;
    if (reading) this.setAttribute('aria-busy', 'true');
    else this.removeAttribute('aria-busy');
  }

  async #fetchStory(src: string): Promise<void> {
    this.#cancelLoading();
    this.#setReadingInline(false);
    const loading = (this.#loading = new AbortController());
    this.#loadedFrom = src;
    this.model = undefined;
    this.error = undefined;
    const seconds = Number.isFinite(this.loadTimeout) && this.loadTimeout > 0 ? this.loadTimeout : DEFAULT_LOAD_TIMEOUT;
    const download = fetchStoryText(src, seconds, loading.signal);
    // Work the story will need, done while it downloads: the validator's code, and (in a task of
    // its own) the first date formatter, which loads Intl's locale data: 55-120 ms at 4x CPU here.
    loadValidator().catch(() => undefined);
    const lang = this.#interfaceLang();
    setTimeout(() => formatDate(0, lang, FULL_DATE));
    const result = await download;
    // A newer src replaced this one while it was in flight, or the element left the page: only the latest is shown.
    if (loading.signal.aborted || src !== this.#loadedFrom) return;
    this.#loading = undefined;
    if (result.ok) await this.#accept(result.text, null, src);
    else await this.#failLoading(src, (t) => explainFailure(t, src, result.failure));
  }

  #cancelLoading(): void {
    this.#loading?.abort();
    this.#loading = undefined;
  }

  /** A load that a retry may fix, explained in the interface's language once its table is here. */
  async #failLoading(src: string | undefined, explain: (t: Strings) => string): Promise<void> {
    const t = await loadStrings(this.#interfaceLang()).catch(() => this.#strings());
    if (src === this.#loadedFrom) this.#fail(explain(t), true);
  }

  /**
   * Shows a story, or why it cannot be shown: validation errors, which no retry can fix, or
   * the validator's code failing to arrive, which a retry may. The interface's language is
   * loaded first, so that the story never flashes up in English.
   */
  async #accept(json: string, checkedAs: string | null, src?: string): Promise<void> {
    let model: StoryModel;
    try {
      model = await readStory(json, checkedAs);
      performance.mark(TIMING.parsed);
      await loadStrings(this.#interfaceLang(model)).catch(() => undefined);
    } catch (error) {
      if (error instanceof ValidatorUnavailable) await this.#failLoading(src, (t) => t.loadNetwork(src ?? location.href));
      // A fetched file that is not JSON may have arrived cut short, or be mid-edit: a retry may fix it.
      else if (src === this.#loadedFrom) this.#fail(isStoryError(error) ? error.message : String(error), src !== undefined && isInvalidJson(error));
      return;
    }
    // The first render is spread over tasks, so that none holds a phone's main thread for long:
    // the data read (with the script's start); the first date formatter, as fetchStory makes it
    // while a file downloads (here a cache hit if it did); the render. The steps' first
    // measurement and the chart's first drawing follow the first paint (StepController, TideTimeline).
    await nextTask();
    formatDate(0, this.#interfaceLang(model), FULL_DATE);
    await nextTask();
    // A newer src replaced this one meanwhile, or while the validator or the language loaded.
    if (src !== this.#loadedFrom) return;
    const slices = storySlices(model);
    const start = model.stepIndex.get(this.#startStepId(model) ?? '') ?? 0;
    // Rendered whole: for a reader already scrolled into the story (its static fallback), so that
    // nothing under them vanishes; and in a frame sized to its content, whose parent can only
    // scroll a jump as far as the frame's height it has been told.
    const whole = this.getBoundingClientRect().top < 0 || this.scrollRoot?.kind === 'frame';
    this.#opensAtTop = !whole;
    // A story that opens near its end resumes at once (handleActivate).
    const pauseAt = hasLongTable(model) ? model.story.steps.length : slices;
    this.#progress.reset(slices, whole ? slices : Math.max(RENDER_SLICES.first, start + 1 + RENDER_SLICES.ahead), slicesPerFrame(slices), pauseAt);
    this.#setReadingInline(false);
    this.model = model;
    this.error = undefined;
    this.#stepper.resetStart();
    await this.updateComplete;
    if (this.model !== model) return;
    this.#pinGraphic();
    // The browser focuses the fragment's target itself when loading finishes (here, the unrendered
    // fallback, so focus falls to the body); reveal ours after that.
    // Presenting from `?present` waits for that too, or the browser would take focus out of the deck.
    const afterLoad = () => {
      this.#revealHashTarget();
      if (this.deepLink && new URLSearchParams(location.search).has('present')) this.present();
    };
    if (document.readyState === 'complete') afterLoad();
    else window.addEventListener('load', afterLoad, { once: true });
    this.dispatchEvent(new CustomEvent<ReadyDetail>('tide-ready', { detail: { title: model.story.title, steps: model.story.steps.length }, bubbles: true, composed: true }));
  }

  #fail(message: string, retry: boolean): void {
    this.#setReadingInline(false);
    this.model = undefined;
    this.error = { message, retry };
    this.dispatchEvent(new CustomEvent<StoryErrorDetail>('tide-error', { detail: { message }, bubbles: true, composed: true }));
  }

  /**
   * A step change renders the story's steps at once and the charts in a later frame: in one
   * frame, the two cost a long task at 4x CPU. The `TIMING.step` measure is their work summed.
   */
  #handleActivate(index: number, cause: StepCause): void {
    const model = this.#view();
    const step = model?.story.steps[index];
    if (!step || !model) return;
    const started = performance.now();
    this.active = index;
    if (index >= model.story.steps.length - WAITING_TABLE.nearEnd) this.#progress.resume();
    if (cause !== 'initial') {
      const when = describeStepWhen(model, step);
      this.announcement = when ? `${step.title}, ${when}` : step.title;
      if (this.deepLink) this.#fragment.follow(step.id);
    } else this.charted = index;
    this.dispatchEvent(new CustomEvent<StepChangeDetail>('tide-step-change', { detail: { index, id: step.id }, bubbles: true, composed: true }));
    void this.updateComplete.then(() => {
      const storyWork = performance.now() - started;
      // Two frames: a step change inside a scroll event would meet a single one in the same frame.
      this.#chartFrame = requestAnimationFrame(() => {
        this.#chartFrame = requestAnimationFrame(() => {
          // A newer step change charts its own step.
          if (this.active !== index) return;
          const chartStarted = performance.now();
          this.charted = index;
          void this.updateComplete
            .then(() => this.renderRoot.querySelector('tide-timeline')?.updateComplete)
            .then(() => {
              performance.measure(TIMING.step, { start: started, duration: storyWork + performance.now() - chartStarted });
              this.#prepareChartsAround(index);
            });
        });
      });
    });
  }

  /** Next the step after this one, then the one before, then the one after that: where readers go. */
  #prepareChartsAround(index: number): void {
    const steps = this.#view()?.story.steps ?? [];
    const charts = [this.renderRoot.querySelector<TideTimeline>('.graphic tide-timeline'), this.presenting ? this.renderRoot.querySelector<TideTimeline>('.deck-graphic tide-timeline') : null].filter((chart) => chart !== null);
    const coming = [index + 1, index - 1, index + 2].map((at) => steps[at]).filter((step) => step !== undefined);
    this.#chartsAhead.replace(coming.flatMap((step) => charts.map((chart) => () => chart.prepare(step.events, zoomOf(step)))));
  }

  readonly #handleHashChange = () => {
    if (!this.deepLink) return;
    const id = fragmentId();
    const index = this.model?.stepIndex.get(id);
    if (index !== undefined) this.#jumpToStep(index);
    else this.#revealHashTarget();
  };

  /** Hashes that name a step are the controller's; others may name a section in here, such as the events table. */
  #revealHashTarget(): void {
    const id = this.deepLink ? fragmentId() : '';
    if (id && !this.model?.stepIndex.has(id)) this.#reveal(id);
  }

  #reveal(id: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
    if ((!target || target.closest('.appendix')) && !this.#progress.done) {
      // Not rendered yet, or not whole, such as a long story's events table: render the rest first.
      this.#progress.showAtLeast(Number.POSITIVE_INFINITY);
      void this.updateComplete.then(() => this.#reveal(id));
      return;
    }
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
  readonly #handleClick = (event: MouseEvent) => {
    if (this.deepLink || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
    const href = link?.getAttribute('href');
    if (!href?.startsWith('#')) return;
    event.preventDefault();
    const id = href.slice(1);
    const index = this.model?.stepIndex.get(id);
    if (index === undefined) {
      this.#reveal(id);
      return;
    }
    this.#jumpToStep(index, () => this.#focusStep(index));
  };

  /** A keyboard user tabbing onto a step brings it to the reading line, so focus and the active step agree. */
  readonly #handleFocusIn = (event: FocusEvent) => {
    const step = event.target instanceof HTMLElement && event.target.classList.contains('step') ? event.target : null;
    const index = step ? Number(this.model?.stepIndex.get(step.dataset.stepId ?? '')) : NaN;
    if (!Number.isNaN(index) && index !== this.active) this.#jumpToStep(index);
  };

  /** Moves one slide in presentation mode, or one step when a step has focus in scroll mode. */
  #move(move: Move): void {
    const model = this.model;
    if (!model) return;
    const current = this.onEpilogue ? model.story.steps.length : this.active;
    const count = this.presenting ? slideCount(model) : model.story.steps.length;
    const target = applyMove(move, current, count);
    if (target === current) return;
    if (target >= model.story.steps.length) {
      this.onEpilogue = true;
      return;
    }
    this.onEpilogue = false;
    this.#jumpToStep(target, () => {
      if (!this.presenting) this.#focusStep(target);
    });
  }

  /**
   * Keys move through the story only from inside it: anywhere in the presentation, or on a
   * focused step while scrolling. The host page's keys are never taken.
   */
  readonly #handleKeyDown = (event: KeyboardEvent) => {
    const target = event.composedPath()[0] ?? null;
    const onStep = target instanceof HTMLElement && target.matches('.steps > .step');
    if (event.defaultPrevented || !(this.presenting || onStep) || ownsKeys(target, event.key)) return;
    const move = moveForKey(event);
    if (!move) return;
    event.preventDefault();
    this.#move(move);
  };

  readonly #handleRetry = () => {
    this.error = undefined;
    this.#loadedFrom = undefined;
    this.#keepFocusAfterRetry = true;
    this.#load();
  };

  /** The retry button vanishes when pressed; focus follows the story instead of falling to the page. */
  #keepFocusAfterRetry = false;

  #placeFocusAfterRetry(): void {
    if (!this.#keepFocusAfterRetry) return;
    if (this.model) {
      this.#keepFocusAfterRetry = false;
      const title = this.renderRoot.querySelector<HTMLElement>('.story-header > :is(h1, h2, h3, h4, h5, h6)');
      title?.setAttribute('tabindex', '-1');
      title?.focus({ preventScroll: true });
    } else if (this.error) {
      this.#keepFocusAfterRetry = false;
      this.renderRoot.querySelector<HTMLElement>('[part="retry"], .state')?.focus();
    } else {
      this.renderRoot.querySelector<HTMLElement>('.state')?.focus();
    }
  }

  /**
   * In an iframe sized to its content nothing scrolls inside the frame, so `position: sticky`
   * never engages; the graphic is moved along with the parent's viewport instead.
   */
  #followFrame(): void {
    this.#frameListener?.abort();
    this.#frameListener = undefined;
    const root = this.scrollRoot;
    if (root?.kind !== 'frame') return;
    this.#frameListener = new AbortController();
    root.listen(this.#pinGraphic, this.#frameListener.signal);
    this.#pinGraphic();
  }

  readonly #pinGraphic = () => {
    const scrolly = this.renderRoot.querySelector<HTMLElement>('.scrolly');
    const graphic = this.renderRoot.querySelector<HTMLElement>('.graphic');
    if (!scrolly || !graphic || this.scrollRoot?.kind !== 'frame') return;
    const box = scrolly.getBoundingClientRect();
    const travel = Math.max(box.height - graphic.offsetHeight, 0);
    const shift = this.scrollRoot.viewport().top + Math.max(this.headerOffset, 0) - box.top;
    graphic.style.translate = `0 ${Math.min(Math.max(shift, 0), travel)}px`;
  };

  /** The localised model, made once per story and language. */
  #localized?: StoryModel;

  #view(): StoryModel | undefined {
    const model = this.model;
    if (!model) return undefined;
    const lang = this.#interfaceLang(model);
    const t = this.#tableFor(lang);
    if (this.#localized?.story !== model.story || this.#localized.locale !== lang || this.#localized.t !== t) this.#localized = withLocale(model, lang);
    return this.#localized;
  }

  #timeline(model: StoryModel, step: StoryStep | undefined, extra: { scale?: number; drawSize?: { width: number; height: number } } = {}) {
    return html`<tide-timeline
      part="timeline"
      .model=${model}
      .highlight=${step?.events ?? NO_EVENTS}
      .zoom=${zoomOf(step)}
      .scale=${extra.scale ?? 1}
      .drawSize=${extra.drawSize}
      ?inherit-font=${this.inheritFont}
    ></tide-timeline>`;
  }

  #renderGraphic(model: StoryModel) {
    return html`<figure class="graphic" part="graphic" aria-labelledby="graphic-caption">
      ${this.#timeline(model, model.story.steps[this.charted])}
      <figcaption lang=${ifDefined(uiLang(model))}>
        <span class="caption-text" id="graphic-caption">${model.t.chartCaption}</span> <a href=${`#${APPENDIX_IDS.events}`}>${model.t.eventsLink}</a>
        <button type="button" class="present" part="present" @click=${this.present}>${model.t.present}</button>
      </figcaption>
    </figure>`;
  }

  #renderTools(model: StoryModel) {
    const { t } = model;
    return html`<div class="tools" part="tools" role="group" aria-label=${t.tools} lang=${ifDefined(uiLang(model))}>
      ${hasNotes(model)
        ? html`<button type="button" class="notes-toggle" aria-pressed=${this.notes ? 'true' : 'false'} @click=${this.#toggleNotes}>${t.teacherNotes}</button>`
        : nothing}
      <button type="button" class="print" @click=${() => window.print()}>${t.print}</button>
    </div>`;
  }

  readonly #listContents = () => {
    this.contentsListed = true;
  };

  readonly #toggleNotes = () => {
    this.notes = !this.notes;
  };

  #renderDeck(model: StoryModel) {
    if (!this.deckMode) return nothing;
    const slide = this.onEpilogue ? model.story.steps.length : this.active;
    // Type and chart grow with the screen; at 1920×1080 the chart's labels match the text.
    const scale = Math.max(1, Math.min(window.innerWidth / 1920, window.innerHeight / 1080) * DECK_CHART_SCALE);
    return this.deckMode.render(model, {
      level: this.headingLevel,
      slide,
      presenting: this.presenting,
      notes: this.notes,
      timeline: this.#timeline(model, this.onEpilogue ? undefined : model.story.steps[this.charted], { scale }),
    });
  }

  /** The static chart each step carries on paper, where nothing is sticky. */
  #printChart(model: StoryModel, step: StoryStep) {
    return html`<figure class="step-chart" aria-label=${model.t.stepChart(step.title)}>${this.#timeline(model, step, { drawSize: PRINT_CHART })}</figure>`;
  }

  override render() {
    const model = this.#view();
    const t = this.#strings();
    if (this.error) {
      return html`<div class="state error" part="state" role="alert" tabindex="-1">
          <p class="state-title">${t.errorHeading}</p>
          <pre class="problems">${this.error.message}</pre>
          ${this.error.retry ? html`<button type="button" part="retry" @click=${this.#handleRetry}>${t.retry}</button>` : nothing}
        </div>
        <slot></slot>`;
    }
    if (!model) {
      if (this.#readingInline) return html`<slot></slot>`;
      return html`<div class="state loading" part="state" role="status" aria-busy="true" tabindex="-1">
        <p>${t.loading}</p>
      </div>`;
    }
    const printing = this.#printWatch.printing;
    return html`<div @focusin=${this.#handleFocusIn} @click=${this.#handleClick} @keydown=${this.#handleKeyDown}>
        ${storyView(model, {
          headingLevel: this.headingLevel,
          active: this.active,
          graphic: this.#renderGraphic(model),
          tools: this.#renderTools(model),
          notes: this.notes,
          stepChart: printing ? (step) => this.#printChart(model, step) : undefined,
          // Paper gets the whole story at once.
          shown: printing ? undefined : this.#progress.shown,
          busy: !printing && this.#progress.growing,
          onContentsWanted: this.#listContents,
          contentsListed: this.contentsListed,
        })}
      </div>
      ${this.#renderDeck(model)}
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>`;
  }
}

customElements.define('tide-story', TideStory);

declare global {
  interface HTMLElementTagNameMap {
    'tide-story': TideStory;
  }
  interface HTMLElementEventMap {
    'tide-present': CustomEvent<PresentDetail>;
    'tide-ready': CustomEvent<ReadyDetail>;
    'tide-step-change': CustomEvent<StepChangeDetail>;
    'tide-error': CustomEvent<StoryErrorDetail>;
  }
}

function explainFailure(t: Strings, src: string, failure: LoadFailure): string {
  switch (failure.kind) {
    case 'status':
      return t.loadStatus(src, failure.status);
    case 'timeout':
      return t.loadTimeout(src, failure.seconds);
    case 'type':
      return t.loadWrongType(src, failure.contentType);
    case 'network':
      return t.loadNetwork(src);
  }
}
