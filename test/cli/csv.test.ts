import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

const run = promisify(execFile);
const csv = (...args: string[]) => run('node_modules/.bin/tsx', ['src/cli/csv.ts', ...args]);

test('npm run csv exports a story’s events and imports them back into the same story file', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'tideline-csv-'));
  const story = join(folder, 'story.json');
  copyFileSync('data/sumy-paris-london.json', story);
  const exported = await csv('export', story, join(folder, 'events.csv'));
  expect(exported.stdout).toContain('wrote 17 events');
  const imported = await csv('import', join(folder, 'events.csv'), story);
  expect(imported.stdout).toContain('wrote 17 events');
  expect(JSON.parse(readFileSync(story, 'utf8'))).toEqual(JSON.parse(readFileSync('data/sumy-paris-london.json', 'utf8')));
}, 30_000);

test('an import that would break the story writes nothing and names the spreadsheet row', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'tideline-csv-'));
  const story = join(folder, 'story.json');
  copyFileSync('data/demo-library-flood.json', story);
  await csv('export', story, join(folder, 'events.csv'));
  const rows = readFileSync(join(folder, 'events.csv'), 'utf8').replace('2030-03-05', '05/03/2030');
  writeFileSync(join(folder, 'events.csv'), rows);
  const before = readFileSync(story, 'utf8');
  const failure = await csv('import', join(folder, 'events.csv'), story).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => error,
  );
  expect(failure.code).toBe(1);
  expect(failure.stderr).toContain('nothing was written');
  expect(failure.stderr).toContain('story: events[3] (CSV row 5).date: expected a real calendar date as YYYY-MM-DD, got "05/03/2030"');
  expect(readFileSync(story, 'utf8')).toBe(before);
}, 30_000);
