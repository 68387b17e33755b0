/**
 * The JSON Schema that editors use to autocomplete and check story files, generated from the
 * same valibot schema as the types and the runtime validation. Checks that JSON Schema cannot
 * express (references between ids, ranges in order) are left to `npm run validate`.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { isIsoDate } from './dates.ts';
import { StorySchema } from './schema.ts';

/** Where the generated schema is kept, beside the stories that name it in `$schema`. */
export const JSON_SCHEMA_FILE = 'data/story.schema.json';

export function storyJsonSchema(): Record<string, unknown> {
  const schema = toJsonSchema(StorySchema, {
    target: 'draft-07',
    errorMode: 'ignore',
    // The calendar check is code; editors still get the shape of a date.
    overrideAction: ({ valibotAction, jsonSchema }) =>
      valibotAction.type === 'check' && 'requirement' in valibotAction && valibotAction.requirement === isIsoDate
        ? { ...jsonSchema, format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }
        : undefined,
  });
  return {
    $schema: schema.$schema,
    title: 'Tideline story',
    description: 'A story for the <tide-story> element. Check a file with `npm run validate -- story.json`.',
    ...schema,
  };
}

export function storyJsonSchemaText(): string {
  return `${JSON.stringify(storyJsonSchema(), null, 2)}\n`;
}
