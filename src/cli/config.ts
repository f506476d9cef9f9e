/**
 * samcheck.config.json in the working folder: settings a project keeps instead of typing them on
 * every command line. Today one setting:
 *
 *   { "conjectures": ["conjectures", "more/conjectures"] }
 *
 * folders of conjecture files (and the methods and families they define), relative to the
 * config file, loaded as if each were given with --conjectures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';
import { requireExistingFolder } from './folders.js';

export const CONFIG_FILE = 'samcheck.config.json';

export interface ProjectConfig {
  readonly conjectures: readonly string[];
}

/**
 * The config of the project `cwd` lies in: the nearest samcheck.config.json in `cwd` or a folder
 * above it (none: no folders), every field checked; an InputError names the field.
 */
export function readProjectConfig(cwd: string = process.cwd()): ProjectConfig {
  const path = nearest(resolve(cwd), CONFIG_FILE);
  if (path === undefined) return { conjectures: [] };
  cwd = dirname(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(CONFIG_FILE, path, `must be JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InputError(CONFIG_FILE, parsed, 'must be a JSON object such as { "conjectures": ["conjectures"] }');
  for (const key of Object.keys(parsed)) {
    if (key !== 'conjectures') throw new InputError(`${CONFIG_FILE}: ${key}`, (parsed as Record<string, unknown>)[key], 'is not a setting samcheck knows (the settings: conjectures)');
  }
  const folders = (parsed as { conjectures?: unknown }).conjectures ?? [];
  if (!Array.isArray(folders) || !folders.every((f) => typeof f === 'string' && f !== '')) {
    throw new InputError(`${CONFIG_FILE}: conjectures`, folders, 'must be a list of folder names, relative to the config file');
  }
  const resolved = folders.map((folder: string) => resolve(cwd, folder));
  resolved.forEach((folder, i) => requireExistingFolder(`${CONFIG_FILE}: conjectures[${i}]`, folder));
  return { conjectures: resolved };
}

/** `name` in `folder` or the nearest folder above it that has one. */
function nearest(folder: string, name: string): string | undefined {
  for (let at = folder; ; at = dirname(at)) {
    if (existsSync(join(at, name))) return join(at, name);
    if (dirname(at) === at) return undefined;
  }
}
