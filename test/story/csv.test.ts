import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CsvError, eventsFromCsv, eventsToCsv, type EventInput } from '../../src/story/csv.ts';
import { parseStory } from '../../src/story/parse.ts';

const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { events: EventInput[] } & Record<string, unknown>;

describe('the CSV event converter', () => {
  for (const file of ['data/sumy-paris-london.json', 'data/demo-library-flood.json']) {
    test(`round-trips every event of ${file}, field for field`, () => {
      const story = load(file);
      const csv = eventsToCsv(story.events);
      expect(csv.split('\n')[0]).toBe(
        'id,kind,label,title,summary,place,date,range_start,range_end,time,approximate,day_part,time_zone,date_phrase,certainty,context,sources,figures,facts',
      );
      expect(eventsFromCsv(csv)).toEqual(story.events);
      expect(parseStory({ ...story, events: eventsFromCsv(csv) }).story).toEqual(parseStory(story).story);
    });
  }

  test('keeps commas, quotes and line breaks inside cells', () => {
    const event: EventInput = {
      id: 'tricky',
      kind: 'talks',
      label: 'A, "quoted" label',
      title: 'Line one\nline two',
      summary: 'Semicolons; commas, and “curly quotes”',
      place: 'Paris',
      date: '2025-04-17',
      sources: ['a', 'b'],
    };
    expect(eventsFromCsv(eventsToCsv([event]))).toEqual([event]);
  });

  test('reads a spreadsheet export: byte-order mark, yes/no flags, empty cells and "a, b" source lists', () => {
    const csv = '\uFEFFid,kind,label,title,summary,place,date,context,approximate,sources\nx,talks,X,Title,Summary,Paris,2025-04-17,no,yes,"a, b"\n';
    expect(eventsFromCsv(csv)).toEqual([
      { id: 'x', kind: 'talks', label: 'X', title: 'Title', summary: 'Summary', place: 'Paris', date: '2025-04-17', context: false, approximate: true, sources: ['a', 'b'] },
    ]);
  });

  test('names the row and column of a bad cell, and rejects unknown columns', () => {
    expect(() => eventsFromCsv('id,context,sources\nx,maybe,a\n')).toThrow(new CsvError('row 2, column context: expected true or false, got "maybe"'));
    expect(() => eventsFromCsv('id,figures,sources\nx,[{oops,a\n')).toThrow(/^row 2, column figures: expected JSON/);
    expect(() => eventsFromCsv('id,colour,sources\nx,red,a\n')).toThrow(/^header: unknown column "colour"/);
  });
});
