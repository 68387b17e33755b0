/**
 * Source links are http(s) only. The validator refuses anything else; this holds even for
 * data that skipped it (marked as checked), so that no `javascript:` or `data:` link is drawn.
 */
export function httpLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
