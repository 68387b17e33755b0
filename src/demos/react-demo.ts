/**
 * The React example (demos/react.html): React 19 sets <tide-story>'s properties and hears its
 * events directly, with no wrapper. Written with createElement so that it needs no JSX step.
 */
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../index.ts';
import type { ReadyDetail, StepChangeDetail } from '../index.ts';

const STORIES = {
  '../data/sumy-paris-london.json': 'From Sumy to Paris',
  '../data/demo-library-flood.json': 'Demo: the library flood',
};

function App() {
  const [src, setSrc] = useState(Object.keys(STORIES)[0] ?? '');
  const [status, setStatus] = useState('Loading…');
  return h(
    'div',
    null,
    h(
      'p',
      { className: 'demo-controls' },
      h('label', { htmlFor: 'story-choice' }, 'Story: '),
      h(
        'select',
        { id: 'story-choice', value: src, onChange: (event: { target: HTMLSelectElement }) => setSrc(event.target.value) },
        Object.entries(STORIES).map(([value, label]) => h('option', { key: value, value }, label)),
      ),
      ' ',
      h('output', { className: 'demo-status', 'aria-live': 'polite' }, status),
    ),
    h('tide-story', {
      src,
      headingLevel: 2,
      offset: 0.4,
      'ontide-ready': (event: CustomEvent<ReadyDetail>) => setStatus(`Ready: ${event.detail.steps} steps`),
      'ontide-step-change': (event: CustomEvent<StepChangeDetail>) => setStatus(`Step ${event.detail.index + 1}: ${event.detail.id}`),
    }),
  );
}

const mount = document.getElementById('app');
if (mount) createRoot(mount).render(h(App));
