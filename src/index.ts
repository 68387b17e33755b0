/**
 * Tideline's public entry: importing it registers <tide-story> and <tide-timeline>.
 * Every other module is free of side effects.
 */
export { TideStory, type ReadyDetail, type StepChangeDetail, type StoryErrorDetail, type Theme } from './components/tide-story.ts';
export { FrameRoot, type ScrollRoot } from './controllers/scroll-root.ts';
export { TideTimeline } from './components/tide-timeline.ts';
export type { Story, StoryInput, StoryEvent, StoryQuote, StoryStep, StoryKind, StorySource, Disagreement, QuoteSeries } from './story/schema.ts';
export type { StoryModel, TimedEvent } from './story/model.ts';
