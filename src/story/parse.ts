/**
 * Turns untrusted input (JSON text or a parsed value) into a StoryModel, or a StoryError
 * whose every line names the JSON path and the problem:
 *   story: events[3].date: expected a real calendar date as YYYY-MM-DD, got "13/04/2025"
 */
import * as v from 'valibot';
import { buildModel, type StoryModel } from './model.ts';
import { INVALID_JSON } from './read.ts';
import { StorySchema } from './schema.ts';

export interface StoryProblem {
  /** JSON path such as `events[3].date`; empty for the whole file. */
  path: string;
  message: string;
}

const ERROR_PREFIX = 'story';
const MAX_RECEIVED = 60;

export class StoryError extends Error {
  override name = 'StoryError';
  constructor(readonly problems: readonly StoryProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export function formatProblem({ path, message }: StoryProblem): string {
  return path ? `${ERROR_PREFIX}: ${path}: ${message}` : `${ERROR_PREFIX}: ${message}`;
}

function formatPath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map((item, index) => {
      const key = item.key;
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(name)) return index === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join('');
}

function clip(text: string): string {
  return text.length > MAX_RECEIVED ? `${text.slice(0, MAX_RECEIVED - 1)}…` : text;
}

/** The offending value, when it is short enough to help: primitives, and empty arrays. */
function shownValue(issue: v.BaseIssue<unknown>): string | undefined {
  const path = issue.path ?? [];
  const value = path.length > 0 ? path[path.length - 1]?.value : issue.input;
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return clip(JSON.stringify(value));
  if (Array.isArray(value) && value.length === 0) return '[]';
  return undefined;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'raw_check') return issue.message;
  if (issue.type === 'strict_object') {
    return issue.expected === 'never' ? 'unknown field (check its spelling)' : 'missing required field';
  }
  if (issue.received === 'undefined') return `missing required field (expected ${issue.expected})`;
  // Valibot's own messages begin "Invalid …"; ours already say what was expected.
  const expectation = issue.message.startsWith('Invalid ') ? `expected ${issue.expected}` : issue.message;
  const got = issue.kind === 'schema' ? clip(issue.received) : shownValue(issue);
  return got === undefined ? expectation : `${expectation}, got ${got}`;
}

/** Validates a parsed value. Throws StoryError listing every problem found. */
export function parseStory(input: unknown): StoryModel {
  const result = v.safeParse(StorySchema, input);
  if (!result.success) {
    throw new StoryError(result.issues.map((issue) => ({ path: formatPath(issue), message: describeIssue(issue) })));
  }
  return buildModel(result.output);
}

/** What JSON.parse objected to, on one line: its message quotes the input, control characters and all. */
function explainSyntaxError(json: string, error: unknown): string {
  // UTF-16 read as UTF-8 puts a NUL beside every ASCII character.
  if (json.includes('\u0000')) return 'the file looks like UTF-16 (it has NUL characters); save it as UTF-8';
  const detail = (error instanceof Error ? error.message : String(error)).replace(/[\u0000-\u001F\u007F]+/g, ' ');
  // Newer engines add the line and column themselves; an editor needs them either way.
  const position = /at position (\d+)$/.exec(detail);
  if (!position) return detail;
  const before = json.slice(0, Number(position[1])).split('\n');
  return `${detail} (line ${before.length} column ${(before.at(-1)?.length ?? 0) + 1})`;
}

/** Parses and validates JSON text. Throws StoryError for invalid JSON as well. */
export function parseStoryJson(json: string): StoryModel {
  let value: unknown;
  try {
    // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
    value = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new StoryError([{ path: '', message: `${INVALID_JSON}${explainSyntaxError(json, error)}` }]);
  }
  return parseStory(value);
}
