import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { escapeHtml, renderStaticStory, storyDataScript } from '../../src/prerender/render-static.ts';
import { parseStory, parseStoryJson } from '../../src/story/parse.ts';
import { minimalStory } from '../fixtures/minimal-story.ts';

describe('the HTML for readers without JavaScript', () => {
  test('carries every step in order, with ids, headings one level below the title, and the events table', () => {
    const model = parseStoryJson(readFileSync('data/sumy-paris-london.json', 'utf8'));
    const html = renderStaticStory(model, 1);
    const stepIds = [...html.matchAll(/<li[^>]*data-step-id="([^"]+)"/g)].map((match) => match[1]);
    expect(stepIds).toEqual(model.story.steps.map((step) => step.id));
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect((html.match(/<h2 id="[^"]+-title">/g) ?? []).length).toBe(model.story.steps.length);
    expect(html).toContain('<table class="events-table">');
    expect(html).not.toMatch(/<!--lit|<\?lit/);
  });

  test('renders text from data as text', () => {
    const story = minimalStory();
    story.title = '<img src=x onerror=alert(1)>';
    story.steps[0]!.body = ['<script>alert(1)</script>'];
    const html = renderStaticStory(parseStory(story), 2);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/<img|<script/);
  });

  test('inlines the data so that no string in it can close the script', () => {
    const script = storyDataScript({ title: '</script><script>alert(1)</script>' });
    expect(script.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(script.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, ''))).toEqual({ title: '</script><script>alert(1)</script>' });
  });

  test('escapes text for attributes and titles', () => {
    expect(escapeHtml(`"Quotes" & <tags> 'too'`)).toBe('&#34;Quotes&#34; &#38; &#60;tags&#62; &#39;too&#39;');
  });
});
