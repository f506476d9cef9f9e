/**
 * The power benchmark split over machines (`samcheck power --shard i/n --write part-i.json`) and
 * put back together (`samcheck power --merge part-*.json --write docs/power.md`). Every run of the
 * benchmark draws only from its own (claim, seed, budget), so the shards' runs together are the
 * unsharded benchmark's, whatever machine made them; a merge checks that they are exactly those:
 * the same benchmark (the command without --shard), every shard of n once, no run twice, none
 * missing, none interrupted.
 */
import { InputError } from '../errors.js';
import { shardText, unshard, type Shard } from '../job/shard.js';
import type { PowerRun } from './run.js';
import type { PowerAbout } from './summary.js';

/** What a shard writes: its runs, and enough to know which benchmark and which part they are. */
export interface PowerPart extends PowerAbout {
  readonly shard: Shard;
  /** The runs of the whole benchmark (every shard's), to tell a complete merge from a partial one. */
  readonly tasks: number;
  readonly runs: readonly PowerRun[];
}

export function powerPart(about: PowerAbout, shard: Shard, tasks: number, runs: readonly PowerRun[]): PowerPart {
  return { ...about, shard, tasks, runs };
}

/** The shards' runs as one benchmark, in its order, with what the page says about how they were made. */
export function mergePowerParts(parts: readonly { file: string; text: string }[]): { about: PowerAbout; runs: PowerRun[] } {
  if (parts.length === 0) throw new InputError('--merge', '', 'needs the JSON files the shards wrote (samcheck power --shard i/n --write FILE.json)');
  const read = parts.map(({ file, text }) => ({ file, part: parsePart(file, text) }));
  const [first] = read;
  const count = first!.part.shard.count;
  const byIndex = new Map<number, string>();
  for (const { file, part } of read) {
    if (part.command !== first!.part.command || part.seeds !== first!.part.seeds || part.tasks !== first!.part.tasks) {
      throw new InputError('--merge', file, `is a shard of another benchmark ("${part.command}", ${part.seeds}) than ${first!.file} ("${first!.part.command}", ${first!.part.seeds})`);
    }
    const shard = shardText(part.shard);
    if (part.shard.count !== count) throw new InputError('--merge', file, `is shard ${shard}, of another split than ${first!.file} (shard ${shardText(first!.part.shard)})`);
    const twin = byIndex.get(part.shard.index);
    if (twin !== undefined) throw new InputError('--merge', file, `is shard ${shard} again (${twin} is that shard too)`);
    byIndex.set(part.shard.index, file);
    if (part.interrupted) throw new InputError('--merge', file, `is an interrupted shard (${part.interrupted.runsNotMade} of its runs not made): run shard ${shard} again`);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new InputError('--merge', read.map((r) => r.file).join(' '), `lacks shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} of ${count}`);
  const runs = read.flatMap(({ part }) => part.runs);
  if (runs.length !== first!.part.tasks) throw new InputError('--merge', read.map((r) => r.file).join(' '), `hold ${runs.length} runs; the benchmark has ${first!.part.tasks}`);
  const seen = new Set<string>();
  for (const run of runs) {
    const key = `${run.claim} ${run.seed} ${run.factor}`;
    if (seen.has(key)) throw new InputError('--merge', key, 'is a run two shards made: the shards overlap');
    seen.add(key);
  }
  // Back in the order of the unsharded benchmark (shard i holds tasks k with k mod n = i − 1, in order).
  let inOrder: (PowerRun | undefined)[];
  try {
    inOrder = unshard(runs.length, count, new Map(read.map(({ part }) => [part.shard.index, part.runs])));
  } catch (error) {
    throw new InputError('--merge', read.map((r) => r.file).join(' '), `are not the shards' own runs (${(error as Error).message})`);
  }
  const environments = [...new Set(read.map(({ part }) => part.environment))];
  return {
    about: {
      command: `${first!.part.command} --shard i/${count}, merged`,
      seeds: first!.part.seeds,
      environment: `${count} shards: ${environments.join('; ')}`,
      seconds: read.reduce((s, { part }) => s + part.seconds, 0),
    },
    runs: inOrder as PowerRun[],
  };
}

function parsePart(file: string, text: string): PowerPart {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError('--merge', file, `is not JSON (${(error as Error).message})`);
  }
  const part = value as Partial<PowerPart> | null;
  const fields: (keyof PowerPart)[] = ['shard', 'tasks', 'runs', 'command', 'seeds', 'environment', 'seconds'];
  const absent = fields.filter((f) => part === null || typeof part !== 'object' || part[f] === undefined);
  if (absent.length > 0) throw new InputError('--merge', file, `is not a shard of the power benchmark (no ${absent.join(', ')}; write shards with samcheck power --shard i/n --write FILE.json)`);
  const { index, count } = part!.shard as Partial<Shard>;
  const wholeShard = Number.isInteger(index) && Number.isInteger(count) && index! >= 1 && index! <= count!;
  if (!wholeShard || !Array.isArray(part!.runs)) throw new InputError('--merge', file, `has a damaged shard or runs field (shard ${JSON.stringify(part!.shard)})`);
  return part as PowerPart;
}
