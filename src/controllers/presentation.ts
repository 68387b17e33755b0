import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A move through the steps, as keys, clickers and swipes ask for it. */
export type Move = 'next' | 'previous' | 'first' | 'last';

type KeyLike = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>;

/**
 * The move a key asks for. Presentation clickers send PageDown and PageUp (some send the
 * arrows); Space and Shift+Space are what people press in slide software. Shortcuts with
 * Alt, Ctrl or Meta belong to the browser and are left alone.
 */
export function moveForKey({ key, shiftKey, altKey, ctrlKey, metaKey }: KeyLike): Move | undefined {
  if (altKey || ctrlKey || metaKey) return undefined;
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'previous';
    case ' ':
      return shiftKey ? 'previous' : 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return undefined;
  }
}

/** The slide a move lands on, kept within the deck. */
export function applyMove(move: Move, current: number, count: number): number {
  const last = Math.max(count - 1, 0);
  if (move === 'first') return 0;
  if (move === 'last') return last;
  return Math.min(Math.max(current + (move === 'next' ? 1 : -1), 0), last);
}

/** Keys on these keep their own meaning: Space presses a button, arrows move a caret. */
export function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return (key === ' ' || key === 'Enter') && !!target.closest('button, a[href], summary');
}

/** Shortest horizontal travel, in CSS pixels, that counts as a swipe. */
export const SWIPE_MIN = 50;

/** A horizontal swipe: right-to-left goes forward, as on a phone's photo viewer. */
export function moveForSwipe(dx: number, dy: number): Move | undefined {
  if (Math.abs(dx) < SWIPE_MIN || Math.abs(dx) < 1.5 * Math.abs(dy)) return undefined;
  return dx < 0 ? 'next' : 'previous';
}

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
  private listeners?: AbortController;
  private ownsFullscreen = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: PresentationOptions,
  ) {
    host.addController(this);
  }

  /** Starts listening and asks for full screen; refusal (no gesture, an iframe without `allow`) is fine. */
  start(): void {
    this.listeners?.abort();
    this.listeners = new AbortController();
    const { signal } = this.listeners;
    document.addEventListener('fullscreenchange', this.handleFullscreenChange, { signal });
    window.addEventListener('resize', this.options.resized, { signal });
    // On the document, not the dialog: focus may sit on the body, which a modal dialog leaves reachable.
    document.addEventListener('keydown', this.options.keydown, { signal });
    const root = document.documentElement;
    if (document.fullscreenEnabled && !document.fullscreenElement && navigator.userActivation?.isActive !== false) {
      root.requestFullscreen().then(
        () => (this.ownsFullscreen = true),
        () => undefined,
      );
    }
  }

  stop(): void {
    this.listeners?.abort();
    this.listeners = undefined;
    if (this.ownsFullscreen && document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    this.ownsFullscreen = false;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  private readonly handleFullscreenChange = () => {
    if (this.ownsFullscreen && !document.fullscreenElement) {
      this.ownsFullscreen = false;
      this.options.leftFullscreen();
    }
  };
}

/** Tracks one touch or pen stroke at a time and reports the swipe it made, if any. */
export class SwipeTracker {
  private start?: { id: number; x: number; y: number };

  down(event: PointerEvent): void {
    this.start = event.pointerType === 'mouse' ? undefined : { id: event.pointerId, x: event.clientX, y: event.clientY };
  }

  up(event: PointerEvent): Move | undefined {
    const start = this.start;
    this.start = undefined;
    if (!start || start.id !== event.pointerId) return undefined;
    return moveForSwipe(event.clientX - start.x, event.clientY - start.y);
  }

  cancel(): void {
    this.start = undefined;
  }
}
