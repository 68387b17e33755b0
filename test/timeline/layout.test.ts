import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { DAY_MS, parseIsoDate, toIsoDate } from '../../src/story/dates.ts';
import { daySpan, type StoryModel } from '../../src/story/model.ts';
import { parseStory, parseStoryJson } from '../../src/story/parse.ts';
import { labelBox, layoutTimeline, type TimelineLayout } from '../../src/timeline/layout.ts';
import { minimalStory } from '../fixtures/minimal-story.ts';
import { expectZoneInEffect } from '../story/zone.ts';
import { labelsOverMarks, overlappingLabels } from './overlap.ts';

const flagship = (): StoryModel => parseStoryJson(readFileSync('data/sumy-paris-london.json', 'utf8'));

function layoutForStep(model: StoryModel, stepIndex: number, width: number, height = 260): TimelineLayout {
  const step = model.story.steps[stepIndex]!;
  return layoutTimeline(model, { width, height, highlight: step.events, focus: step.focus && daySpan(step.focus) });
}

describe(`layoutTimeline in TZ=${process.env.TZ}`, () => {
  beforeAll(() => {
    expectZoneInEffect();
  });

  for (const width of [320, 390, 768, 1440]) {
    test(`keeps labels apart at ${width}px on every flagship step`, () => {
      const model = flagship();
      model.story.steps.forEach((step, index) => {
        const layout = layoutForStep(model, index, width);
        expect(overlappingLabels(layout), `${step.id} at ${width}px`).toEqual([]);
        // Within the chart, give or take the half pixel that rounding positions can add.
        const outside = layout.labels.filter((label) => labelBox(label).x0 < -0.5 || labelBox(label).x1 > width + 0.5);
        expect(outside.map((label) => label.key), step.id).toEqual([]);
      });
    });

    test(`labels every highlighted event at ${width}px`, () => {
      const model = flagship();
      model.story.steps.forEach((step, index) => {
        const layout = layoutForStep(model, index, width);
        const onAxis = step.events.filter((id) => !model.eventsById.get(id)?.context);
        const labelled = layout.labels.filter((label) => label.role === 'event' && label.highlighted).map((label) => label.key);
        expect(labelled.sort(), step.id).toEqual([...onAxis].sort());
      });
    });
  }

  test('puts every mark inside the day band of its date', () => {
    const model = flagship();
    const layout = layoutTimeline(model, { width: 1440, height: 300, highlight: [] });
    for (const mark of layout.marks) {
      const event = model.eventsById.get(mark.id)!;
      const band = layout.days.find((day) => day.start === Math.floor(event.at / DAY_MS) * DAY_MS)!;
      expect(band, mark.id).toBeDefined();
      expect(mark.x, mark.id).toBeGreaterThanOrEqual(band.x0);
      expect(mark.x, mark.id).toBeLessThan(band.x1);
    }
  });

  test('runs the axis from 13 to 23 April with one band per day', () => {
    const layout = layoutTimeline(flagship(), { width: 800, height: 260, highlight: [] });
    expect(layout.days.map((day) => toIsoDate(day.start))).toEqual(
      Array.from({ length: 11 }, (_, i) => toIsoDate(parseIsoDate('2025-04-13') + i * DAY_MS)),
    );
    expect(layout.days[0]!.x0).toBe(layout.plot.left);
    expect(layout.days.at(-1)!.x1).toBe(layout.plot.right);
  });

  test('draws London as an expected window over 21–23 April', () => {
    const layout = layoutTimeline(flagship(), { width: 800, height: 260, highlight: [] });
    const london = layout.marks.find((mark) => mark.id === 'london-follow-up')!;
    const band21 = layout.days.find((day) => toIsoDate(day.start) === '2025-04-21')!;
    const band23 = layout.days.find((day) => toIsoDate(day.start) === '2025-04-23')!;
    expect(london.certainty).toBe('expected');
    expect(london.span).toEqual({ x0: band21.x0, x1: band23.x1 });
  });

  test('shows the earlier marker at the left edge, and hides it when zoomed in', () => {
    const model = flagship();
    const full = layoutForStep(model, 1, 390);
    expect(full.earlier).toMatchObject({ count: 3, highlighted: true });
    expect(full.earlier!.x).toBeLessThan(full.plot.left);
    expect(full.labels.find((label) => label.role === 'earlier')?.text).toMatch(/^11 Feb, 13 Mar, 11 Apr$/);
    const zoomed = layoutForStep(model, model.stepIndex.get('kharkiv')!, 390);
    expect(zoomed.earlier).toBeUndefined();
  });

  test('zooms to a step focus: 17–18 April fill the plot', () => {
    const model = flagship();
    const layout = layoutForStep(model, model.stepIndex.get('kharkiv')!, 1000);
    expect(layout.days.map((day) => toIsoDate(day.start))).toEqual(['2025-04-17', '2025-04-18']);
    expect(layout.marks.find((mark) => mark.id === 'london-follow-up')?.inView).toBe(false);
    expect(layout.marks.find((mark) => mark.id === 'kharkiv-strike')).toMatchObject({ inView: true, highlighted: true });
    expect(layout.labels.filter((label) => label.key.startsWith('hour-')).map((label) => label.text)).toEqual(['06:00', '12:00', '18:00', '06:00', '12:00', '18:00']);
  });

  test('shades alternate days by date, so that a day keeps its shade as the axis zooms', () => {
    const model = flagship();
    const shades = (layout: TimelineLayout) => new Map(layout.days.map((day) => [day.iso, day.odd]));
    const whole = shades(layoutTimeline(model, { width: 800, height: 260, highlight: [] }));
    expect([...whole.values()].slice(0, 4)).toEqual([true, false, true, false]);
    const zoomed = shades(layoutTimeline(model, { width: 800, height: 260, highlight: [], focus: daySpan({ start: '2025-04-14', end: '2025-04-16' }) }));
    expect([...zoomed.keys()]).toEqual(['2025-04-14', '2025-04-15', '2025-04-16']);
    for (const [iso, odd] of zoomed) expect(odd, iso).toBe(whole.get(iso));
  });

  test('marks the end of the as-of day', () => {
    const model = flagship();
    const layout = layoutTimeline(model, { width: 800, height: 260, highlight: [] });
    const band19 = layout.days.find((day) => toIsoDate(day.start) === '2025-04-19')!;
    expect(layout.asOfX).toBe(band19.x0);
    expect(layout.labels.find((label) => label.role === 'as-of')?.text).toBe('As of 18 Apr');
  });

  test('gives each kind a lane in story order and keeps marks inside it', () => {
    const layout = layoutTimeline(flagship(), { width: 600, height: 260, highlight: [] });
    expect(layout.lanes.map((lane) => lane.kindId)).toEqual(['strike', 'diplomacy', 'statement']);
    for (const mark of layout.marks) {
      const lane = layout.lanes.find((candidate) => candidate.kindId === mark.kindId)!;
      expect(mark.y).toBeGreaterThan(lane.y0);
      expect(mark.y).toBeLessThan(lane.y1);
    }
  });

  test('separates marks that share a moment into rows', () => {
    const layout = layoutTimeline(flagship(), { width: 1440, height: 300, highlight: [] });
    const kharkiv = layout.marks.find((mark) => mark.id === 'kharkiv-strike')!;
    const bakery = layout.marks.find((mark) => mark.id === 'sumy-bakery-strike')!;
    expect(kharkiv.x).toBe(bakery.x);
    expect(kharkiv.y).not.toBe(bakery.y);
  });

  test('names every day, and the month on a second row, when days are wide enough', () => {
    const layout = layoutTimeline(parseStory(minimalStory()), { width: 390, height: 220, highlight: [] });
    const dayLabels = layout.labels.filter((label) => label.key.startsWith('day-')).map((label) => label.text.replace(/\s+/g, ' '));
    expect(dayLabels).toEqual(['Sun 13', 'Mon 14', 'Tue 15', 'Wed 16', 'Thu 17']);
    expect(layout.labels.filter((label) => label.key.startsWith('month-')).map((label) => label.text)).toEqual(['April 2025']);
    expect(overlappingLabels(layout)).toEqual([]);
  });
});

