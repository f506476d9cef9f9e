/**
 * Finding the conjectures users drop into properties/conjectures/: every module there (not a
 * test) whose default export was made by defineConjecture. The CLI loads the compiled folder
 * (dist/properties/conjectures, built by npm start, npm test and npm run build); the test suite
 * loads the TypeScript sources.
 *
 * A file that cannot be loaded never stops the others: it is reported, by its source file and
 * line (source maps turn a position in dist/ back into the user's .ts), and skipped. So is a file
 * whose conjecture ID is already taken, by a card or by an earlier file (files load in name order),
 * with both places named.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { filesOf } from '../check/replay.js';
import { CARDS } from '../theorems/catalog.js';
import { CONJECTURES } from './catalog.js';
import { isConjecture, type Conjecture } from './define.js';

/** properties/conjectures beside this module's tree: the sources, or their compiled copy under dist/. */
export const CONJECTURE_FOLDER = fileURLToPath(new URL('../../properties/conjectures/', import.meta.url));

/** Where the TypeScript sources of CONJECTURE_FOLDER are (itself, unless it is the compiled copy). */
export const SOURCE_CONJECTURE_FOLDER = compiledRoot() === undefined ? CONJECTURE_FOLDER : join(compiledRoot()!, '..', 'properties', 'conjectures');

export interface ConjectureProblem {
  /** The file as the user knows it: the .ts source when the compiled .js failed. */
  readonly file: string;
  /** The conjecture's ID, when the file got as far as naming one. */
  readonly id?: string;
  /** One line: where (file:line when known) and what. */
  readonly message: string;
  /** Whether the file is in a folder the user named (--conjectures, samcheck.config.json), not the built-in one. */
  readonly named: boolean;
}

export interface LoadedConjectures {
  readonly conjectures: Conjecture[];
  /** The folder of each conjecture loaded from outside properties/conjectures, by ID (as given). */
  readonly folders: Record<string, string>;
  /** Files that could not be loaded, or whose ID is taken, with the reason (one line each). */
  readonly problems: ConjectureProblem[];
}

export function conjectureModules(folder: string): string[] {
  const files = filesOf(folder, (n) => /\.(ts|js|mjs)$/.test(n) && !/\.(test|spec)\.[cm]?[jt]s$/.test(n) && !n.endsWith('.d.ts'));
  // A .js compiled in place beside its .ts is the same conjecture: the source is loaded.
  const sources = new Set(files.filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)));
  return files.filter((f) => !(f.endsWith('.js') && sources.has(f.slice(0, -3))));
}

/**
 * The conjectures of `folders` (properties/conjectures by default; samcheck --conjectures adds
 * more), in folder order then name order: an ID taken in an earlier folder skips the later file.
 */
export async function loadConjectures(folders: string | readonly string[] = CONJECTURE_FOLDER): Promise<LoadedConjectures> {
  // Stack traces of the compiled files then name the user's .ts and its line, however deep in
  // samcheck (a formula parser's recursion) the error was raised.
  process.setSourceMapsEnabled(true);
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 200;
  try {
    const owners = new Map<string, string>([...CARDS, ...CONJECTURES].map((c) => [c.id, 'a built-in card']));
    const loaded: LoadedConjectures = { conjectures: [], problems: [], folders: {} };
    // A folder named twice (samcheck.config.json and --conjectures) is loaded once.
    const unique = [...new Map((typeof folders === 'string' ? [folders] : folders).map((f) => [resolve(f), f])).values()];
    for (const folder of unique) {
      const { conjectures, problems } = await loadFrom(folder, owners);
      loaded.conjectures.push(...conjectures);
      const named = resolve(folder) !== resolve(CONJECTURE_FOLDER);
      loaded.problems.push(...problems.map((p) => ({ ...p, named })));
      if (resolve(folder) !== resolve(CONJECTURE_FOLDER)) for (const c of conjectures) loaded.folders[c.id] = folder;
    }
    return loaded;
  } finally {
    Error.stackTraceLimit = stackLimit;
  }
}

async function loadFrom(folder: string, owners: Map<string, string>): Promise<{ conjectures: Conjecture[]; problems: Omit<ConjectureProblem, 'named'>[] }> {
  const conjectures: Conjecture[] = [];
  const problems: Omit<ConjectureProblem, 'named'>[] = [];
  for (const file of conjectureModules(folder)) {
    const source = sourceOf(file);
    try {
      // A user's folder may hold .js files that import .ts ones (its methods, its families).
      if (file.endsWith('.ts') || resolve(folder) !== resolve(CONJECTURE_FOLDER)) await enableTypeScript();
      const module = (await import(pathToFileURL(file).href)) as { default?: unknown };
      if (!isConjecture(module.default)) {
        problems.push({ file: source, message: `${display(source)}: its default export must be made by defineConjecture({...})` });
        continue;
      }
      const id = module.default.id;
      const owner = owners.get(id);
      if (owner !== undefined) {
        problems.push({ file: source, id, message: `${display(source)}: conjecture id "${id}" is already the ID of ${owner}; this file is skipped` });
        continue;
      }
      owners.set(id, display(source));
      conjectures.push(module.default);
    } catch (error) {
      const where = frameIn(error, file) ?? { file: source, line: undefined };
      const message = error instanceof Error ? firstReason(error.message) : String(error);
      problems.push({ file: where.file, ...idIn(source), message: `${display(where.file)}${where.line === undefined ? '' : `:${where.line}`}: ${message}` });
    }
  }
  return { conjectures, problems };
}

