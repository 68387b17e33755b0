import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { activeIndexAt, jumpTargetTop, readingLine } from './reading-position.ts';
import { startScrollama, type ScrollamaSession } from './scrollama-session.ts';

/** What moved the active step: used to decide whether the URL should follow. */
export type StepCause = 'initial' | 'scroll' | 'jump' | 'resize';

export interface StepControllerOptions {
  /** The step elements, in order. */
  steps(): readonly HTMLElement[];
  /** The sticky graphic, which covers the top of the text when it sits above it. */
  graphic(): HTMLElement | null;
  /** Where the reading line sits in the visible text, from 0 (top) to 1 (bottom). */
  offset(): number;
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
  private active = -1;
  private steps: readonly HTMLElement[] = [];
  /** Step tops relative to the first step's top. */
  private tops: number[] = [];
  private coveredTop = 0;
  private line = 0;
  private scrollama?: ScrollamaSession;
  private resizeObserver?: ResizeObserver;
  private connected = false;
  private measureQueued = false;
  private listeners?: AbortController;
  /** A deep link is honoured once, on the first setup, not on every re-attach. */
  private hashHonoured = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: StepControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.listeners = new AbortController();
    const { signal } = this.listeners;
    window.addEventListener('resize', this.handleResize, { signal });
    window.addEventListener('hashchange', this.handleHashChange, { signal });
    window.addEventListener('pageshow', this.handleScrollEnd, { signal });
    document.addEventListener('scrollend', this.handleScrollEnd, { signal });
    this.steps = [];
    // Re-attached hosts do not re-render by themselves; hostUpdated sets the steps up again.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.listeners?.abort();
    this.teardown();
    this.steps = [];
  }

  hostUpdated(): void {
    if (!this.connected) return;
    const steps = this.options.steps();
    const changed = steps.length !== this.steps.length || steps.some((step, index) => step !== this.steps[index]);
    if (!changed) return;
    this.teardown();
    this.steps = steps;
    if (steps.length === 0) return;
    this.resizeObserver = new ResizeObserver(this.handleLayoutChange);
    for (const step of steps) this.resizeObserver.observe(step);
    const graphic = this.options.graphic();
    if (graphic) this.resizeObserver.observe(graphic);
    this.measure();
    const honourHash = !this.hashHonoured;
    this.hashHonoured = true;
    if (!(honourHash && this.jumpToHash(location.hash, 'initial'))) this.sync('initial');
  }

  /** Scrolls so that the step is at the reading line, and makes it active. */
  jumpTo(index: number, cause: StepCause = 'jump'): void {
    const step = this.steps[index];
    if (!step) return;
    this.measure();
    const rect = step.getBoundingClientRect();
    const targetTop = jumpTargetTop(rect.height, this.coveredTop, this.line);
    window.scrollTo({ top: window.scrollY + rect.top - targetTop, behavior: 'instant' });
    this.sync(cause);
  }

  /** Handles `#step-id`; returns false when the hash names no step. */
  jumpToHash(hash: string, cause: StepCause = 'jump'): boolean {
    const id = decodeURIComponent(hash.replace(/^#/, ''));
    const index = this.steps.findIndex((step) => step.dataset.stepId === id);
    if (index < 0) return false;
    this.jumpTo(index, cause);
    return true;
  }

  /** Re-derives the active step from positions; notifies only on change. */
  sync(cause: StepCause = 'scroll'): void {
    const first = this.steps[0];
    if (!first) return;
    const origin = first.getBoundingClientRect().top;
    const index = activeIndexAt(this.tops, this.line - origin);
    if (index !== this.active) {
      this.active = index;
      this.options.activate(index, cause);
    }
  }

  private measure(): void {
    const first = this.steps[0];
    if (!first) return;
    const stepsBox = first.getBoundingClientRect();
    this.tops = this.steps.map((step) => step.getBoundingClientRect().top - stepsBox.top);
    const graphicBox = this.options.graphic()?.getBoundingClientRect();
    // The graphic covers text only when it sits above the steps rather than beside them.
    const stacked = !!graphicBox && graphicBox.width > 0 && graphicBox.left < stepsBox.right && stepsBox.left < graphicBox.right;
    this.coveredTop = stacked && graphicBox ? graphicBox.height : 0;
    const line = readingLine(window.innerHeight, this.coveredTop, this.options.offset());
    if (Math.round(line) !== Math.round(this.line) || !this.scrollama) {
      this.scrollama?.destroy();
      this.scrollama = startScrollama([...this.steps], line, this.handleCross);
    }
    this.line = line;
  }

  private teardown(): void {
    this.scrollama?.destroy();
    this.scrollama = undefined;
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.tops = [];
  }

  private readonly handleCross = () => this.sync('scroll');

  private readonly handleScrollEnd = () => this.sync('scroll');

  private readonly handleResize = () => {
    this.measure();
    this.sync('resize');
  };

  /** Resize observers fire in bursts while layout settles; measure once per frame. */
  private readonly handleLayoutChange = () => {
    if (this.measureQueued) return;
    this.measureQueued = true;
    requestAnimationFrame(() => {
      this.measureQueued = false;
      if (!this.connected) return;
      this.measure();
      this.sync('resize');
    });
  };

  private readonly handleHashChange = () => {
    this.jumpToHash(location.hash);
  };
}
