#!/usr/bin/env node
/**
 * CI: samcheck as a user installs it. Packs this repository (npm pack), creates an empty project
 * in a temporary folder and there follows README.md's section "samcheck in your own project"
 * word for word: the commands of its `sh project-setup` block (with the tarball's real path), the
 * files of its `ts file=PATH` blocks, and the commands of its `sh project-check` block, each
 * expected to end with the exit code its comment states. Then what a careful user tries next:
 * the verdicts in JSON, the replay of the falsification, a conjecture file that does not load
 * (exit 2, the others still checked) and a family with a wrong certificate (refused, named).
 *
 * Nothing here reads the repository's sources: only the tarball and the README.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(repository, 'README.md'), 'utf8');
const started = Date.now();
const work = mkdtempSync(join(tmpdir(), 'samcheck-packed-'));
const project = join(work, 'project');
const keep = process.env.KEEP_PACKED_PROJECT !== undefined;

/** README's fenced blocks with an info string after the language: { language, info, body }. */
function blocks(text) {
  return [...text.matchAll(/^```(\w+) ([^\n]+)\n([\s\S]*?)^```$/gm)].map(([, language, info, body]) => ({ language, info: info.trim(), body }));
}

function fail(message) {
  console.error(`packed install: FAILED: ${message}`);
  console.error(`  (the project is kept in ${project})`);
  process.exit(1);
}

function step(what) {
  console.log(`packed install [${((Date.now() - started) / 1000).toFixed(1)} s]: ${what}`);
}

/** Runs a shell command line in the project; returns { status, stdout, stderr }. */
function sh(line) {
  const result = spawnSync('sh', ['-c', line], { cwd: project, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

function expectExit(line, expected, result = sh(line)) {
  if (result.status !== expected) fail(`"${line}" exited with ${result.status}, expected ${expected}\n--- stdout\n${result.stdout.slice(-4000)}\n--- stderr\n${result.stderr.slice(-4000)}`);
  return result;
}

const all = blocks(readme);
const setup = all.find((b) => b.language === 'sh' && b.info === 'project-setup');
const check = all.find((b) => b.language === 'sh' && b.info === 'project-check');
const files = all.filter((b) => /^file=/.test(b.info)).map((b) => ({ path: b.info.slice('file='.length), body: b.body }));
if (!setup || !check || files.length === 0) fail('README.md has no `sh project-setup`, `sh project-check` or `ts file=PATH` blocks');

step('npm pack');
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: repository, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
const tarball = join(work, packed[0].filename);
mkdirSync(project);

for (const line of setup.body.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))) {
  const command = line.replaceAll('/path/to/samcheck-0.1.0.tgz', tarball);
  step(command);
  expectExit(command, 0);
}
for (const { path, body } of files) {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), body);
}
step(`wrote ${files.map((f) => f.path).join(', ')}`);

for (const line of check.body.split('\n').filter((l) => l.trim() !== '')) {
  const [command, comment = ''] = line.split(/\s+#\s+/);
  const exit = /^exit (\d+)/.exec(comment);
  if (!exit) fail(`README project-check line without "# exit N": ${line}`);
  step(command.trim());
  expectExit(command.trim(), Number(exit[1]));
}

// The verdicts the README's comment promises, read from the JSON.
step('verdicts in JSON');
const run = expectExit('npx samcheck run CLIP-STEP CLIP-NO-FLOOR --conjectures ./conjectures --seed 1 --json', 0);
const cards = JSON.parse(run.stdout).cards;
const status = Object.fromEntries(cards.map((c) => [c.id, c.status]));
if (status['CLIP-STEP'] !== 'no counterexample' || status['CLIP-NO-FLOOR'] !== 'falsified') fail(`verdicts ${JSON.stringify(status)}`);
const saved = cards.find((c) => c.id === 'CLIP-NO-FLOOR').counterexample.file;

step('replay of the falsification, with and without its folder');
const replay = expectExit(`npx samcheck replay ${saved} --conjectures ./conjectures`, 0);
if (!/reproduced/.test(replay.stdout)) fail(`replay did not reproduce:\n${replay.stdout}`);
const orphan = expectExit(`npx samcheck replay ${saved}`, 1);
if (!/--conjectures/.test(orphan.stdout + orphan.stderr)) fail(`a replay without the folder does not say how to load the method:\n${orphan.stdout}${orphan.stderr}`);

step('a conjecture file that does not load: exit 2, the others still checked');
mkdirSync(join(project, 'broken'));
writeFileSync(join(project, 'broken', 'typo.ts'), "import { defineConjecture } from 'samcheck';\nexport default defineConjecture({ id: 'TYPO', statement: 'x', class: 'smooth', algorithm: 'sam', measure: 'gap', claim: { bound: 'delta0 +' } });\n");
writeFileSync(join(project, 'broken', 'syntax.ts'), "import { defineConjecture } from 'samcheck';\nexport default defineConjecture({ id: 'SYNTAX', statement: 'x',\n);\n");
const broken = expectExit('npx samcheck run CLIP-STEP --conjectures ./conjectures --conjectures ./broken --seed 1 --runs 10', 2);
if (!/broken\/typo\.ts/.test(broken.stderr) || !/claim\.bound/.test(broken.stderr)) fail(`the broken file is not named with its field:\n${broken.stderr}`);
if (!/broken\/syntax\.ts:\d+: .*Expected/.test(broken.stderr)) fail(`a TypeScript syntax error is not named with its line and reason:\n${broken.stderr}`);
if (!/CLIP-STEP/.test(broken.stdout)) fail(`CLIP-STEP was not checked beside the broken file:\n${broken.stdout}`);

step('a family whose β is 10% too small: refused before any verdict');
mkdirSync(join(project, 'wrong'));
const family = files.find((f) => f.path === 'lib/pseudo-huber.ts').body;
const wrong = family.replace("name: 'pseudo-huber'", "name: 'pseudo-huber-wrong'").replace('beta: B.add(a, l2)', 'beta: B.mul(B.fromString("0.9"), B.add(a, l2))');
if (wrong === family || !wrong.includes('0.9')) fail('the README family no longer has the certificate this step edits');
writeFileSync(join(project, 'lib', 'pseudo-huber-wrong.ts'), wrong);
writeFileSync(
  join(project, 'wrong', 'uses-wrong.ts'),
  "import { defineConjecture } from 'samcheck';\nimport { pseudoHuber } from '../lib/pseudo-huber-wrong.js';\nexport default defineConjecture({ id: 'WRONG', statement: 'x', class: 'strongly-convex', families: [pseudoHuber], algorithm: 'gd', measure: 'gap', claim: { bound: 'delta0' } });\n",
);
const refused = expectExit('npx samcheck run WRONG --conjectures ./wrong --seed 1', 2);
if (!/family pseudo-huber-wrong is refused: its cross-check "curvature" fails/.test(refused.stderr)) fail(`the wrong family is not refused by name:\n${refused.stderr}`);

step(`done: ${readdirSync(project).length} entries in the project; ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
if (!keep) rmSync(work, { recursive: true, force: true });
