/**
 * Faults a user's machine brings (the built executable, in processes of its own): the main job
 * killed with SIGKILL at many moments never leaves a partial or corrupt file under a real name in
 * the report folder, and the next job sweeps what the killed ones left; two jobs aimed at one
 * report folder do not interleave (the second refuses in one line; a dead holder's lock is taken
 * over); a checkout the user cannot write to works with --report elsewhere and refuses its own
 * report/ in one line (npm start included, which builds only a stale dist/); a missing TMPDIR changes nothing; a disk that refuses the page loses nothing
 * that was computed (one line, exit 2). Moments are lines of stderr, never times.
 */
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { LOCK_NAME } from '../folder-lock.js';
import { randomStream } from '../random/seeded.js';

const repository = fileURLToPath(new URL('../..', import.meta.url));
const executable = join(repository, 'dist', 'src', 'cli.js');
const folder = mkdtempSync(join(tmpdir(), 'samcheck-faults-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A small job: L1 holds, C5 is falsified (a counterexample is written), one file of the store is replayed. */
const JOB = ['--only', 'L1,C5', '--runs', '10', '--seed', '4', '--jobs', '2'];

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function samcheck(argv: readonly string[], options: SpawnOptions = {}): Ended {
  if (!existsSync(executable)) throw new Error(`${executable} is missing: run "npm run build" (npm test does it)`);
  const { status, signal, stdout, stderr } = spawnSync(process.execPath, [executable, ...argv], { encoding: 'utf8', ...options });
  return { code: status, signal, stdout: String(stdout), stderr: String(stderr) };
}

/** Runs samcheck and, when its stderr has `lines` lines, sends `signal`; resolves when it has ended. */
function signalledAt(argv: readonly string[], lines: number, signal: NodeJS.Signals): Promise<Ended> {
  const child = spawn(process.execPath, [executable, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (!sent && stderr.split('\n').length - 1 >= lines) {
      sent = true;
      child.kill(signal);
    }
  });
  return new Promise((resolve) => child.on('close', (code, s) => resolve({ code, signal: s, stdout, stderr })));
}

/** Every file a reader takes as a result (not hidden) is whole: JSON parses, a page ends with </html>. */
function expectWholeFiles(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name.startsWith('.')) continue;
    if (name === 'counterexamples' || name === 'audits') {
      expectWholeFiles(path);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    if (name.endsWith('.json')) expect(() => JSON.parse(text), path).not.toThrow();
    else if (name.endsWith('.html')) expect(text.trimEnd().endsWith('</html>'), path).toBe(true);
    else throw new Error(`unexpected file in the report folder: ${path}`);
  }
}

function hidden(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.startsWith('.')) : [];
}

describe('kill -9 at many moments of the main job', () => {
  test('the report folder never holds a partial or corrupt file, and the next job sweeps what was left', async () => {
    const report = join(folder, 'killed');
    const whole = samcheck([...JOB, '--report', report]);
    expect(whole.code, whole.stderr).toBe(0);
    const lines = whole.stderr.split('\n').length - 1;
    // Kill points: seeded draws over the job's lines, and the line before the page is written
    // ("results: ..."), where the page's write is under way.
    const stream = randomStream(20261207, 0x51);
    const points = [...new Set([...Array.from({ length: 3 }, () => 1 + stream.integer(lines - 1)), whole.stderr.split('\n').findIndex((l) => l.startsWith('results: ')) + 1])];
    for (const at of points) {
      const ended = await signalledAt([...JOB, '--report', report], at, 'SIGKILL');
      expect(ended.signal === 'SIGKILL' || ended.code === 0, `killed at line ${at}: ${ended.stderr}`).toBe(true);
      expectWholeFiles(report);
    }
    // A dead job's lock and temporaries are no obstacle: the next job takes over and sweeps.
    const after = samcheck([...JOB, '--report', report]);
    expect(after.code, after.stderr).toBe(0);
    expectWholeFiles(report);
    expect(hidden(report)).toEqual([]);
    expect(hidden(join(report, 'counterexamples'))).toEqual([]);
  });
});

describe('two jobs and one report folder', () => {
  test('the second refuses in one line naming the first; the first is not disturbed and lets go of the folder', async () => {
    const report = join(folder, 'shared');
    const first = spawn(process.execPath, [executable, '--only', 'L1,GD1', '--runs', '100000', '--seed', '1', '--jobs', '1', '--report', report], { stdio: ['ignore', 'pipe', 'pipe'] });
    let firstErr = '';
    const started = new Promise<void>((resolve) =>
      first.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        firstErr += chunk;
        if (/^samcheck: 2 checks/m.test(firstErr)) resolve();
      }),
    );
    first.stdout.resume();
    const ended = new Promise<number | null>((resolve) => first.on('close', resolve));
    await started;
    const second = samcheck(['--only', 'L1', '--runs', '3', '--seed', '2', '--report', report]);
    expect(second.code).toBe(2);
    expect(second.stdout).toBe('');
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toContain(`samcheck: invalid --report = "${report}": is being written by another samcheck job (pid ${first.pid} on ${hostname()}`);
    first.kill('SIGINT');
    expect(await ended).toBe(130);
    expect(existsSync(join(report, LOCK_NAME))).toBe(false);
    expect(readFileSync(join(report, 'index.html'), 'utf8')).toContain('<strong>Interrupted</strong>');
  });

  test('a lock left by a job that died is taken over, and said so', () => {
    const report = join(folder, 'stale');
    mkdirSync(report);
    // pid 2^22 + 1 is above Linux's largest process id: no process has it.
    writeFileSync(join(report, LOCK_NAME), `${JSON.stringify({ pid: 4194305, host: hostname(), started: '2026-01-01T00:00:00.000Z', command: 'npx samcheck' })}\n`);
    const { code, stderr } = samcheck(['--only', 'L1', '--runs', '3', '--seed', '2', '--report', report]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`samcheck: ${report}: took over the lock of pid 4194305 (started 2026-01-01T00:00:00.000Z), which is no longer running`);
    expect(existsSync(join(report, LOCK_NAME))).toBe(false);
  });
});

