/**
 * Finding the conjectures users drop into properties/conjectures/: every module there (not a
 * test) whose default export was made by defineConjecture. The CLI loads the compiled folder
 * (dist/properties/conjectures, built by npm start, npm test and npm run build); the test suite
 * loads the TypeScript sources.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { filesOf } from '../check/replay.js';
import { isConjecture, type Conjecture } from './define.js';

/** properties/conjectures beside this module's tree: the sources, or their compiled copy under dist/. */
export const CONJECTURE_FOLDER = fileURLToPath(new URL('../../properties/conjectures/', import.meta.url));

export interface LoadedConjectures {
  readonly conjectures: Conjecture[];
  /** Files that could not be loaded, with the reason (one line each). */
  readonly problems: string[];
}

export function conjectureModules(folder: string): string[] {
  return filesOf(folder, (n) => /\.(ts|js|mjs)$/.test(n) && !/\.(test|spec)\.[cm]?[jt]s$/.test(n) && !n.endsWith('.d.ts'));
}

export async function loadConjectures(folder: string = CONJECTURE_FOLDER): Promise<LoadedConjectures> {
  const conjectures: Conjecture[] = [];
  const problems: string[] = [];
  for (const file of conjectureModules(folder)) {
    try {
      const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
      if (!isConjecture(module.default)) {
        problems.push(`${file}: its default export must be made by defineConjecture({...})`);
        continue;
      }
      conjectures.push(module.default);
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return { conjectures, problems };
}
