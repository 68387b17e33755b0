import { describe, expect, test } from 'vitest';
import { isChildMessage, isParentMessage } from '../../src/embed/protocol.ts';

describe('the iframe message protocol', () => {
  test('accepts well-formed messages from each side', () => {
    expect(isChildMessage({ tideline: 'height', height: 1200 })).toBe(true);
    expect(isChildMessage({ tideline: 'ready', title: 'A story' })).toBe(true);
    expect(isChildMessage({ tideline: 'step', id: 'paris-talks' })).toBe(true);
    expect(isChildMessage({ tideline: 'scroll-by', dy: -40 })).toBe(true);
    expect(isParentMessage({ tideline: 'viewport', top: -300, height: 800 })).toBe(true);
    expect(isParentMessage({ tideline: 'go-to', step: 'paris-talks' })).toBe(true);
  });

  test('ignores other traffic and malformed or hostile values', () => {
    for (const data of [null, 'height', 42, {}, { type: 'height', height: 1 }, { tideline: 'height', height: -1 }, { tideline: 'height', height: Infinity },
      { tideline: 'height', height: '100' }, { tideline: 'scroll-by', dy: Number.NaN }, { tideline: 'step', id: 7 }, { tideline: 'viewport', top: 0, height: 800 }]) {
      expect(isChildMessage(data), JSON.stringify(data)).toBe(false);
    }
    for (const data of [null, { tideline: 'viewport', top: 0, height: 0 }, { tideline: 'viewport', top: '0', height: 800 }, { tideline: 'go-to' }, { tideline: 'height', height: 5 }]) {
      expect(isParentMessage(data), JSON.stringify(data)).toBe(false);
    }
  });
});
