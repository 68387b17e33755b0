import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { afterNextPaint, nextTask } from '../../src/controllers/own-task.ts';

beforeEach(() => {
  // Node has no frames: the fake timers fake only what exists, so these stand in to be replaced.
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test('afterNextPaint runs its callback once, in a task after the next frame, not in the frame', () => {
  const callback = vi.fn();
  afterNextPaint(callback);
  expect(callback).not.toHaveBeenCalled();
  vi.advanceTimersToNextFrame();
  expect(callback).not.toHaveBeenCalled();
  vi.advanceTimersToNextTimer();
  expect(callback).toHaveBeenCalledTimes(1);
  vi.runAllTimers();
  vi.advanceTimersToNextFrame();
  expect(callback).toHaveBeenCalledTimes(1);
});

test('afterNextPaint still runs in a hidden tab, which paints no frames, after a short wait', () => {
  // Frames are asked for, and never come.
  vi.useRealTimers();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const callback = vi.fn();
  afterNextPaint(callback);
  vi.advanceTimersByTime(99);
  expect(callback).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(callback).toHaveBeenCalledTimes(1);
});

test('afterNextPaint never runs once cancelled, whether waiting for the frame or the task after it', () => {
  const beforeFrame = vi.fn();
  afterNextPaint(beforeFrame)();
  const afterFrame = vi.fn();
  const cancel = afterNextPaint(afterFrame);
  vi.advanceTimersToNextFrame();
  cancel();
  vi.runAllTimers();
  vi.advanceTimersToNextFrame();
  expect(beforeFrame).not.toHaveBeenCalled();
  expect(afterFrame).not.toHaveBeenCalled();
});

test('nextTask resolves in a later task, not in this one', async () => {
  let resolved = false;
  const waiting = nextTask().then(() => (resolved = true));
  await Promise.resolve();
  expect(resolved).toBe(false);
  await vi.advanceTimersToNextTimerAsync();
  await waiting;
  expect(resolved).toBe(true);
});
