/**
 * Moving through the steps: which move a key or a swipe asks for, and where it lands.
 * Pure functions, shared by scroll mode (a focused step) and presentation mode.
 */

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

