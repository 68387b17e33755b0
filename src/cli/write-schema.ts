/** `npm run schema`: regenerates data/story.schema.json from the valibot schema. */
import { writeFileSync } from 'node:fs';
import { JSON_SCHEMA_FILE, storyJsonSchemaText } from '../story/json-schema.ts';

writeFileSync(JSON_SCHEMA_FILE, storyJsonSchemaText());
console.log(`wrote ${JSON_SCHEMA_FILE}`);
