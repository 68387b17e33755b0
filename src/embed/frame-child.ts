/**
 * The embed page's script (`tideline-embed.js`): registers the elements, loads the story named by `?story=` into
 * the page's `<tide-story>` and, inside an iframe, connects it to `tideline-frame.js` on the
 * parent page (see protocol.ts).
 */
import '../index.ts';
import { FrameRoot } from '../controllers/scroll-root.ts';
import type { TideStory } from '../components/tide-story.ts';
import { isParentMessage, type ChildMessage } from './protocol.ts';
import { storyUrl } from './story-url.ts';

function connectToParent(story: TideStory): void {
  const post = (message: ChildMessage) => window.parent.postMessage(message, '*');
  const root = new FrameRoot((dy) => post({ tideline: 'scroll-by', dy }));
  story.scrollRoot = root;
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || !isParentMessage(event.data)) return;
    if (event.data.tideline === 'viewport') root.update(event.data.top, event.data.height);
    else story.goToStep(event.data.step);
  });
  new ResizeObserver(() => post({ tideline: 'height', height: document.documentElement.scrollHeight })).observe(document.body);
  story.addEventListener('tide-ready', (event) => post({ tideline: 'ready', title: event.detail.title }));
  story.addEventListener('tide-step-change', (event) => post({ tideline: 'step', id: event.detail.id }));
}

const story = document.querySelector('tide-story');
if (story) {
  story.addEventListener('tide-ready', (event) => (document.title = event.detail.title));
  const src = storyUrl(location.search, location.href);
  if (src) story.src = src;
  else {
    // Without a story the element would wait forever; say what the page needs instead.
    story.hidden = true;
    document.querySelector<HTMLElement>('.embed-missing')?.removeAttribute('hidden');
  }
  if (window.parent !== window) connectToParent(story);
}
