/**
 * Where the CLI writes, so that commands can be run in-process by tests.
 */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
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