describe('the machine says no', () => {
  test('a checkout the user cannot write to: npm start --report elsewhere works, its own report/ is refused in one line, a stale build too', () => {
    // A copy of the checkout, built, that this user cannot write to (as root, run as nobody: root
    // writes anywhere). Timestamps are kept: the build is as fresh as in the repository.
    const checkout = join(folder, 'read-only');
    for (const part of ['dist', 'package.json', 'counterexamples', 'scripts', 'src', 'bench', 'soak', 'properties', 'tsconfig.json', 'tsconfig.build.json']) {
      cpSync(join(repository, part), join(checkout, part), { recursive: true, preserveTimestamps: true });
    }
    symlinkSync(join(repository, 'node_modules'), join(checkout, 'node_modules'));
    const elsewhere = join(folder, 'writable');
    mkdirSync(elsewhere);
    chmodSync(elsewhere, 0o777);
    chmodSync(folder, 0o755);
    const readOnly = () => spawnSync('chmod', ['-R', 'a-w,a+rX', checkout]);
    readOnly();
    const user = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    // npm keeps its logs and cache in a folder it can write.
    const env = { ...process.env, HOME: elsewhere, npm_config_cache: join(elsewhere, 'npm'), npm_config_update_notifier: 'false' };
    const npmStart = (argv: readonly string[]) => {
      const { status, stdout, stderr } = spawnSync('npm', ['start', '--silent', '--', ...argv], { cwd: checkout, encoding: 'utf8', env, ...user });
      return { code: status, stdout, stderr };
    };
    const report = join(elsewhere, 'report');
    const worked = npmStart(['--only', 'L1,C5', '--runs', '5', '--seed', '1', '--report', report]);
    expect(worked.code, worked.stderr).toBe(0);
    expect(worked.stdout).toMatch(/^C5 +.* falsified /m);
    expectWholeFiles(report);
    expect(readdirSync(join(report, 'counterexamples'))).toHaveLength(1);
    const refused = npmStart(['--only', 'L1', '--runs', '3', '--seed', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^samcheck: invalid --report = "report": must be a folder samcheck can write to \(.*: E(ACCES|ROFS|PERM)\)$/)]);
    // A source newer than the build: it cannot be rebuilt here, and says so in one line.
    spawnSync('chmod', ['-R', 'u+w', join(checkout, 'src')]);
    writeFileSync(join(checkout, 'src', 'errors.ts'), readFileSync(join(checkout, 'src', 'errors.ts')));
    readOnly();
    const stale = npmStart(['--only', 'L1', '--runs', '3', '--seed', '1', '--report', report]);
    expect(stale.code).toBe(2);
    expect(stale.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^samcheck: dist\/ is older than the sources, and this checkout cannot be written \(E(ACCES|ROFS|PERM)\): build it where it can be/)]);
  });

  test('a missing TMPDIR changes nothing', () => {
    const report = join(folder, 'no-tmp');
    const { code, stderr } = samcheck([...JOB, '--report', report], { env: { ...process.env, TMPDIR: join(folder, 'no', 'such', 'folder') } });
    expect(code, stderr).toBe(0);
    expectWholeFiles(report);
  });

  test('a disk that refuses the page: the table is printed, one line says what was not written and why, exit 2, no partial file', () => {
    const report = join(folder, 'full');
    // Files above `ulimit -f 32` (16 or 32 KiB, by the shell's block size) cannot be written
    // (RLIMIT_FSIZE: Node ignores SIGXFSZ, so a write takes what fits and the next fails with EFBIG,
    // as on a full disk with ENOSPC; a write that took what fits once left a truncated page): the
    // 5 KB results.json fits, the page does not.
    const { status, stdout, stderr } = spawnSync('sh', ['-c', 'ulimit -f 32 && exec "$0" "$@"', process.execPath, executable, ...JOB, '--report', report], { encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stdout).toMatch(/^L1 +.* holds +10 /m);
    expect(stdout).toMatch(/^C5 +.* falsified /m);
    const notWritten = stderr.split('\n').filter((l) => l.includes('NOT written'));
    expect(notWritten).toEqual([`samcheck: NOT written: the report ${join(report, 'index.html')} (EFBIG: file too large, write)`]);
    expect(existsSync(join(report, 'index.html'))).toBe(false);
    expectWholeFiles(report);
    expect(hidden(report)).toEqual([]);
  });
});
