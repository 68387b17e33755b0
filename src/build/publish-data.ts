/**
 * Copies the story files and their JSON Schema into the build as `data/…`, so that pages
 * and embeds can load them by URL. A story that fails validation fails the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export function publishData(folder = 'data'): Plugin {
  return {
    name: 'tide-publish-data',
    apply: 'build',
    async generateBundle() {
      const { parseStoryJson } = await import('../story/parse.ts');
      for (const name of readdirSync(folder).filter((file) => file.endsWith('.json')).sort()) {
        const source = readFileSync(join(folder, name), 'utf8');
        if (!name.endsWith('.schema.json')) {
          try {
            parseStoryJson(source);
          } catch (error) {
            this.error(`${folder}/${name}:\n${error instanceof Error ? error.message : String(error)}`);
          }
        }
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source });
      }
    },
  };
}