let typeScriptEnabled = false;

/**
 * Lets Node 20 import a user's .ts conjecture file (Node 20 cannot strip types). The loader is tsx
 * (esbuild underneath): well kept, ESM-first, needs no tsconfig, and transpiles each file on its
 * own without type-checking, so a conjecture loads as fast as its .js would. It is registered once,
 * globally (not in a tsx namespace, whose modules would be copies of samcheck's own), and only when
 * a .ts file is met outside a runtime that already compiles TypeScript (vitest).
 */
async function enableTypeScript(): Promise<void> {
  if (typeScriptEnabled || process.env.VITEST !== undefined) return;
  const { register } = await import('tsx/esm/api');
  register();
  typeScriptEnabled = true;
}

/**
 * The conjecture sources that define `id` but are not in the compiled folder (never built, or
 * changed since), for a helpful message when `samcheck run ID` does not know it.
 */
export function unbuiltDefinitionOf(
  id: string,
  folders: { readonly sources: string; readonly compiled: string } | undefined = compiledRoot() === undefined ? undefined : { sources: SOURCE_CONJECTURE_FOLDER, compiled: CONJECTURE_FOLDER },
): { source: string; reason: 'not built' | 'changed since the last build' } | undefined {
  if (folders === undefined) return undefined; // running from the sources: nothing is built
  for (const source of conjectureModules(folders.sources).filter((f) => f.endsWith('.ts'))) {
    if (idIn(source).id !== id) continue;
    const compiled = join(folders.compiled, basename(source).replace(/\.ts$/, '.js'));
    if (!existsSync(compiled)) return { source: display(source), reason: 'not built' };
    if (statSync(source).mtimeMs > statSync(compiled).mtimeMs) return { source: display(source), reason: 'changed since the last build' };
  }
  return undefined;
}

/** The dist/ folder this module runs from, if it runs from the build. */
function compiledRoot(): string | undefined {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const marker = `${sep}dist${sep}src${sep}`;
  const at = here.lastIndexOf(marker);
  return at < 0 ? undefined : here.slice(0, at + sep.length + 'dist'.length);
}

/** The .ts a compiled conjecture came from (the file itself when it is not compiled or has no source). */
function sourceOf(file: string): string {
  // Only the compiled properties/conjectures has sources elsewhere (a user's folder is its own source).
  if (compiledRoot() === undefined || !file.endsWith('.js') || resolve(dirname(file)) !== resolve(CONJECTURE_FOLDER)) return file;
  const source = join(SOURCE_CONJECTURE_FOLDER, basename(file).replace(/\.js$/, '.ts'));
  return existsSync(source) ? source : file;
}

/** The conjecture ID a source file writes (`id: 'X'`), read as text: for messages about files that did not load. */
function idIn(source: string): { id?: string } {
  try {
    const match = /\bid\s*:\s*['"]([A-Za-z][A-Za-z0-9-]*)['"]/.exec(readFileSync(source, 'utf8'));
    return match ? { id: match[1]! } : {};
  } catch {
    return {};
  }
}

/**
 * The file and line of the frame of `error` in the module `file` was loaded from: with source
 * maps, the user's .ts (whatever folder it was compiled from); without, the file itself.
 */
function frameIn(error: unknown, file: string): { file: string; line: number } | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const stem = basename(file).replace(/\.[cm]?[jt]s$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:file://)?(/[^\\s():]*${stem}\\.[cm]?[jt]s):(\\d+)(?::\\d+)?`).exec(stack);
  return match ? { file: match[1]!, line: Number(match[2]) } : undefined;
}

/**
 * The reason in a message's first line; a first line that only announces what follows (esbuild's
 * "Transform failed with 1 error:") is completed by the next line, its file:line:column prefix
 * dropped (the caller names the file and line).
 */
function firstReason(message: string): string {
  const [first = '', ...rest] = message.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (!first.endsWith(':') || rest.length === 0) return first;
  return `${first} ${rest[0]!.replace(/^\S+:\d+:\d+:\s*/, '')}`;
}

/** A path relative to the working folder when it lies inside it. */
function display(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}
