import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { moveForSwipe, type Move } from './moves.ts';

export interface PresentationOptions {
  /** The reader left full screen some other way (Escape, the browser's own control). */
  leftFullscreen(): void;
  /** The presentation's size changed: type and chart scale with it. */
  resized(): void;
  /** A key pressed while presenting. The deck is modal, so every key is the deck's. */
  keydown(event: KeyboardEvent): void;
}

/**
 * The browser side of presenting: full screen where the page may have it, and knowing when
 * the reader leaves it or the screen changes size. Listening happens only while presenting.
 */
export class PresentationController implements ReactiveController {
  #listeners?: AbortController;
  #ownsFullscreen = false;

  readonly #options: PresentationOptions;

  constructor(
    host: ReactiveControllerHost,
    options: PresentationOptions,
  ) {
    this.#options = options;
    host.addController(this);
  }

  /** Starts listening and asks for full screen; refusal (no gesture, an iframe without `allow`) is fine. */
  start(): void {
    this.#listeners?.abort();
    this.#listeners = new AbortController();
    const { signal } = this.#listeners;
    document.addEventListener('fullscreenchange', this.#handleFullscreenChange, { signal });
    window.addEventListener('resize', this.#options.resized, { signal });
    // On the document, not the dialog: focus may sit on the body, which a modal dialog leaves reachable.
    document.addEventListener('keydown', this.#options.keydown, { signal });
    const root = document.documentElement;
    if (document.fullscreenEnabled && !document.fullscreenElement && navigator.userActivation?.isActive !== false) {
      root.requestFullscreen().then(
        () => (this.#ownsFullscreen = true),
        () => undefined,
      );
    }
  }

  stop(): void {
    this.#listeners?.abort();
    this.#listeners = undefined;
    if (this.#ownsFullscreen && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    this.#ownsFullscreen = false;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  readonly #handleFullscreenChange = () => {
    if (this.#ownsFullscreen && !document.fullscreenElement) {
      this.#ownsFullscreen = false;
      this.#options.leftFullscreen();
    }
  };
}

/** Tracks one touch or pen stroke at a time and reports the swipe it made, if any. */
export class SwipeTracker {
  #start?: { id: number; x: number; y: number };

  down(event: PointerEvent): void {
    this.#start = event.pointerType === 'mouse' ? undefined : { id: event.pointerId, x: event.clientX, y: event.clientY };
  }

  up(event: PointerEvent): Move | undefined {
    const start = this.#start;
    this.#start = undefined;
    if (!start || start.id !== event.pointerId) return undefined;
    return moveForSwipe(event.clientX - start.x, event.clientY - start.y);
  }

  cancel(): void {
    this.#start = undefined;
  }
}
