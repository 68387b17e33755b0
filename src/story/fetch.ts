/** Fetches a story file, and says why it failed in terms a retry may fix. */

export type LoadFailure =
  | { kind: 'status'; status: string }
  | { kind: 'network' }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'type'; contentType: string };

export type LoadResult = { ok: true; text: string } | { ok: false; failure: LoadFailure };

/**
 * Media types a story may arrive as. Static hosts differ (GitHub serves text/plain), so only
 * types that are certainly not JSON are refused: above all text/html, which an app's
 * catch-all route sends for a missing file.
 */
function mayBeJson(mediaType: string): boolean {
  const type = mediaType.toLowerCase();
  return type === '' || type.endsWith('json') || type === 'text/plain' || type === 'application/octet-stream';
}

/**
 * Fetches `src` as text within `seconds`, body included: a server that stalls or trickles
 * is given up on, so that the reader gets a retry instead of an endless loading state.
 * `cancel` aborts it quietly, as when the element leaves the page.
 */
export async function fetchStoryText(src: string, seconds: number, cancel: AbortSignal): Promise<LoadResult> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), seconds * 1000);
  try {
    const response = await fetch(src, { signal: AbortSignal.any([cancel, timeout.signal]) });
    if (!response.ok) return { ok: false, failure: { kind: 'status', status: `${response.status} ${response.statusText}`.trim() } };
    // The media type alone, without parameters such as `; charset=utf-8`.
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
    if (!mayBeJson(mediaType)) {
      await response.body?.cancel();
      return { ok: false, failure: { kind: 'type', contentType: mediaType } };
    }
    // A connection dropped mid-body (a truncated file) rejects here.
    return { ok: true, text: await response.text() };
  } catch {
    return { ok: false, failure: timeout.signal.aborted ? { kind: 'timeout', seconds } : { kind: 'network' } };
  } finally {
    clearTimeout(timer);
  }
}
