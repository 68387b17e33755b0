/** The story the embed page shows: a same-origin URL from `?story=`, so the page cannot be pointed at someone else's file. */
export function storyUrl(search: string, base: string): string | undefined {
  const param = new URLSearchParams(search).get('story');
  if (!param) return undefined;
  try {
    const url = new URL(param, base);
    return url.origin === new URL(base).origin ? url.href : undefined;
  } catch {
    return undefined;
  }
}
