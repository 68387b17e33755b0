import { oncePerFrame } from './once-per-frame.ts';

/**
 * What the reader scrolls: the window, a scrollable element around the story, or (inside an
 * iframe that is as tall as its content) the parent page, which reports its viewport by message.
 */
export interface ScrollRoot {
  readonly kind: 'window' | 'element' | 'frame';
  /** The scrolling element, whose size changes move the reading line. */
  readonly element?: HTMLElement;
  /** The visible area: its top in client coordinates, and its height, in CSS pixels. */
  viewport(): { top: number; height: number };
  /** Scrolls by `dy` pixels at once. */
  scrollBy(dy: number): void;
  /** Calls `onScroll` at most once a frame while scrolling, and once when it ends, until `signal` aborts. */
  listen(onScroll: () => void, signal: AbortSignal): void;
}

export const windowRoot: ScrollRoot = {
  kind: 'window',
  viewport: () => ({ top: 0, height: window.innerHeight }),
  scrollBy: (dy) => window.scrollTo({ top: window.scrollY + dy, behavior: 'instant' }),
  // Scrollama reports crossings in the window; only the end of a jump is left to hear.
  listen(onScroll, signal) {
    document.addEventListener('scrollend', onScroll, { signal });
    window.addEventListener('pageshow', onScroll, { signal });
  },
};

export function elementRoot(element: HTMLElement): ScrollRoot {
  return {
    kind: 'element',
    element,
    viewport() {
      const box = element.getBoundingClientRect();
      return { top: box.top + element.clientTop, height: element.clientHeight };
    },
    scrollBy: (dy) => element.scrollBy({ top: dy, behavior: 'instant' }),
    listen(onScroll, signal) {
      element.addEventListener('scroll', oncePerFrame(onScroll), { signal, passive: true });
      element.addEventListener('scrollend', onScroll, { signal });
    },
  };
}

/**
 * The parent page's viewport, for a story in an iframe sized to its content. The frame
 * script feeds it with `update`; `scrollBy` asks the parent to scroll.
 */
export class FrameRoot implements ScrollRoot {
  readonly kind = 'frame';
  #top = 0;
  #height: number;
  readonly #listeners = new Set<() => void>();

  readonly #requestScroll: (dy: number) => void;

  constructor(
    requestScroll: (dy: number) => void,
    initialHeight = window.innerHeight,
  ) {
    this.#requestScroll = requestScroll;
    this.#height = initialHeight;
  }

  viewport() {
    return { top: this.#top, height: this.#height };
  }

  /** The parent's viewport, with `top` in this document's coordinates. */
  update(top: number, height: number): void {
    this.#top = top;
    this.#height = height;
    for (const listener of this.#listeners) listener();
  }

  scrollBy(dy: number): void {
    // Assume the parent obeys, so that the step chosen now is already right; its next report confirms it.
    this.#top += dy;
    this.#requestScroll(dy);
  }

  listen(onScroll: () => void, signal: AbortSignal): void {
    this.#listeners.add(onScroll);
    signal.addEventListener('abort', () => this.#listeners.delete(onScroll), { once: true });
  }
}

/** The nearest ancestor that scrolls vertically, crossing shadow roots; null when it is the window. */
export function findScrollingAncestor(element: Element): HTMLElement | null {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof ShadowRoot) {
      node = node.host;
      continue;
    }
    if (!(node instanceof HTMLElement) || node === document.body || node === document.documentElement) return null;
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'overlay') return node;
    node = node.parentNode;
  }
  return null;
}
