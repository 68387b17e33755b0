/** Wraps `callback` so that however often it is called, it runs once, in the next animation frame. */
export function oncePerFrame(callback: () => void): () => void {
  let queued = false;
  return () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      callback();
    });
  };
}
