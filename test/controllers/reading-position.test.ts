import { describe, expect, test } from 'vitest';
import { activeIndexAt, jumpTargetTop, readingLine } from '../../src/controllers/reading-position.ts';

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
});
