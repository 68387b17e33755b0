/**
 * Messages between an iframe embed (the child) and the page around it (the parent). Every
 * message carries `tideline`, naming its kind, so other postMessage traffic is ignored.
 */

/** Child to parent. */
export type ChildMessage =
  | { tideline: 'ready'; title: string }
  | { tideline: 'height'; height: number }
  | { tideline: 'step'; id: string }
  | { tideline: 'scroll-by'; dy: number };

/** Parent to child. `top` is the parent viewport's top in the child document's coordinates. */
export type ParentMessage =
  | { tideline: 'viewport'; top: number; height: number }
  | { tideline: 'go-to'; step: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

export function isChildMessage(data: unknown): data is ChildMessage {
  if (!isRecord(data)) return false;
  switch (data.tideline) {
    case 'ready':
      return typeof data.title === 'string';
    case 'height':
      return finite(data.height) && data.height >= 0;
    case 'step':
      return typeof data.id === 'string';
    case 'scroll-by':
      return finite(data.dy);
    default:
      return false;
  }
}

export function isParentMessage(data: unknown): data is ParentMessage {
  if (!isRecord(data)) return false;
  if (data.tideline === 'viewport') return finite(data.top) && finite(data.height) && data.height > 0;
  if (data.tideline === 'go-to') return typeof data.step === 'string';
  return false;
}
