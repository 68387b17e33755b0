import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { BROKEN, BROKEN_EXPECTED } from '../fixtures/broken-expected.ts';

const run = promisify(execFile);

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
    expect(readdirSync(BROKEN).sort()).toEqual(Object.keys(BROKEN_EXPECTED).sort());
  });

  test('rejects each broken story with its path, what was expected and what was found, and exits 1', async () => {
    const { code, stdout } = await validate(Object.keys(BROKEN_EXPECTED).map((name) => `${BROKEN}/${name}`));
    expect(code).toBe(1);
    const found = sections(stdout);
    for (const [name, messages] of Object.entries(BROKEN_EXPECTED)) expect(found.get(name), name).toEqual(messages);
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
