/**
 * `--shard i/n`: one of n parts of a job, so that a run can outgrow one machine. The work is a
 * list of tasks in the job's order (the checks, then the counterexample files replayed); shard i
 * takes the tasks whose index k (from 0) has k mod n = i − 1. Every task draws only from its own
 * seed (cardSeed), so with one --seed the shards' results together are the unsharded run's,
 * and `unshard` puts them back in its order.
 */
import { cardSeed } from '../check/check-card.js';

export interface Shard {
  /** Which part, from 1. */
  readonly index: number;
  /** Of how many. */
  readonly count: number;
}

export const MAX_SHARDS = 1000;

/** "2/4" for messages and tables. */
export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}

/** "2-of-4", for file names. */
export function shardName(shard: Shard): string {
  return `${shard.index}-of-${shard.count}`;
}

/** Whether the task at `index` (from 0, in the job's order) belongs to `shard`. */
export function inShard(index: number, shard: Shard): boolean {
  return index % shard.count === shard.index - 1;
}

/** The tasks of `shard`, in their order. */
export function tasksOf<T>(tasks: readonly T[], shard: Shard): T[] {
  return tasks.filter((_, k) => inShard(k, shard));
}

/**
 * The shards' results back in the job's order: `parts.get(i)` holds shard i's results in its
 * order, so task k is the next result of shard (k mod count) + 1. A task of a shard that is absent
 * is undefined. Throws when a part holds more or fewer results than its shard has tasks.
 */
export function unshard<T>(tasks: number, count: number, parts: ReadonlyMap<number, readonly T[]>): (T | undefined)[] {
  for (const [index, part] of parts) {
    const expected = Math.max(0, Math.ceil((tasks - (index - 1)) / count));
    if (part.length !== expected) throw new RangeError(`shard ${index}/${count} holds ${part.length} results; it has ${expected} tasks of ${tasks}`);
  }
  return Array.from({ length: tasks }, (_, k) => parts.get((k % count) + 1)?.[Math.floor(k / count)]);
}

/**
 * The seed of shard i's own search, where the work cannot be split (an audit is one search): a
 * hash of (seed, i), not seed + i, so that the shards of seed S and of seed S + 1 do not repeat
 * each other's searches. Within [0, 2³² − 1], so that it can be given back to --seed to rerun that
 * search alone.
 */
export function shardSeed(seed: number, index: number): number {
  return cardSeed(seed, `shard ${index}`) >>> 0;
}
