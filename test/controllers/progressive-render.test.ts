import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { ProgressiveRender } from '../../src/controllers/progressive-render.ts';

/** A host that renders whenever asked, as Lit does a microtask later: here, at once. */
function fakeHost() {
  const controllers: ReactiveController[] = [];
  const host: ReactiveControllerHost & { updates: number } = {
    updates: 0,
    addController: (controller) => controllers.push(controller),
    removeController: () => undefined,
    requestUpdate() {
      host.updates += 1;
      for (const controller of controllers) controller.hostUpdated?.();
    },
    updateComplete: Promise.resolve(true),
  };
  const connect = () => controllers.forEach((controller) => controller.hostConnected?.());
  const disconnect = () => controllers.forEach((controller) => controller.hostDisconnected?.());
  return { host, connect, disconnect };
}

/** The next frame, then the task after it, where a slice is added. */
const nextFrame = () => vi.advanceTimersToNextFrame().advanceTimersToNextTimer();

/** Node has no frames: the fake timers fake only what exists, so these stand in to be replaced. */
function installFrames(): void {
  const noFrames = () => {
    throw new Error('the fake timers should have replaced this');
  };
  vi.stubGlobal('requestAnimationFrame', noFrames);
  vi.stubGlobal('cancelAnimationFrame', noFrames);
}

beforeEach(() => {
  installFrames();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test('ProgressiveRender shows the first slice, then one more slice per frame until all are shown', () => {
  const { host, connect } = fakeHost();
  const progress = new ProgressiveRender(host);
  connect();
  progress.reset(10, 3, 4);
  host.requestUpdate();
  expect(progress.shown).toBe(3);
  // Not before the frame that shows the first slice: then both would be laid out in one frame.
  vi.advanceTimersToNextFrame();
  expect(progress.shown).toBe(3);
  vi.advanceTimersToNextTimer();
  expect(progress.shown).toBe(7);
  nextFrame();
  expect(progress.shown).toBe(10);
  expect(progress.done).toBe(true);
  const updates = host.updates;
  vi.runAllTimers();
  expect(host.updates).toBe(updates);
});

test('ProgressiveRender shows at least what a jump needs at once, and never more than there is', () => {
  const { host, connect } = fakeHost();
  const progress = new ProgressiveRender(host);
  connect();
  progress.reset(100, 5, 4);
  progress.showAtLeast(60);
  expect(progress.shown).toBe(60);
  progress.showAtLeast(Number.POSITIVE_INFINITY);
  expect(progress.shown).toBe(100);
});

test('ProgressiveRender stops when its host leaves the page, and a new story starts over', () => {
  const { host, connect, disconnect } = fakeHost();
  const progress = new ProgressiveRender(host);
  connect();
  progress.reset(10, 2, 4);
  host.requestUpdate();
  disconnect();
  vi.runAllTimers();
  expect(progress.shown).toBe(2);
  progress.reset(3, 8, 4);
  expect(progress.shown).toBe(3);
  expect(progress.done).toBe(true);
});

test('ProgressiveRender adds as many a frame as the story asks for when it starts over', () => {
  const { host, connect } = fakeHost();
  const progress = new ProgressiveRender(host);
  connect();
  progress.reset(20, 4, 6);
  host.requestUpdate();
  nextFrame();
  expect(progress.shown).toBe(10);
  progress.reset(20, 4, 2);
  host.requestUpdate();
  nextFrame();
  // A new story's count replaces the last one's.
  expect(progress.shown).toBe(6);
});

test('ProgressiveRender stops growing at its pause, not busy there, and goes on to the end when resumed', () => {
  const { host, connect } = fakeHost();
  const progress = new ProgressiveRender(host);
  connect();
  progress.reset(20, 4, 6, 12);
  host.requestUpdate();
  expect(progress.growing).toBe(true);
  vi.runAllTimers();
  // Never past the pause by itself, even when a slice would reach beyond it.
  expect(progress.shown).toBe(12);
  expect(progress.growing).toBe(false);
  expect(progress.done).toBe(false);
  progress.resume();
  expect(progress.growing).toBe(true);
  vi.runAllTimers();
  expect(progress.shown).toBe(20);
  expect(progress.done).toBe(true);
  expect(progress.growing).toBe(false);
});

test('ProgressiveRender shows what a jump needs past its pause, and stays paused after it', () => {
  const { host, connect } = fakeHost();
  const progress = new ProgressiveRender(host);
  connect();
  progress.reset(20, 4, 6, 12);
  host.requestUpdate();
  vi.runAllTimers();
  progress.showAtLeast(15);
  expect(progress.shown).toBe(15);
  const updates = host.updates;
  vi.runAllTimers();
  expect(progress.shown).toBe(15);
  expect(host.updates).toBe(updates);
  progress.showAtLeast(Number.POSITIVE_INFINITY);
  expect(progress.done).toBe(true);
});

test('ProgressiveRender still finishes in a hidden tab, which draws no frames', () => {
  // Frames are asked for, and never come.
  vi.useRealTimers();
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const { host, connect } = fakeHost();
  const progress = new ProgressiveRender(host);
  connect();
  progress.reset(10, 3, 4);
  host.requestUpdate();
  vi.runAllTimers();
  expect(progress.shown).toBe(10);
  expect(progress.done).toBe(true);
});
