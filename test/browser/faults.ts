/**
 * A server that misbehaves on request, for the network-fault tests: paths under
 * `/__faults/` answer as a broken network or host would.
 */
import type { ServerResponse } from 'node:http';

export const FAULTS = '/__faults/';

/** A story-shaped body that is never finished. */
const PARTIAL_STORY = '{"$schema": "../data/story.schema.json", "id": "cut-short", "title": "A story cut ';

export function answerWithFault(path: string, response: ServerResponse): boolean {
  if (!path.startsWith(FAULTS)) return false;
  const fault = path.slice(FAULTS.length);
  if (fault === 'stall') {
    // Accepts the request and never answers.
    response.socket?.setTimeout(0);
    return true;
  }
  if (fault === 'truncated') {
    // Promises a whole file, sends part of it, and drops the connection.
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(PARTIAL_STORY.length * 4) });
    response.write(PARTIAL_STORY);
    setTimeout(() => response.socket?.destroy(), 50);
    return true;
  }
  if (fault === 'trickle') {
    // Answers at once, then sends a byte every quarter second.
    response.writeHead(200, { 'content-type': 'application/json' });
    let sent = 0;
    const timer = setInterval(() => {
      if (response.destroyed) clearInterval(timer);
      else response.write(PARTIAL_STORY[sent++ % PARTIAL_STORY.length] ?? ' ');
    }, 250);
    response.on('close', () => clearInterval(timer));
    return true;
  }
  response.writeHead(400, { 'content-type': 'text/plain' }).end(`unknown fault ${fault}`);
  return true;
}
