/**
 * The built executable, as a user runs it (`npm test` builds dist/ first).
 */
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const executable = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));

function samcheck(...argv: string[]) {
  if (!existsSync(executable)) throw new Error(`${executable} is missing: run "npm run build" (npm test does it)`);
  return spawnSync(process.execPath, [executable, ...argv], { encoding: 'utf8' });
}

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the samcheck executable', () => {
  test('every build leaves the bin executable, and `npx samcheck` runs it as a user does', () => {
    // npm test builds first; a build rewrites dist/src/cli.js, and its run bit must survive that.
    expect(statSync(executable).mode & 0o111).toBe(0o111);
    const { status, stdout, stderr } = spawnSync('npx', ['--offline', 'samcheck', '--version'], { cwd: root, encoding: 'utf8' });
    expect(stderr).not.toContain('Permission denied');
    expect(status).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('output piped into a reader that stops early (| head) ends quietly, with no EPIPE trace', () => {
    // 20,000 rows fill the pipe long before head exits, so the writes after it fail with EPIPE.
    const argv = 'simulate --algorithm gd --family quadratic --eigenvalues 1 --x0 1 --eta 0.1 --steps 20000 --rows 0 --backend float64 --no-check-digits';
    const { status, stdout, stderr } = spawnSync('bash', ['-c', `"${process.execPath}" "${executable}" ${argv} | head -1; exit "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(stdout.split('\n')).toHaveLength(2);
    expect(stderr).not.toContain('EPIPE');
    expect(status).toBe(0);
  });

  test('demo: SAM stalls on its 2-cycle at 60 digits', () => {
    const { status, stdout } = samcheck('demo');
    expect(status).toBe(0);
    expect(stdout).toMatch(/\|x_500,2\| matches r\* to (5\d|60) significant digits/);
    expect(stdout).toContain('2/225 = 0.00888888888889');
  });

  test('a user mistake is one line on stderr and exit code 2', () => {
    const { status, stdout, stderr } = samcheck('simulate', '--algorithm', 'sam', '--family', 'quadratic', '--eigenvalues', '1', '--x0', '1', '--rho', '0', '--eta', '0.1', '--steps', '3');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('samcheck: invalid --rho = "0": must be > 0\n');
  });

  test('help lists every option with an example', () => {
    const { status, stdout } = samcheck('simulate', '--help');
    expect(status).toBe(0);
    for (const option of ['--algorithm', '--family', '--eigenvalues', '--rotation-seed', '--matrix', '--beta', '--k', '--phase', '--x0', '--rho', '--eta', '--steps', '--precision', '--backend', '--format', '--oracle', '--sigma', '--dof', '--K', '--s', '--paths', '--seed', '--level']) {
      expect(stdout).toContain(option);
    }
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('--algorithm n-sam');
  });
});
