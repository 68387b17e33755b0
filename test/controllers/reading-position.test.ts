import { describe, expect, test } from 'vitest';
import { activeIndexAt, jumpTargetTop, readingLine, stepsNear, stillSurrounds } from '../../src/controllers/reading-position.ts';

describe('reading position', () => {
  test('puts the line mid-viewport when nothing covers the text', () => {
    expect(readingLine(800, 0, 0.5)).toBe(400);
  });

  test('puts the line mid-way through the text left below a sticky graphic', () => {
    expect(readingLine(844, 300, 0.5)).toBe(572);
  });

  test('picks the step whose top the line has passed', () => {
    const tops = [100, 600, 1100, 1600];
    expect(activeIndexAt(tops, 599)).toBe(0);
    expect(activeIndexAt(tops, 600)).toBe(1);
    expect(activeIndexAt(tops, 1599)).toBe(2);
  });

  test('keeps exactly one step active before the first and after the last', () => {
    const tops = [100, 600, 1100];
    expect(activeIndexAt(tops, -5000)).toBe(0);
    expect(activeIndexAt(tops, 99_999)).toBe(2);
    expect(activeIndexAt([42], 0)).toBe(0);
  });

  test('brings a tall step to just below the covered area, with the line inside it', () => {
    const top = jumpTargetTop(700, 300, 572);
    expect(top).toBe(316);
    expect(top).toBeLessThanOrEqual(572);
    expect(top + 700).toBeGreaterThan(572);
  });

  test('centres a short step on the line so that it still becomes active', () => {
    const top = jumpTargetTop(120, 0, 400);
    expect(top).toBe(340);
    expect(top).toBeLessThanOrEqual(400);
    expect(top + 120).toBeGreaterThan(400);
  });

  test('watches the steps around the active one, the same number at either end of a long story', () => {
    expect(stepsNear(150, 300, 12)).toEqual({ from: 138, to: 162 });
    expect(stepsNear(3, 300, 12)).toEqual({ from: 0, to: 24 });
    expect(stepsNear(298, 300, 12)).toEqual({ from: 275, to: 299 });
    expect(stepsNear(-1, 300, 12)).toEqual({ from: 0, to: 24 });
  });

  test('watches every step of a story shorter than the reach either side', () => {
    expect(stepsNear(9, 18, 12)).toEqual({ from: 0, to: 17 });
    expect(stepsNear(0, 1, 12)).toEqual({ from: 0, to: 0 });
  });

  test('moves the watched steps once the active one nears their edge, not at the story’s ends', () => {
    const watched = stepsNear(150, 300, 12);
    expect(stillSurrounds(watched, 150, 300, 4)).toBe(true);
    expect(stillSurrounds(watched, 158, 300, 4)).toBe(true);
    expect(stillSurrounds(watched, 159, 300, 4)).toBe(false);
    expect(stillSurrounds(watched, 141, 300, 4)).toBe(false);
    // A jump far away.
    expect(stillSurrounds(watched, 251, 300, 4)).toBe(false);
    expect(stillSurrounds(stepsNear(0, 300, 12), 1, 300, 4)).toBe(true);
    expect(stillSurrounds(stepsNear(299, 300, 12), 298, 300, 4)).toBe(true);
    expect(stillSurrounds(stepsNear(9, 18, 12), 17, 18, 4)).toBe(true);
  });

  test('moves the watched steps when the story has grown past them', () => {
    // Set up while the story had 10 steps; it now has 300 and the reader is at the 9th.
    expect(stillSurrounds(stepsNear(5, 10, 12), 8, 300, 4)).toBe(false);
  });
});
