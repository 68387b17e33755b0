import { describe, expect, test } from 'vitest';
import { daySpan } from '../../src/story/model.ts';
import { parseStory } from '../../src/story/parse.ts';
import { labelBox, layoutTimeline } from '../../src/timeline/layout.ts';
import { generateLargeStory } from '../bench/large-story.ts';
import { labelsOverMarks, overlappingLabels } from './overlap.ts';

describe('the benchmark’s generated large story', () => {
  test('is the same for the same seed, different for another, and valid', () => {
    const story = generateLargeStory({ seed: 7 });
    expect(JSON.stringify(generateLargeStory({ seed: 7 }))).toBe(JSON.stringify(story));
    expect(JSON.stringify(generateLargeStory({ seed: 8 }))).not.toBe(JSON.stringify(story));
    const model = parseStory(story);
    expect(model.timeline).toHaveLength(1000);
    expect(model.story.steps).toHaveLength(300);
  });

  // 300 layouts of 1,000 events: under 2 s here when the machine is quiet, past the default 5 s when it is not.
  const LAYOUT_EVERY_STEP_MS = 30_000;
  for (const width of [320, 1280]) {
    test(`keeps its labels apart, clear of the marks and inside the chart at ${width}px on every step`, () => {
      const model = parseStory(generateLargeStory());
      let labelled = 0;
      model.story.steps.forEach((step) => {
        const layout = layoutTimeline(model, { width, height: 300, highlight: step.events, focus: step.focus && daySpan(step.focus) });
        expect(overlappingLabels(layout), `${step.id} at ${width}px`).toEqual([]);
        // Its six lanes are 41px tall here: one row of labels above one of marks.
        expect(labelsOverMarks(layout), `${step.id} at ${width}px`).toEqual([]);
        const outside = layout.labels.filter((label) => labelBox(label).x0 < -0.5 || labelBox(label).x1 > width + 0.5);
        expect(outside.map((label) => label.key), step.id).toEqual([]);
        labelled += layout.labels.filter((label) => label.role === 'event').length;
      });
      // Thinned, not emptied: steps still name some of their events.
      expect(labelled).toBeGreaterThan(model.story.steps.length);
    }, LAYOUT_EVERY_STEP_MS);
  }

  test('places the same marks in view, and the same labels, when asked to place only the events in view', () => {
    const model = parseStory(generateLargeStory());
    let zoomed = 0;
    model.story.steps.forEach((step) => {
      const options = { width: 412, height: 240, highlight: step.events, focus: step.focus && daySpan(step.focus) };
      const whole = layoutTimeline(model, options);
      const inView = layoutTimeline(model, { ...options, onlyInView: true });
      expect(inView.marks, step.id).toEqual(whole.marks.filter((mark) => mark.inView));
      expect(inView.labels, step.id).toEqual(whole.labels);
      expect(inView.days, step.id).toEqual(whole.days);
      if (inView.marks.length < whole.marks.length) zoomed += 1;
    });
    // Most steps zoom in, so most leave events out.
    expect(zoomed).toBeGreaterThan(model.story.steps.length / 2);
  }, LAYOUT_EVERY_STEP_MS);
});
