import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { oncePerFrame } from './once-per-frame.ts';
import { afterNextPaint } from './own-task.ts';
import { activeIndexAt, jumpTargetTop, readingLine, stepsNear, stillSurrounds, type WatchedSteps } from './reading-position.ts';
import { elementRoot, findScrollingAncestor, windowRoot, type ScrollRoot } from './scroll-root.ts';
import { startScrollama, type ScrollamaSession } from './scrollama-session.ts';

/**
 * Scrollama watches the steps this near the active one (see stepsNear), not every step: the
 * browser checks each of its observers on every scrolled frame, which cost a 300-step story
 * more than its own code did.
 */
const WATCH_REACH = 12;
/** The watched steps move with the reader once the active step is this near their edge. */
const WATCH_MARGIN = 4;

/** What moved the active step: used to decide whether the URL should follow. */
export type StepCause = 'initial' | 'scroll' | 'jump' | 'resize';

export interface StepControllerOptions {
  /** The step elements, in order. */
  steps(): readonly HTMLElement[];
  /** The sticky graphic, which covers the top of the text when it sits above it. */
  graphic(): HTMLElement | null;
  /** Where the reading line sits in the visible text, from 0 (top) to 1 (bottom). */
  offset(): number;
  /** Pixels at the top of the viewport covered by the host page, such as a fixed header. */
  coveredByHost(): number;
  /** The root to follow instead of the nearest scrolling ancestor or the window. */
  root(): ScrollRoot | undefined;
  /** The id of the step to start on, if any; asked once per story. */
  initialStep(): string | undefined;
  /**
   * True when the story opens with its top in view and no step to start on, where the first
   * step is active until measured: its first measurement then waits until it has painted.
   */
  opensAtTop(): boolean;
  /** False while more steps are still to be added (a story rendering in slices). */
  allStepsAdded(): boolean;
  /**
   * True while something else chooses the step, such as a presentation over the page: only
   * jumps move it then, and a resize or scroll puts the held step back at the reading line.
   */
  held(): boolean;
  /** Called whenever the active step changes. */
  activate(index: number, cause: StepCause): void;
}

/**
 * Keeps exactly one step active: the one at the reading line.
 *
 * Scrollama reports steps crossing the line as the reader scrolls, but only those that
 * cross during a rendered frame: jumps, reloads mid-page and resizes slip past it. So its
 * events are treated as a nudge, never as the answer. Every trigger (a crossing, the end of
 * a scroll, a resize, a hash change) re-derives the active step from measured positions.
 * Positions are measured when layout changes, not on scroll.
 */
