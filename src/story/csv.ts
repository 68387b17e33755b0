/**
 * Story events as a spreadsheet: one row per event, one column per field. Lists of ids are
 * written "a; b"; figures and facts, which few rows need, are JSON in their cell. Parsing
 * and quoting are d3-dsv's.
 */
import { csvFormat, csvParse } from 'd3-dsv';
import type { StoryInput } from './schema.ts';

export type EventInput = StoryInput['events'][number];

/** Columns, in order, and the event field each one holds. */
export const EVENT_COLUMNS = [
  'id', 'kind', 'label', 'title', 'summary', 'place', 'date', 'range_start', 'range_end', 'time', 'approximate',
  'day_part', 'time_zone', 'date_phrase', 'certainty', 'context', 'sources', 'figures', 'facts',
] as const;

type Column = (typeof EVENT_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

export class CsvError extends Error {
  override name = 'CsvError';
}

const list = (cell: string) => cell.split(/[;,]/).map((item) => item.trim()).filter(Boolean);

function booleanCell(cell: string, where: string): boolean {
  const value = cell.trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(value)) return true;
  if (['false', 'no', 'n', '0'].includes(value)) return false;
  throw new CsvError(`${where}: expected true or false, got ${JSON.stringify(cell)}`);
}

function jsonCell(cell: string, where: string): unknown {
  try {
    return JSON.parse(cell);
  } catch {
    throw new CsvError(`${where}: expected JSON, such as [{"value": 3, "label": "killed", "sources": ["a"]}], got ${JSON.stringify(cell.slice(0, 60))}`);
  }
}

/** One event per row; empty cells leave the field out. Values are checked later, by the story schema. */
export function eventsFromCsv(text: string): EventInput[] {
  const rows = csvParse(text.replace(/^\uFEFF/, ''));
  const unknown = rows.columns.filter((column) => !(EVENT_COLUMNS as readonly string[]).includes(column));
  if (unknown.length) throw new CsvError(`header: unknown column ${unknown.map((c) => JSON.stringify(c)).join(', ')}; expected columns from ${EVENT_COLUMNS.join(', ')}`);
  return rows.map((raw, index) => {
    const row = raw as Row;
    const where = (column: Column) => `row ${index + 2}, column ${column}`;
    const event: Record<string, unknown> = {};
    const put = (field: string, value: unknown) => {
      if (value !== undefined) event[field] = value;
    };
    const cell = (column: Column) => (row[column]?.trim() ? row[column] : undefined);
    for (const [column, field] of [['id', 'id'], ['kind', 'kind'], ['label', 'label'], ['title', 'title'], ['summary', 'summary'], ['place', 'place'], ['date', 'date']] as const) {
      put(field, cell(column));
    }
    const start = cell('range_start');
    const end = cell('range_end');
    if (start || end) put('range', { start: start ?? '', end: end ?? '' });
    put('time', cell('time'));
    const approximate = cell('approximate');
    if (approximate) put('approximate', booleanCell(approximate, where('approximate')));
    put('dayPart', cell('day_part'));
    put('timeZone', cell('time_zone'));
    put('datePhrase', cell('date_phrase'));
    put('certainty', cell('certainty'));
    const context = cell('context');
    if (context) put('context', booleanCell(context, where('context')));
    const figures = cell('figures');
    if (figures) put('figures', jsonCell(figures, where('figures')));
    const facts = cell('facts');
    if (facts) put('facts', jsonCell(facts, where('facts')));
    put('sources', list(row.sources ?? ''));
    return event as EventInput;
  });
}

/** The inverse of eventsFromCsv, for moving an existing story into a spreadsheet. */
export function eventsToCsv(events: readonly EventInput[]): string {
  const text = (value: string | undefined) => value ?? '';
  const flag = (value: boolean | undefined) => (value === undefined ? '' : String(value));
  const rows = events.map((event): Record<Column, string> => ({
    id: event.id,
    kind: event.kind,
    label: event.label,
    title: event.title,
    summary: event.summary,
    place: event.place,
    date: text(event.date),
    range_start: text(event.range?.start),
    range_end: text(event.range?.end),
    time: text(event.time),
    approximate: flag(event.approximate),
    day_part: text(event.dayPart),
    time_zone: text(event.timeZone),
    date_phrase: text(event.datePhrase),
    certainty: text(event.certainty),
    context: flag(event.context),
    sources: event.sources.join('; '),
    figures: event.figures?.length ? JSON.stringify(event.figures) : '',
    facts: event.facts?.length ? JSON.stringify(event.facts) : '',
  }));
  return `${csvFormat(rows, [...EVENT_COLUMNS])}\n`;
}
