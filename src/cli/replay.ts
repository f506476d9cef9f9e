/**
 * `samcheck replay [FILES...]`: rerun counterexample files (all of counterexamples/ by default).
 *
 * Every file is read before anything is replayed: a file that cannot be read, or a folder that
 * does not exist, is bad input (exit 2, one line on stderr). A file that reads but whose run lies
 * outside its card's class or ranges is invalid: reported, not reproduced (exit 1).
 */
import { counterexampleFiles, replayFile, requireReadable, type ReplayResult } from '../check/replay.js';
import { formatJson } from '../report/json.js';
import { replayOutcome, replayText } from '../report/replay.js';
import { requireExistingFolder } from './folders.js';
import type { CliIO } from './io.js';
import { progressFor, withProgress } from './progress.js';

export interface ReplayCommandOptions {
  json?: boolean;
  counterexamples?: string;
}

export const DEFAULT_STORE = 'counterexamples';

/** Returns the exit code: 1 when a file does not reproduce or is invalid, 2 when one cannot be read. */
export async function replayCommand(files: string[], options: ReplayCommandOptions, io: CliIO): Promise<number> {
  const paths = files.length > 0 ? files : storeFiles(options.counterexamples);
  requireReadable(paths);
  const results = await withProgress(progressFor(io, paths.length), (progress) =>
    paths.map((path) => {
      progress.begin(`replay ${path}`, 1);
      const result = replayFile(path);
      progress.advance();
      progress.end(`replay ${path}: ${replayOutcome(result)}`);
      return result;
    }),
  );
  if (options.json) {
    io.out(formatJson({ counterexamples: results }));
  } else if (results.length === 0) {
    io.out(`no counterexample files in ${options.counterexamples ?? DEFAULT_STORE}`);
  } else {
    for (const r of results) io.out(`${r.file}: ${replayText(r)}`);
  }
  return results.every((r: ReplayResult) => r.reproduced) ? 0 : 1;
}

/** The files of the store: an explicitly named folder must exist; the default one may be absent (a new project). */
function storeFiles(folder: string | undefined): string[] {
  if (folder !== undefined) requireExistingFolder('--counterexamples', folder);
  return counterexampleFiles(folder ?? DEFAULT_STORE);
}