export class StepController implements ReactiveController {
  /** The active step index, or -1 before the first measurement. */
  #active = -1;
  #steps: readonly HTMLElement[] = [];
  /** Step tops relative to the first step's top. */
  #tops: number[] = [];
  #coveredTop = 0;
  /** The reading line, in pixels below the top of the root's viewport. */
  #line = 0;
  /** The root viewport's height when last measured. */
  #measuredHeight = 0;
  #root: ScrollRoot = windowRoot;
  #scrollama?: ScrollamaSession;
  #watched: WatchedSteps = { from: 0, to: -1 };
  /** Steps were added since Scrollama was set up. */
  #scrollamaStale = false;
  #resizeObserver?: ResizeObserver;
  #connected = false;
  #listeners?: AbortController;
  #rootListeners?: AbortController;
  /** The start step is honoured once, on the first setup, not on every re-attach. */
  #startHonoured = false;
  /** Cancels a first setup that waits for the story's first paint. */
  #cancelWait?: () => void;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: StepControllerOptions;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    options: StepControllerOptions,
  ) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#listeners = new AbortController();
    window.addEventListener('resize', this.#handleResize, { signal: this.#listeners.signal });
    this.#steps = [];
    // Re-attached hosts do not re-render by themselves; hostUpdated sets the steps up again.
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#listeners?.abort();
    this.#teardown();
    this.#steps = [];
  }

  hostUpdated(): void {
    if (!this.#connected || this.#cancelWait) return;
    const steps = this.#options.steps();
    const kept = this.#steps.length > 0 && this.#steps.every((step, index) => step === steps[index]);
    if (kept && steps.length === this.#steps.length) return;
    if (kept) {
      this.#extend(steps);
      return;
    }
    this.#teardown();
    this.#steps = [];
    if (steps.length === 0) return;
    if (!this.#startHonoured && !this.#options.initialStep() && this.#options.opensAtTop()) {
      // Measuring now would add the page's first layout (about 65 ms at 4x CPU) to the task
      // that rendered it; after the paint, the layout is done and measuring is cheap. Until
      // then the first step is active, as the reader at the top expects.
      if (this.#active < 0) {
        this.#active = 0;
        this.#options.activate(0, 'initial');
      }
      this.#cancelWait = afterNextPaint(() => {
        this.#cancelWait = undefined;
        this.#setUp(this.#options.steps());
      });
      return;
    }
    this.#setUp(steps);
  }

  /** Follows the scroll root, watches the steps' sizes and positions, and activates the step at the reading line (or the start step). */
  #setUp(steps: readonly HTMLElement[]): void {
    this.#steps = steps;
    if (steps.length === 0) return;
    this.#follow(this.#options.root() ?? this.#nearestRoot());
    this.#resizeObserver = new ResizeObserver(this.#handleLayoutChange);
    for (const step of steps) this.#resizeObserver.observe(step);
    const graphic = this.#options.graphic();
    if (graphic) this.#resizeObserver.observe(graphic);
    if (this.#root.element) this.#resizeObserver.observe(this.#root.element);
    this.#measure();
    const start = this.#startHonoured ? undefined : this.#options.initialStep();
    this.#startHonoured = true;
    if (!(start && this.jumpToId(start, 'initial'))) this.sync('initial');
  }

  /**
   * More steps arrived after the last (a long story renders in slices): watch them too. The
   * active step stays; their first resize report measures them.
   */
  #extend(steps: readonly HTMLElement[]): void {
    const added = steps.slice(this.#steps.length);
    this.#steps = steps;
    this.#scrollamaStale = true;
    for (const step of added) this.#resizeObserver?.observe(step);
  }

  /** The story's steps were replaced by a new story: its start step applies again, its steps are set up afresh, and none is active yet. */
  resetStart(): void {
    this.#startHonoured = false;
    this.#steps = [];
    this.#active = -1;
  }

  /** Scrolls so that the step is at the reading line, and makes it active. */
  jumpTo(index: number, cause: StepCause = 'jump'): void {
    const step = this.#steps[index];
    if (!step) return;
    this.#measure();
    const rect = step.getBoundingClientRect();
    const targetTop = jumpTargetTop(rect.height, this.#coveredTop, this.#line);
    this.#root.scrollBy(rect.top - this.#root.viewport().top - targetTop);
    this.sync(cause);
  }

  /** Jumps to the step with this id; returns false when there is none. */
  jumpToId(id: string, cause: StepCause = 'jump'): boolean {
    const index = this.#steps.findIndex((step) => step.dataset.stepId === id);
    if (index < 0) return false;
    this.jumpTo(index, cause);
    return true;
  }

  /** Re-derives the active step from positions; notifies only on change. */
  sync(cause: StepCause = 'scroll'): void {
    const first = this.#steps[0];
    if (!first) return;
    const viewport = this.#root.viewport();
    // A frame's parent reports resizes as viewport changes rather than resize events.
    if (viewport.height !== this.#measuredHeight) this.#measure();
    const origin = first.getBoundingClientRect().top - viewport.top;
    const index = activeIndexAt(this.#tops, this.#line - origin);
    if (index !== this.#active && (cause === 'scroll' || cause === 'resize') && this.#active >= 0 && this.#options.held()) {
      this.jumpTo(this.#active);
      return;
    }
    if (index !== this.#active) {
      this.#active = index;
      // Before activating, while layout is still clean: Scrollama measures the steps it is given.
      if (this.#scrollama && !stillSurrounds(this.#watched, index, this.#steps.length, WATCH_MARGIN)) this.#watch(this.#line);
      this.#options.activate(index, cause);
    }
  }

  #nearestRoot(): ScrollRoot {
    const element = findScrollingAncestor(this.#host);
    return element ? elementRoot(element) : windowRoot;
  }

  #follow(root: ScrollRoot): void {
    this.#root = root;
    this.#rootListeners = new AbortController();
    root.listen(this.#handleScroll, this.#rootListeners.signal);
  }

  #measure(): void {
    const first = this.#steps[0];
    if (!first) return;
    const viewport = this.#root.viewport();
    this.#measuredHeight = viewport.height;
    // Outside the window, viewport units mean the wrong box: tell the styles the real height.
    if (this.#root.kind === 'window') this.#host.style.removeProperty('--_vh');
    else this.#host.style.setProperty('--_vh', `${viewport.height / 100}px`);
    const stepsBox = first.getBoundingClientRect();
    this.#tops = this.#steps.map((step) => step.getBoundingClientRect().top - stepsBox.top);
    const graphic = this.#options.graphic();
    const graphicBox = graphic?.getBoundingClientRect();
    // The graphic covers text only when it sits above the steps rather than beside them, and
    // stays there (in a short window it scrolls away with the text instead).
    const stacked =
      !!graphic && !!graphicBox && graphicBox.width > 0 && graphicBox.left < stepsBox.right && stepsBox.left < graphicBox.right && getComputedStyle(graphic).position === 'sticky';
    this.#coveredTop = Math.max(this.#options.coveredByHost(), 0) + (stacked && graphicBox ? graphicBox.height : 0);
    const line = readingLine(viewport.height, this.#coveredTop, this.#options.offset());
    // Scrollama sizes its observers from the window's height, so it can only watch the window.
    // Steps added slice by slice join it once all are in, or as the reader nears them (sync);
    // until then `scrollend` keeps the active step right.
    const addedSteps = this.#scrollamaStale && this.#options.allStepsAdded();
    if (this.#root.kind === 'window' && (Math.round(line) !== Math.round(this.#line) || !this.#scrollama || addedSteps)) {
      this.#watch(line);
      this.#scrollamaStale = false;
    }
    this.#line = line;
  }

  /** Sets Scrollama up afresh on the steps near the active one, with the reading line at `line`. */
  #watch(line: number): void {
    this.#scrollama?.destroy();
    this.#watched = stepsNear(this.#active, this.#steps.length, WATCH_REACH);
    this.#scrollama = startScrollama(this.#steps.slice(this.#watched.from, this.#watched.to + 1), line, this.#handleScroll);
  }

  #teardown(): void {
    this.#cancelWait?.();
    this.#cancelWait = undefined;
    this.#scrollama?.destroy();
    this.#scrollama = undefined;
    this.#rootListeners?.abort();
    this.#rootListeners = undefined;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#tops = [];
  }

  readonly #handleScroll = () => this.sync('scroll');

  readonly #handleResize = () => {
    this.#measure();
    this.sync('resize');
  };

  /** Resize observers fire in bursts while layout settles; measure once per frame. */
  readonly #handleLayoutChange = oncePerFrame(() => {
    if (!this.#connected) return;
    this.#measure();
    this.sync('resize');
  });
}
