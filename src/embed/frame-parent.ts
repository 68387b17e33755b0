/**
 * The parent-page half of the iframe embed (`tideline-frame.js`). For every
 * `<iframe data-tideline>` on the page it keeps the frame as tall as its story, tells the
 * story where the reader's viewport is so that steps follow the page's scrolling, and
 * carries deep links across: `#step-id` on this page opens that step, and with
 * `data-tideline-deep-link` the fragment follows the reader.
 */
import { isChildMessage, type ParentMessage } from './protocol.ts';

const HASH_DELAY_MS = 150;
let hashTimer: ReturnType<typeof setTimeout> | undefined;

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

function hashId(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

function handleMessage(event: MessageEvent): void {
  const frame = frames().find((candidate) => candidate.contentWindow === event.source);
  if (!frame || !isChildMessage(event.data)) return;
  const message = event.data;
  switch (message.tideline) {
    case 'ready':
      if (!frame.title) frame.title = message.title;
      sendViewport(frame);
      if (hashId()) post(frame, { tideline: 'go-to', step: hashId() });
      break;
    case 'height':
      frame.style.height = `${Math.ceil(message.height)}px`;
      sendViewport(frame);
      break;
    case 'scroll-by':
      window.scrollBy({ top: message.dy, behavior: 'instant' });
      break;
    case 'step':
      if (!frame.hasAttribute('data-tideline-deep-link')) break;
      clearTimeout(hashTimer);
      hashTimer = setTimeout(() => {
        if (location.hash !== `#${message.id}`) history.replaceState(history.state, '', `#${encodeURIComponent(message.id)}`);
      }, HASH_DELAY_MS);
      break;
  }
}

let queued = false;
function handleViewportChange(): void {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    for (const frame of frames()) sendViewport(frame);
  });
}

window.addEventListener('message', handleMessage);
window.addEventListener('scroll', handleViewportChange, { passive: true });
window.addEventListener('resize', handleViewportChange);
window.addEventListener('hashchange', () => {
  const id = hashId();
  if (id) for (const frame of frames()) post(frame, { tideline: 'go-to', step: id });
});
