import { describe, expect, test } from 'vitest';
import { Unchanged } from '../../src/components/unchanged.ts';

interface Item {
  id: string;
  x: number;
  span?: { x0: number; x1: number };
}

describe('Unchanged', () => {
  test('hands back the object drawn before for an item whose fields are all equal', () => {
    const same = new Unchanged<Item>((item) => item.id);
    const [a, b] = same.reuse([{ id: 'a', x: 1, span: { x0: 0, x1: 2 } }, { id: 'b', x: 5 }]);
    const next = same.reuse([{ id: 'b', x: 5 }, { id: 'a', x: 1, span: { x0: 0, x1: 2 } }]);
    expect(next[0]).toBe(b);
    expect(next[1]).toBe(a);
  });

  test('hands back the new object when a field, a nested field or the set of fields differs, and keeps it for next time', () => {
    const same = new Unchanged<Item>((item) => item.id);
    const [first] = same.reuse([{ id: 'a', x: 1, span: { x0: 0, x1: 2 } }]);
    const moved = { id: 'a', x: 2, span: { x0: 0, x1: 2 } };
    expect(same.reuse([moved])[0]).toBe(moved);
    const widened = { id: 'a', x: 2, span: { x0: 0, x1: 3 } };
    expect(same.reuse([widened])[0]).toBe(widened);
    const spanless = { id: 'a', x: 2 };
    expect(same.reuse([spanless])[0]).toBe(spanless);
    expect(same.reuse([{ id: 'a', x: 2 }])[0]).toBe(spanless);
    expect(same.reuse([{ id: 'a', x: 1, span: { x0: 0, x1: 2 } }])[0]).not.toBe(first);
  });

  test('after clear, nothing from before is handed back', () => {
    const same = new Unchanged<Item>((item) => item.id);
    const [a] = same.reuse([{ id: 'a', x: 1 }]);
    same.clear();
    const again = { id: 'a', x: 1 };
    expect(same.reuse([again])[0]).toBe(again);
    expect(again).not.toBe(a);
  });
});
