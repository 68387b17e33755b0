/**
 * The built package in dist/: the one-file module, its manifest and its types, as an npm
 * user or a publisher copying dist/lib would get them, and the scripts the site serves. (It
 * runs with the browser tests because, like them, it needs the build.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

interface Manifest {
  modules: Array<{
    declarations?: Array<{
      tagName?: string;
      attributes?: Array<{ name: string }>;
      events?: Array<{ name: string }>;
      cssProperties?: Array<{ name: string }>;
      cssParts?: Array<{ name: string }>;
    }>;
  }>;
}

const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
  customElements: string;
  types: string;
  sideEffects: string[];
};

test('package.json points at files the build made: the module, its types and the manifest', () => {
  const main = packageJson.exports['.'] as Record<string, string>;
  for (const file of [main.default, main.types, packageJson.types, packageJson.customElements, packageJson.exports['./frame'] as string]) {
    expect(() => readFileSync(String(file)), String(file)).not.toThrow();
  }
  const bundle = readFileSync(String(main.default), 'utf8');
  // One file: no imports of other chunks or packages, and minified.
  expect(bundle).not.toMatch(/^import|[;}]import\s*[{"*]/m);
  expect(bundle).not.toContain('@summary');
  expect(bundle).not.toContain('Design tokens shared');
  expect(bundle).toContain('tide-story');
  expect(readFileSync(main.types!, 'utf8')).toContain('TideStory');
});

test('the README reference names every attribute, event, CSS property and part in the manifest', () => {
  const manifest = JSON.parse(readFileSync(packageJson.customElements, 'utf8')) as Manifest;
  const story = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === 'tide-story');
  expect(story).toBeDefined();
  const readme = readFileSync('README.md', 'utf8');
  const names = [
    ...(story?.attributes ?? []).map((item) => item.name),
    ...(story?.events ?? []).map((item) => item.name),
    ...(story?.cssProperties ?? []).map((item) => item.name),
    ...(story?.cssParts ?? []).map((item) => item.name),
  ];
  expect(names.length).toBeGreaterThan(25);
  for (const name of names) expect(readme, name).toContain(`\`${name}\``);
});

test('every script a reader downloads starts with V8\'s compile hint, so that Chromium compiles it off the main thread', () => {
  const scripts = ['dist/assets', 'dist/lib', 'dist/lib/chunks'].flatMap((folder) =>
    readdirSync(folder).filter((name) => name.endsWith('.js')).map((name) => `${folder}/${name}`),
  );
  expect(scripts.length, 'the site, the library and their chunks').toBeGreaterThanOrEqual(8);
  for (const script of scripts) expect(readFileSync(script, 'utf8').split('\n', 1)[0], script).toBe('//# allFunctionsCalledOnLoad');
});
