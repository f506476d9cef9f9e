/**
 * Where the CLI writes, so that commands can be run in-process by tests.
 */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** stderr when it is a terminal, for progress drawn in place; absent otherwise. */
  readonly terminal?: { write(text: string): unknown; readonly columns?: number };
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  ...(process.stderr.isTTY ? { terminal: process.stderr } : {}),
};

/** Collects output in memory (for tests and for commands that post-process another's output). */
export function memoryIO(): CliIO & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  const line = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
  return {
    out: (text) => void (out += line(text)),
    err: (text) => void (err += line(text)),
    stdout: () => out,
    stderr: () => err,
  };
}
