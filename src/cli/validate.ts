/**
 * `npm run validate -- story.json [more.json …]`: checks story files against the schema and
 * prints every problem with its JSON path, what was expected and what was found. Exits 1 if
 * any file has a problem.
 */
import { readFileSync } from 'node:fs';
import { parseStoryJson, StoryError } from '../story/parse.ts';

export interface FileReport {
  ok: boolean;
  lines: string[];
}

export function validateFile(file: string): FileReport {
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    return { ok: false, lines: [`✗ ${file}: cannot read it: ${reason}`] };
  }
  try {
    const { story } = parseStoryJson(json);
    return { ok: true, lines: [`✓ ${file}: a valid story, "${story.title}": ${story.events.length} events, ${story.steps.length} steps`] };
  } catch (error) {
    if (!(error instanceof StoryError)) throw error;
    const count = error.problems.length;
    return { ok: false, lines: [`✗ ${file}: ${count} problem${count === 1 ? '' : 's'}`, ...error.message.split('\n').map((line) => `  ${line}`)] };
  }
}

export function main(files: readonly string[]): number {
  if (files.length === 0) {
    console.error('usage: npm run validate -- path/to/story.json [more.json …]');
    return 2;
  }
  const reports = files.map(validateFile);
  for (const report of reports) console.log(report.lines.join('\n'));
  return reports.every((report) => report.ok) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
