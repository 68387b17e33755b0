import { describe, expect, test } from 'vitest';
import { hasStrings, loadStrings, stringsFor, UI_LANGUAGES } from '../../src/i18n/strings.ts';

describe('interface tables', () => {
  test('English is there from the start; other languages arrive when loaded', async () => {
    expect(UI_LANGUAGES).toEqual(['en', 'uk']);
    expect(stringsFor('en-GB').present).toBe('Present');
    const uk = await loadStrings('uk-UA');
    expect(uk.present).toBe('Презентувати');
    expect(hasStrings('uk')).toBe(true);
    expect(stringsFor('uk').present).toBe('Презентувати');
  });

  test('a language with no table falls back to English without loading anything', async () => {
    expect(hasStrings('fr')).toBe(true);
    expect((await loadStrings('fr')).present).toBe('Present');
  });
});
