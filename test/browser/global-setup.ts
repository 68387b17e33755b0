import { existsSync, mkdirSync, readFileSync, rmSync, cpSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './chromium.ts';
import { answerWithFault } from './faults.ts';
import { requirePoppler } from './poppler.ts';
import { serveFolder } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** Path of the built module script, relative to the site root. */
    bundle: string;
  }
}

/** Folder served to the browser tests: the built site plus pages the tests add. */
export const SITE = 'test/.artifacts/site';
/** Where a second copy of the build is served from, to prove relative URLs. */
export const NESTED = 'some/sub/path';
/** Where the tests' own host pages live; they may use inline scripts, so the strict policy spares them. */
export const FIXTURES = '__fixtures';
/** The policy every shipped page and embed must work under (issues 3 and 6). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

export default async function setup(project: TestProject) {
  chromiumPath();
  requirePoppler();
  if (!existsSync('dist/index.html')) {
    throw new Error('dist/ is missing: the browser tests run against the built site. Run `npm test`, which builds first.');
  }
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  cpSync('dist', SITE, { recursive: true });
  // The built page's script, so that fixture pages can load the same bundle.
  const script = /<script type="module" crossorigin src="\.\/(assets\/[^"]+\.js)"/.exec(readFileSync('dist/index.html', 'utf8'))?.[1];
  if (!script) throw new Error('could not find the module script in dist/index.html');
  mkdirSync(`${SITE}/${FIXTURES}`, { recursive: true });
  // The same build again, deep in a sub-path, as a publisher's static host might place it.
  cpSync('dist', `${SITE}/${NESTED}`, { recursive: true });
  const server = await serveFolder(
    SITE,
    (path): Record<string, string> => (path.startsWith(`/${FIXTURES}/`) ? {} : { 'content-security-policy': STRICT_CSP }),
    { intercept: answerWithFault },
  );
  project.provide('baseUrl', server.url);
  project.provide('bundle', script);
  return () => server.close();
}
