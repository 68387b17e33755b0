/**
 * `npm run csv -- …`: moves a story's events between a spreadsheet and the story file.
 *
 *   npm run csv -- export story.json events.csv   writes the story's events as CSV
 *   npm run csv -- import events.csv story.json   replaces the story's events with the rows,
 *                                                 after checking the whole story
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { CsvError, eventsFromCsv, eventsToCsv } from '../story/csv.ts';
import { parseStory, StoryError } from '../story/parse.ts';
import type { StoryInput } from '../story/schema.ts';

const USAGE = 'usage: npm run csv -- export story.json events.csv\n       npm run csv -- import events.csv story.json';

/** Names the spreadsheet row behind an `events[i]` path, which is what an author can find. */
function withRows(message: string): string {
  return message.replace(/^story: events\[(\d+)\]/gm, (whole, index: string) => `${whole} (CSV row ${Number(index) + 2})`);
}

export function main([command, from, to]: readonly string[]): number {
  if (!from || !to || (command !== 'export' && command !== 'import')) {
    console.error(USAGE);
    return 2;
  }
  try {
    if (command === 'export') {
      const story = JSON.parse(readFileSync(from, 'utf8')) as StoryInput;
      writeFileSync(to, eventsToCsv(story.events));
      console.log(`wrote ${story.events.length} events from ${from} to ${to}`);
      return 0;
    }
    const events = eventsFromCsv(readFileSync(from, 'utf8'));
    const story = JSON.parse(readFileSync(to, 'utf8')) as StoryInput;
    const updated = { ...story, events };
    parseStory(updated);
    writeFileSync(to, `${JSON.stringify(updated, null, 2)}\n`);
    console.log(`wrote ${events.length} events from ${from} into ${to}`);
    return 0;
  } catch (error) {
    if (error instanceof CsvError) console.error(`${from}: ${error.message}`);
    else if (error instanceof StoryError) console.error(`${to} would not be a valid story; nothing was written:\n${withRows(error.message)}`);
    else console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
