import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { JSON_SCHEMA_FILE, storyJsonSchemaText } from '../../src/story/json-schema.ts';

test('data/story.schema.json is the schema generated from src/story/schema.ts (run `npm run schema` after changing it)', () => {
  expect(readFileSync(JSON_SCHEMA_FILE, 'utf8')).toBe(storyJsonSchemaText());
});

test('the JSON Schema gives editors the shapes, limits and choices of a story', () => {
  const schema = JSON.parse(storyJsonSchemaText()) as {
    required: string[];
    properties: Record<string, { items?: { properties: Record<string, Record<string, unknown>>; additionalProperties?: boolean } }>;
  };
  expect(schema.required).toEqual(['id', 'lang', 'title', 'dek', 'asOf', 'kinds', 'sources', 'events', 'steps']);
  const event = schema.properties.events?.items;
  expect(event?.additionalProperties).toBe(false);
  expect(event?.properties.date).toMatchObject({ type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
  expect(event?.properties.certainty).toMatchObject({ enum: ['confirmed', 'uncertain', 'expected'] });
  expect(event?.properties.label).toMatchObject({ maxLength: 40 });
});

test('every story in data/ names the schema, so editors check it as it is written', () => {
  const stories = readdirSync('data').filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'));
  expect(stories.length).toBeGreaterThanOrEqual(2);
  for (const name of stories) expect((JSON.parse(readFileSync(`data/${name}`, 'utf8')) as { $schema?: string }).$schema, name).toBe('./story.schema.json');
});
