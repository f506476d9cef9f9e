/**
 * `samcheck replay [FILES...]`: rerun counterexample files (all of counterexamples/ by default).
 */
import { counterexampleFiles, replayFile } from '../check/replay.js';
import { formatJson } from '../report/json.js';
import { replayText } from '../report/replay.js';
import type { CliIO } from './io.js';

export interface ReplayCommandOptions {
  json?: boolean;
  counterexamples?: string;
}

/** Returns the exit code: 1 when a file does not reproduce or cannot be read. */
export function replayCommand(files: string[], options: ReplayCommandOptions, io: CliIO): number {
  const paths = files.length > 0 ? files : counterexampleFiles(options.counterexamples ?? 'counterexamples');
  const results = paths.map((path) => replayFile(path));
  if (options.json) {
    io.out(formatJson({ counterexamples: results }));
  } else if (results.length === 0) {
    io.out('no counterexample files to replay');
  } else {
    for (const r of results) io.out(`${r.file}: ${replayText(r)}`);
  }
  return results.every((r) => r.reproduced) ? 0 : 1;
}
