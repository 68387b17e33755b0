import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { IdleQueue } from '../../src/controllers/idle-queue.ts';

/** Idle periods the browser would grant, run one at a time by the test. */
function idlePeriods() {
  const waiting = new Map<number, () => void>();
  let next = 1;
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => {
    waiting.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelIdleCallback', (id: number) => waiting.delete(id));
  return {
    get pending() {
      return waiting.size;
    },
    runOne() {
      const [id, callback] = [...waiting][0] ?? [];
      if (id === undefined || !callback) throw new Error('no idle callback is waiting');
      waiting.delete(id);
      callback();
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test('runs one job per idle period, in order', () => {
  const idle = idlePeriods();
  const ran: string[] = [];
  new IdleQueue().replace([() => ran.push('next'), () => ran.push('previous'), () => ran.push('after next')]);
  expect(ran).toEqual([]);
  idle.runOne();
  expect(ran).toEqual(['next']);
  idle.runOne();
  idle.runOne();
  expect(ran).toEqual(['next', 'previous', 'after next']);
  expect(idle.pending).toBe(0);
});

test('new jobs drop the ones not yet run, and clearing drops them all', () => {
  const idle = idlePeriods();
  const ran: string[] = [];
  const queue = new IdleQueue();
  queue.replace([() => ran.push('a1'), () => ran.push('a2')]);
  idle.runOne();
  queue.replace([() => ran.push('b1'), () => ran.push('b2')]);
  expect(idle.pending).toBe(1);
  idle.runOne();
  queue.clear();
  expect(idle.pending).toBe(0);
  expect(ran).toEqual(['a1', 'b1']);
});

test('where the browser cannot say when it is idle, jobs still run, a little later', () => {
  vi.stubGlobal('requestIdleCallback', undefined);
  const ran: number[] = [];
  new IdleQueue().replace([() => ran.push(1), () => ran.push(2)]);
  vi.advanceTimersByTime(10);
  expect(ran).toEqual([]);
  vi.runAllTimers();
  expect(ran).toEqual([1, 2]);
});
