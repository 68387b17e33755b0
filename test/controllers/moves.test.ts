import { describe, expect, test } from 'vitest';
import { applyMove, moveForKey, moveForSwipe, SWIPE_MIN } from '../../src/controllers/moves.ts';

const key = (name: string, modifiers: Partial<Record<'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) =>
  moveForKey({ key: name, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...modifiers });

describe('keys', () => {
  test('clicker and slide-software keys move one step; Home and End go to the ends', () => {
    expect(['ArrowRight', 'PageDown', ' '].map((name) => key(name))).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map((name) => key(name))).toEqual(['previous', 'previous']);
    expect(key(' ', { shiftKey: true })).toBe('previous');
    expect([key('Home'), key('End')]).toEqual(['first', 'last']);
  });

  test('leaves browser shortcuts and other keys alone', () => {
    expect(key('ArrowRight', { altKey: true })).toBeUndefined();
    expect(key('PageDown', { ctrlKey: true })).toBeUndefined();
    expect(key('ArrowLeft', { metaKey: true })).toBeUndefined();
    expect(['ArrowDown', 'ArrowUp', 'Tab', 'Enter', 'a'].map((name) => key(name))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

test('moves stay within the deck', () => {
  expect(applyMove('next', 3, 5)).toBe(4);
  expect(applyMove('next', 4, 5)).toBe(4);
  expect(applyMove('previous', 0, 5)).toBe(0);
  expect(applyMove('first', 3, 5)).toBe(0);
  expect(applyMove('last', 0, 5)).toBe(4);
});

test('a swipe is a mostly horizontal stroke of at least the minimum length', () => {
  expect(moveForSwipe(-SWIPE_MIN - 10, 5)).toBe('next');
  expect(moveForSwipe(SWIPE_MIN + 10, -5)).toBe('previous');
  expect(moveForSwipe(SWIPE_MIN - 1, 0)).toBeUndefined();
  expect(moveForSwipe(-120, 100)).toBeUndefined();
});
