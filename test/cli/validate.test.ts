import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const run = promisify(execFile);
const BROKEN = 'test/fixtures/broken';

/** Each broken fixture, and exactly what `npm run validate` must say about it. */
const EXPECTED: Record<string, string[]> = {
  'bad-time.json': ['story: events[2].time: expected a 24-hour time as HH:MM, got "9.30am"'],
  'date-day-first.json': ['story: events[1].date: expected a real calendar date as YYYY-MM-DD, got "04/03/2030"'],
  'date-impossible.json': ['story: events[2].date: expected a real calendar date as YYYY-MM-DD, got "2030-02-30"'],
  'duplicate-event-id.json': ['story: events[3].id: duplicate id "volunteers"', 'story: steps[3].events[0]: unknown events id "closure"'],
  'epilogue-before-as-of.json': ['story: epilogue.entries[0].date: expected a date after asOf (2030-03-08): the epilogue is what came later'],
  'empty-steps.json': ['story: steps: expected at least one step, got []'],
  'missing-title.json': ['story: title: missing required field'],
  'misspelt-field.json': ['story: events[0].summary: missing required field', 'story: events[0].sumary: unknown field (check its spelling)'],
  'notes-not-a-list.json': ['story: steps[1].notes: expected a list of paragraphs, got "Ask who decided to close the library."'],
  'range-backwards.json': ['story: events[6].range.end: expected end on or after start, got "2030-03-11"'],
  'trailing-comma.json': ['story: not valid JSON: Expected double-quoted property name in JSON at position 47'],
  'unknown-event-in-step.json': ['story: steps[2].events[1]: unknown events id "volunteer"'],
  'unknown-kind.json': ['story: events[0].kind: unknown kinds id "rain"'],
  'unknown-source.json': ['story: steps[0].sources[0]: unknown sources id "gazete"'],
  'wrong-type.json': ['story: events[1].figures[0].value: expected a number, got "about 40"'],
};

async function validate(files: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node_modules/.bin/tsx', ['src/cli/validate.ts', ...files]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The problem lines printed under each file's heading. */
function sections(stdout: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of stdout.split('\n')) {
    const heading = /^[✓✗] (\S+): /.exec(line);
    if (heading) result.set(heading[1]!.split('/').pop()!, (current = []));
    else if (line.startsWith('  ')) current.push(line.trim());
  }
  return result;
}

describe('npm run validate', () => {
  test('every broken fixture is kept with its expected messages', () => {
    expect(readdirSync(BROKEN).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test('rejects each broken story with its path, what was expected and what was found, and exits 1', async () => {
    const { code, stdout } = await validate(Object.keys(EXPECTED).map((name) => `${BROKEN}/${name}`));
    expect(code).toBe(1);
    const found = sections(stdout);
    for (const [name, messages] of Object.entries(EXPECTED)) expect(found.get(name), name).toEqual(messages);
    expect(stdout).toContain(`✗ ${BROKEN}/duplicate-event-id.json: 2 problems`);
  }, 30_000);

  test('accepts the shipped stories and exits 0', async () => {
    const { code, stdout } = await validate(['data/sumy-paris-london.json', 'data/demo-library-flood.json']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ data\/sumy-paris-london\.json: a valid story, ".+": 17 events, 18 steps/);
    expect(stdout).toContain('✓ data/demo-library-flood.json');
  }, 30_000);

  test('says so when a file is missing, and prints usage with no files', async () => {
    const missing = await validate(['data/nope.json']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('✗ data/nope.json: cannot read it: no such file');
    const none = await validate([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: npm run validate -- path/to/story.json');
  }, 30_000);
});
