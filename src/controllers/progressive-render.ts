import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterNextPaint } from './own-task.ts';

/**
 * Renders a list a slice at a time: the first slice with the first paint, the rest one slice
 * a frame afterwards, each in a task of its own, so that no task or frame holds a phone's
 * main thread for long. The host reads `shown` when it renders; a first slice as long as the
 * list shows it whole at once. It may pause partway, until the host asks it to go on
 * (`resume`) or a jump needs more.
 */
export class ProgressiveRender implements ReactiveController {
  /** How many items the host renders now. */
  shown = Number.POSITIVE_INFINITY;
  #total = 0;
  /** Growing by itself stops here, until `resume`. */
  #pauseAt = 0;
  /** Cancels the next slice, while one is on its way. */
  #cancelNext?: () => void;
  #connected = false;

  /** Items added per frame after the first slice. */
  #slice = 1;

  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * Starts over with `total` items, `first` of them rendered at once, then `perFrame` a frame
   * until `pauseAt` (by default, all of them).
   */
  reset(total: number, first: number, perFrame: number, pauseAt = total): void {
    this.#cancel();
    this.#slice = Math.max(perFrame, 1);
    this.#total = total;
    this.#pauseAt = pauseAt;
    this.shown = Math.min(total, Math.max(first, 0));
  }

  /** True once every item is rendered. */
  get done(): boolean {
    return this.shown >= this.#total;
  }

  /** True while more items are on their way by themselves: not once all are shown, nor while paused. */
  get growing(): boolean {
    return this.shown < Math.min(this.#pauseAt, this.#total);
  }

  /** Goes on growing to the end, after a pause. */
  resume(): void {
    if (this.#pauseAt >= this.#total) return;
    this.#pauseAt = this.#total;
    this.#host.requestUpdate();
  }

  /** Renders at least `count` items in the next update, such as everything up to a step the reader jumps to. */
  showAtLeast(count: number): void {
    if (count <= this.shown) return;
    this.shown = Math.min(count, this.#total);
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#cancel();
  }

  hostUpdated(): void {
    if (!this.#connected || !this.growing || this.#cancelNext) return;
    // The next slice waits for the frame that shows this one, so that each frame lays out one
    // slice at most (back-to-back timers put two in one frame) and input runs between.
    this.#cancelNext = afterNextPaint(this.#grow);
  }

  readonly #grow = () => {
    this.#cancelNext = undefined;
    this.showAtLeast(Math.min(this.shown + this.#slice, this.#pauseAt));
  };

  #cancel(): void {
    this.#cancelNext?.();
    this.#cancelNext = undefined;
  }
}
