/**
 * Work moved into tasks of its own, so that the browser can paint and answer input in
 * between: a task past 50 ms holds up the reader's taps (Lighthouse's Total Blocking Time).
 */

/** How long to wait for a frame before going on without one: a hidden tab paints none. */
const HIDDEN_TAB_WAIT_MS = 100;

/** Resolves in a later task. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

/**
 * Runs `callback` in a task of its own once the next frame has been painted, or after a short
 * wait in a hidden tab. Returns a function that cancels it.
 */
export function afterNextPaint(callback: () => void): () => void {
  let timer = setTimeout(run, HIDDEN_TAB_WAIT_MS);
  // A frame's callbacks run before its paint: the task queued from one runs after it.
  const frame = requestAnimationFrame(() => {
    clearTimeout(timer);
    timer = setTimeout(run, 0);
  });
  function cancel(): void {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  }
  function run(): void {
    cancel();
    callback();
  }
  return cancel;
}
