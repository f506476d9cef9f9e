/**
 * Ctrl-C keeps what was found (the built executable, as a user runs it): SIGINT during the main
 * job prints the table of the checks that finished and names the others, writes the page and
 * results.json marked interrupted, keeps the counterexample found before the signal, and exits 130
 * on its own (no worker thread left to hold the process). `run`, `audit` and `audit --class` stop
 * the same way. The signals are sent when the job has reached a given line on stderr, never after
 * a time. That a second signal stops at once is tested in this process (two signals sent to
 * another may arrive as one).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { memoryIO } from './io.js';
import { interruptible } from './interrupt.js';

const executable = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'samcheck-interrupt-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs samcheck; each time stderr first matches one of `triggers` (in order), sends SIGINT. */
function interrupted(argv: readonly string[], triggers: readonly RegExp[]): Promise<Ended> {
  if (!existsSync(executable)) throw new Error(`${executable} is missing: run "npm run build" (npm test does it)`);
  const child = spawn(process.execPath, [executable, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let next = 0;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    while (next < triggers.length && triggers[next]!.test(stderr)) {
      next++;
      child.kill('SIGINT');
    }
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** Files of a folder whose names a reader takes as results (atomic writes' temporaries are hidden). */
function visible(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')) : [];
}

describe('Ctrl-C during the main job', () => {
  test('prints what finished, writes the page and results.json marked interrupted, keeps the counterexample, exits 130', async () => {
    const report = join(folder, 'main');
    // C5 is falsified at its first case; GD1 then starts its 100,000 cases, and the signal comes.
    const ended = await interrupted(['--only', 'C5,GD1,U-SAM-STEP', '--runs', '100000', '--seed', '3', '--jobs', '1', '--report', report], [/^C5 falsified: /m]);
    expect(ended.code, ended.stderr).toBe(130);
    expect(ended.signal).toBeNull(); // it ended on its own: no worker thread held it open
    expect(ended.stderr).toContain('samcheck: Ctrl-C: stopping;');
    expect(ended.stderr).toMatch(/samcheck: interrupted: 2 checks not run \(GD1, U-SAM-STEP\), 1 counterexample file not replayed/);
    // The table has the finished check, and says what is missing.
    expect(ended.stdout).toMatch(/^INTERRUPTED: what finished; 2 checks not run \(GD1, U-SAM-STEP\)/m);
    expect(ended.stdout).toMatch(/^C5 +.* falsified /m);
    expect(ended.stdout).not.toMatch(/^GD1 /m);
    const page = readFileSync(join(report, 'index.html'), 'utf8');
    expect(page).toContain('<strong>Interrupted</strong>');
    expect(page).toContain('<code>GD1</code>');
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    const results = JSON.parse(readFileSync(join(report, 'results.json'), 'utf8')) as { interrupted: { checks: string[] }; rows: { card: string }[] };
    expect(results.interrupted.checks).toEqual(['GD1', 'U-SAM-STEP']);
    expect(new Set(results.rows.map((r) => r.card))).toEqual(new Set(['C5']));
    // The counterexample found before the signal is kept, whole.
    const found = visible(join(report, 'counterexamples'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^C5-[0-9a-f]{12}\.json$/);
    expect(() => JSON.parse(readFileSync(join(report, 'counterexamples', found[0]!), 'utf8'))).not.toThrow();
  });
});

describe('Ctrl-C during run, audit and audit --class', () => {
  test('samcheck run: the finished checks, the others named, exit 130', async () => {
    const ended = await interrupted(['run', 'C5', 'GD1', 'U-SAM-STEP', '--runs', '100000', '--seed', '3', '--jobs', '1', '--json', '--save-to', join(folder, 'run')], [/^C5 falsified: /m]);
    expect(ended.code, ended.stderr).toBe(130);
    const json = JSON.parse(ended.stdout) as { interrupted: { checks: string[] }; cards: { id: string; status: string }[] };
    expect(json.cards.map((c) => [c.id, c.status])).toEqual([['C5', 'falsified']]);
    expect(json.interrupted.checks).toEqual(['GD1', 'U-SAM-STEP']);
    expect(visible(join(folder, 'run'))).toHaveLength(1);
  });

  test('samcheck audit: the search ends, its best case is confirmed and recorded, marked interrupted', async () => {
    const audits = join(folder, 'audits');
    const ended = await interrupted(['audit', 'D-NC', '--evaluations', '1000000', '--seed', '2', '--jobs', '1', '--audits', audits, '--save-to', audits], [/of the budget, \d+ evaluations/]);
    expect(ended.code, ended.stderr).toBe(130);
    expect(ended.stdout).toMatch(/^INTERRUPTED after \d+ evaluations/);
    const record = JSON.parse(readFileSync(join(audits, 'D-NC.json'), 'utf8')) as { interrupted?: boolean; evaluations: number; level: string };
    expect(record.interrupted).toBe(true);
    expect(record.evaluations).toBeLessThan(1_000_000);
    expect(['certified', 'verified', 'float', 'undecided']).toContain(record.level);
  });

  test('samcheck audit --class: the search ends after its current climb, and what it found is certified and saved', async () => {
    const saveTo = join(folder, 'class');
    const ended = await interrupted(['audit', 'L7', '--class', '--evaluations', '10000000', '--seed', '1', '--save-to', saveTo, '--json'], [/^ {2}start 2: /m]);
    expect(ended.code, ended.stderr).toBe(130);
    const json = JSON.parse(ended.stdout) as { interrupted: boolean; evaluations: number; certified: { value: string } | null; file: string | null };
    expect(json.interrupted).toBe(true);
    expect(json.evaluations).toBeLessThan(10_000_000);
    expect(json.certified).not.toBeNull();
    expect(json.file).not.toBeNull();
    expect(visible(saveTo)).toHaveLength(1);
  });
});

describe('the signal handler (in this process)', () => {
  test('the first signal asks the work to stop; the second exits at once with 130; none is left installed after', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const before = process.listenerCount('SIGINT');
    try {
      const io = memoryIO();
      const seen: boolean[] = [];
      const { result, interrupted: stopped } = await interruptible(io, 'the running checks end their current case', async (stop) => {
        seen.push(stop.requested());
        process.emit('SIGINT', 'SIGINT');
        seen.push(stop.requested());
        expect(exit).not.toHaveBeenCalled();
        process.emit('SIGTERM', 'SIGTERM');
        return 'what finished';
      });
      expect(seen).toEqual([false, true]);
      expect(result).toBe('what finished');
      expect(stopped).toBe(true);
      expect(exit).toHaveBeenCalledWith(130);
      expect(io.stderr()).toContain('samcheck: Ctrl-C: stopping; the running checks end their current case');
      expect(io.stderr()).toContain('samcheck: SIGTERM again: stopped at once');
      expect(process.listenerCount('SIGINT')).toBe(before);
    } finally {
      exit.mockRestore();
    }
  });
});
