/**
 * The README as written (issue "Robust under load", item 11): its walk-through's commands are run
 * exactly as the README writes them (the built executable, in a copy of the counterexample store,
 * so that nothing of this checkout is replaced), and what the walk-through says of each is
 * checked; every other `npx samcheck` command of the README is parsed by the CLI, so that none
 * names a command or an option that does not exist. The worked example of the conjectures section
 * is the file it names.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { validateCommandLine } from './program.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const executable = join(root, 'dist', 'src', 'cli.js');
const work = mkdtempSync(join(tmpdir(), 'samcheck-readme-'));
cpSync(join(root, 'counterexamples'), join(work, 'counterexamples'), { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The commands of the README's ```sh blocks: one per line, continuations joined, comments dropped. */
function shellCommands(text: string): string[] {
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.flatMap((block) =>
    block
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((line) => line.replace(/\s+#.*$/, '').trim())
      .filter((line) => line !== ''),
  );
}

/** A command line split into words, with "..." and '...' quoting. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Runs `npx samcheck ARGS` as the README writes it: the built bin, from the copy of the store's folder. */
function npxSamcheck(line: string) {
  const argv = words(line).slice(2);
  return spawnSync(process.execPath, [executable, ...argv], { cwd: work, encoding: 'utf8' });
}

const walkThrough = shellCommands(/### A walk-through\n\n```sh\n[\s\S]*?```/.exec(readme)![0]);

describe('the README as written', () => {
  test('the walk-through has the four steps the text explains', () => {
    expect(walkThrough).toHaveLength(4);
    expect(walkThrough[0]).toBe('npm start');
    expect(existsSync(executable)).toBe(true);
  });

  test('step 2: the replay of LB-S reproduces, statistically', () => {
    const { status, stdout } = npxSamcheck(walkThrough[1]!);
    expect(status).toBe(0);
    expect(stdout).toMatch(/reproduced \(statistical\): x_6000,1 mean .*contains 0\.4/);
  });

  test('step 3: D-NC with c = 0.05 is violated, saved under report/counterexamples/ with its replay command, exit 1', () => {
    const { status, stdout } = npxSamcheck(walkThrough[2]!);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^D-NC +violated/m);
    const saved = /^ {2}saved: (report\/counterexamples\/D-NC-\w+\.json)$/m.exec(stdout);
    expect(saved).not.toBeNull();
    expect(stdout).toContain(`  replay: npx samcheck replay ${saved![1]}`);
    expect(existsSync(join(work, saved![1]!))).toBe(true);
  });

  test('step 4: the job for D-NC alone holds with tightness [1, 1] and writes its report', () => {
    const { status, stdout } = npxSamcheck(walkThrough[3]!);
    expect(status).toBe(0);
    // Beside the constructions' interval, the store's certified class-wide lower end.
    expect(stdout).toMatch(/^D-NC +.* holds +100 .*\[1, 1\] \(class >= [\d.]+, T <= \d+\)$/m);
    expect(existsSync(join(work, 'report', 'index.html'))).toBe(true);
  });

  test('every other npx samcheck command of the README parses: its command and options exist', async () => {
    const commands = shellCommands(readme).filter((line) => line.startsWith('npx samcheck'));
    expect(commands.length).toBeGreaterThanOrEqual(15);
    for (const line of commands) await expect(validateCommandLine(words(line).slice(2)), line).resolves.toBeUndefined();
  });

  test('a command that names a removed option would be caught', async () => {
    await expect(validateCommandLine(['run', 'D-NC', '--counterexamples', 'x'])).rejects.toThrow(/unknown option '--counterexamples'/);
    await expect(validateCommandLine(['simulat'])).rejects.toThrow(/unknown command 'simulat'/);
  });

  test('the worked example of the conjectures section is the file it names, word for word', () => {
    const named = /A worked example, `(properties\/conjectures\/[\w-]+\.ts)`[^`]*?word for word:\n\n```ts\n([\s\S]*?)```/.exec(readme);
    expect(named).not.toBeNull();
    expect(readFileSync(join(root, named![1]!), 'utf8')).toBe(named![2]);
  });

  test('every command the CLI offers is documented', () => {
    for (const command of ['demo', 'simulate', 'run', 'audit', 'constructions', 'replay', 'report']) expect(readme).toContain(`npx samcheck ${command}`);
  });
});
