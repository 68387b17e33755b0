/**
 * Story validation for tools and build steps (`tideline/validate`): the same checks the
 * element runs, with every problem named by its JSON path. Kept out of the main entry so that
 * pages showing a story download the validator only when they need it.
 */
export { parseStory, parseStoryJson, StoryError, formatProblem, type StoryProblem } from './story/parse.ts';
