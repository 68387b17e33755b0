/**
 * Turns story JSON into a model for the element. Validation (the schema and its library) is
 * loaded only when needed: story data that the build has already validated, such as the
 * flagship page's, is marked so and skips it.
 */
import { buildModel, type StoryModel } from './model.ts';
import type { Story } from './schema.ts';

/** How the validator's message for a file that is not JSON begins (see parse.ts). */
export const INVALID_JSON = 'not valid JSON: ';

/**
 * Marks a `<script type="application/json">` whose story the build has validated. Its value
 * is the fingerprint of the exact text validated: data edited since, or marked by hand, does
 * not match and is validated like any other.
 */
export const CHECKED_ATTRIBUTE = 'data-tide-checked';

/** FNV-1a, 32 bits: cheap enough to run on every load, and any edit changes it. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Thrown when the validator's code cannot be fetched (offline): a retry may work. */
export class ValidatorUnavailable extends Error {
  override name = 'ValidatorUnavailable';
}

let validator: Promise<typeof import('./parse.ts')> | undefined;

/**
 * The validator's code. Call it as a story file starts downloading, so that both arrive
 * together rather than one after the other. A failed fetch (offline) is not kept: the next
 * call, such as a retry's, fetches again.
 */
export function loadValidator(): Promise<typeof import('./parse.ts')> {
  return (validator ??= import('./parse.ts').catch((error: unknown) => {
    validator = undefined;
    throw new ValidatorUnavailable(String(error));
  }));
}

/** `checkedAs` is the fingerprint the build recorded, if any. */
export async function readStory(json: string, checkedAs?: string | null): Promise<StoryModel> {
  if (checkedAs && checkedAs === fingerprint(json)) return buildModel(JSON.parse(json) as Story);
  return (await loadValidator()).parseStoryJson(json);
}

/** A validation error, which names its path; any other failure is the element's own. */
export function isStoryError(error: unknown): error is Error {
  return error instanceof Error && error.name === 'StoryError';
}

/** The file is not JSON at all, or was cut short: for a fetched file, a retry may fix it. */
export function isInvalidJson(error: unknown): boolean {
  return isStoryError(error) && error.message.startsWith(`story: ${INVALID_JSON}`);
}
