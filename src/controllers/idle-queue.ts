/** Where the browser cannot say when it is idle (Safari), jobs wait this long instead. */
const FALLBACK_DELAY_MS = 120;

/**
 * Work that can wait for the main thread to be idle, one job per idle period, so that it
 * never holds up a scroll. Setting new jobs drops those not yet run.
 */
export class IdleQueue {
  #jobs: Array<() => void> = [];
  #cancelPending?: () => void;

  replace(jobs: Array<() => void>): void {
    this.clear();
    this.#jobs = jobs;
    this.#schedule();
  }

  clear(): void {
    this.#cancelPending?.();
    this.#cancelPending = undefined;
    this.#jobs = [];
  }

  #schedule(): void {
    if (this.#jobs.length === 0 || this.#cancelPending) return;
    const run = () => {
      this.#cancelPending = undefined;
      this.#jobs.shift()?.();
      this.#schedule();
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(run);
      this.#cancelPending = () => cancelIdleCallback(id);
    } else {
      const id = setTimeout(run, FALLBACK_DELAY_MS);
      this.#cancelPending = () => clearTimeout(id);
    }
  }
}
