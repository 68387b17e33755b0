import scrollama from 'scrollama';

export interface ScrollamaSession {
  destroy(): void;
}

type Listener = [type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions];

/** Scrollama's published types allow only tenths for `offset`; its code also accepts "NNpx". */
type SetupOptions = Omit<scrollama.ScrollamaOptions, 'offset'> & { offset: `${number}px` };

/**
 * Runs Scrollama over the given steps with the trigger line `linePx` from the viewport top,
 * calling `onCross` whenever a step enters or leaves the line.
 *
 * Scrollama 3.2's `setup()` adds an anonymous document scroll listener that `destroy()`
 * never removes, so every re-setup (resize, new story) would leak one. The listeners added
 * during setup are recorded here and removed on destroy.
 */
export function startScrollama(steps: HTMLElement[], linePx: number, onCross: () => void): ScrollamaSession {
  const scroller = scrollama();
  const added: Listener[] = [];
  const originalAdd = document.addEventListener;
  document.addEventListener = function record(this: Document, ...args: Listener) {
    added.push(args);
    originalAdd.apply(this, args);
  };
  try {
    const setup = scroller.setup as unknown as (options: SetupOptions) => scrollama.ScrollamaInstance;
    setup({ step: steps, offset: `${Math.round(linePx)}px` });
  } finally {
    document.addEventListener = originalAdd;
  }
  scroller.onStepEnter(onCross).onStepExit(onCross);
  return {
    destroy() {
      scroller.destroy();
      for (const [type, listener, options] of added.splice(0)) document.removeEventListener(type, listener, options);
    },
  };
}
