/**
 * The Vue example (demos/vue.html): Vue 3 sets <tide-story>'s properties (it checks `key in
 * element`) and hears its events with `on…` listeners. Written with render functions, so it
 * needs neither a template compiler nor `eval`.
 */
import { createApp, h, ref } from 'vue';
import '../index.ts';
import type { ReadyDetail, StepChangeDetail } from '../index.ts';

const STORIES: Record<string, string> = {
  '../data/demo-library-flood.json': 'Demo: the library flood',
  '../data/sumy-paris-london.json': 'From Sumy to Paris',
};

createApp({
  setup() {
    const src = ref(Object.keys(STORIES)[0] ?? '');
    const status = ref('Loading…');
    return () =>
      h('div', [
        h('p', { class: 'demo-controls' }, [
          h('label', { for: 'story-choice' }, 'Story: '),
          h(
            'select',
            { id: 'story-choice', value: src.value, onChange: (event: Event) => (src.value = (event.target as HTMLSelectElement).value) },
            Object.entries(STORIES).map(([value, label]) => h('option', { value }, label)),
          ),
          ' ',
          h('output', { class: 'demo-status', 'aria-live': 'polite' }, status.value),
        ]),
        h('tide-story', {
          src: src.value,
          headingLevel: 2,
          offset: 0.4,
          'onTide-ready': (event: CustomEvent<ReadyDetail>) => (status.value = `Ready: ${event.detail.steps} steps`),
          'onTide-step-change': (event: CustomEvent<StepChangeDetail>) => (status.value = `Step ${event.detail.index + 1}: ${event.detail.id}`),
        }),
      ]);
  },
}).mount('#app');