describe('layoutTimeline, labels and marks', () => {
  // Lanes of 39 to 82px: room for a row of labels above at least one row of marks.
  for (const [width, height] of [[320, 170], [320, 200], [390, 260], [1440, 300]] as const) {
    test(`keeps every label clear of the marks at ${width}×${height} on every flagship step`, () => {
      const model = flagship();
      model.story.steps.forEach((step, index) => {
        const layout = layoutForStep(model, index, width, height);
        expect(labelsOverMarks(layout), `${step.id} at ${width}×${height}`).toEqual([]);
        expect(layout.labels.filter((label) => label.overMarks).map((label) => label.key), step.id).toEqual([]);
      });
    });
  }

  test('stacks marks that share a moment only while a row of labels still fits above them', () => {
    const stacked = (height: number) => {
      const layout = layoutTimeline(flagship(), { width: 1440, height, highlight: [] });
      const strikes = layout.marks.filter((mark) => mark.id === 'kharkiv-strike' || mark.id === 'sumy-bakery-strike');
      return new Set(strikes.map((mark) => mark.y)).size;
    };
    expect(stacked(300)).toBe(2);
    expect(stacked(170)).toBe(1);
  });

  test('names only the step’s own events in lanes too short for labels clear of the marks', () => {
    const model = flagship();
    model.story.steps.forEach((step, index) => {
      const layout = layoutForStep(model, index, 320, 140);
      const others = layout.labels.filter((label) => (label.role === 'event' || label.role === 'lane') && !label.highlighted);
      expect(others.map((label) => label.key), step.id).toEqual([]);
      // Drawn with a halo, since they sit over the marks.
      const named = layout.labels.filter((label) => label.role === 'event');
      expect(named.filter((label) => !label.overMarks).map((label) => label.key), step.id).toEqual([]);
    });
  });
});

describe('layoutTimeline in a cramped chart', () => {
  test('keeps each lane’s labels inside the lane, and clear of the as-of label, even when lanes are short', () => {
    const model = flagship();
    for (const height of [140, 170, 200]) {
      model.story.steps.forEach((step, index) => {
        const layout = layoutForStep(model, index, 320, height);
        expect(overlappingLabels(layout), `${step.id} at 320×${height}`).toEqual([]);
        const labelled = layout.labels.filter((label) => label.role === 'event' && label.highlighted).map((label) => label.key).sort();
        expect(labelled, `${step.id} at 320×${height}`).toEqual(step.events.filter((id) => !model.eventsById.get(id)?.context).sort());
        for (const label of layout.labels.filter((candidate) => candidate.role === 'event' || candidate.role === 'lane')) {
          const box = labelBox(label);
          expect(box.y0, `${label.key} at 320×${height}`).toBeGreaterThanOrEqual(layout.plot.top - 0.01);
        }
      });
    }
  });
});
