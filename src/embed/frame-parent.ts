/**
 * The parent-page half of the iframe embed (`tideline-frame.js`). For every
 * `<iframe data-tideline>` on the page it keeps the frame as tall as its story, tells the
 * story where the reader's viewport is so that steps follow the page's scrolling, and
 * carries deep links across: `#step-id` on this page opens that step, and with
 * `data-tideline-deep-link` the fragment follows the reader.
 */
import { oncePerFrame } from '../controllers/once-per-frame.ts';
import { FragmentFollower, fragmentId } from '../controllers/url-fragment.ts';
import { isChildMessage, type ParentMessage } from './protocol.ts';

const fragment = new FragmentFollower();

function frames(): HTMLIFrameElement[] {
  return [...document.querySelectorAll<HTMLIFrameElement>('iframe[data-tideline]')];
}

function post(frame: HTMLIFrameElement, message: ParentMessage): void {
  frame.contentWindow?.postMessage(message, new URL(frame.src, location.href).origin);
}

function sendViewport(frame: HTMLIFrameElement): void {
  const box = frame.getBoundingClientRect();
  post(frame, { tideline: 'viewport', top: -(box.top + frame.clientTop), height: window.innerHeight });
}

function handleMessage(event: MessageEvent): void {
  const frame = frames().find((candidate) => candidate.contentWindow === event.source);
  if (!frame || !isChildMessage(event.data)) return;
  const message = event.data;
  switch (message.tideline) {
    case 'ready':
      if (!frame.title) frame.title = message.title;
      sendViewport(frame);
      if (fragmentId()) post(frame, { tideline: 'go-to', step: fragmentId() });
      break;
    case 'height':
      frame.style.height = `${Math.ceil(message.height)}px`;
      sendViewport(frame);
      break;
    case 'scroll-by':
      window.scrollBy({ top: message.dy, behavior: 'instant' });
      break;
    case 'step':
      if (frame.hasAttribute('data-tideline-deep-link')) fragment.follow(message.id);
      break;
  }
}

const handleViewportChange = oncePerFrame(() => {
  for (const frame of frames()) sendViewport(frame);
});

window.addEventListener('message', handleMessage);
window.addEventListener('scroll', handleViewportChange, { passive: true });
window.addEventListener('resize', handleViewportChange);
window.addEventListener('hashchange', () => {
  const id = fragmentId();
  if (id) for (const frame of frames()) post(frame, { tideline: 'go-to', step: id });
});
