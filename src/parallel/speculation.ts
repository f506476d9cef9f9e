/**
 * Evaluations announced ahead of need (an audit's upcoming cases, src/audit/compass.ts), run on a
 * pool in small chunks, at most `slots` chunks at a time (the caller gives two per job), in this
 * order: the chunk holding the case asked for now, then the newest announcement (after a move of
 * the search, the rest of its poll, which is what it asks for next), then older ones. Announcements made stale by a move would
 * otherwise hold the workers while the search waits for the case it needs. Queued chunks beyond
 * MAX_QUEUED are dropped, oldest first, and results never asked for are forgotten past
 * MAX_REMEMBERED; a case dropped or forgotten is evaluated again if it is ever asked for.
 */
import type { CaseSpec } from '../algorithms/case.js';

/** Cases per task: an evaluation takes milliseconds, a task's round trip a fraction of one. */
const CHUNK = 4;
const MAX_QUEUED = 256;
const MAX_REMEMBERED = 4096;

interface Expected {
  readonly key: string;
  readonly instance: CaseSpec;
  readonly promise: Promise<number>;
  resolve(value: number): void;
  reject(error: unknown): void;
}

export interface Speculation {
  /** Cases the search is about to ask for. */
  announce(instances: readonly CaseSpec[]): void;
  /** The value of one case: from its announced chunk (moved to the front if still queued), or evaluated now. */
  value(instance: CaseSpec): Promise<number>;
  /** Drops what is queued and resolves when no chunk is running (the pool may then close). */
  settled(): Promise<void>;
}

export function speculation(slots: number, evaluate: (instances: readonly CaseSpec[]) => Promise<number[]>): Speculation {
  /** Announced cases not yet asked for, by key, oldest first. */
  const known = new Map<string, Expected>();
  const queue: Expected[][] = [];
  const running = new Set<Promise<void>>();
  const keyOf = (instance: CaseSpec) => JSON.stringify(instance);

  const pump = () => {
    while (running.size < slots && queue.length > 0) {
      const chunk = queue.shift()!;
      const done: Promise<void> = evaluate(chunk.map((e) => e.instance)).then(
        (values) => chunk.forEach((e, j) => e.resolve(values[j]!)),
        (error: unknown) => chunk.forEach((e) => e.reject(error)),
      );
      running.add(done);
      void done.finally(() => {
        running.delete(done);
        pump();
      });
    }
  };
  const expect = (instance: CaseSpec, key: string): Expected => {
    let resolve!: (value: number) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<number>((yes, no) => ((resolve = yes), (reject = no)));
    promise.catch(() => {}); // a case never asked for must not crash the process when its worker fails
    return { key, instance, promise, resolve, reject };
  };
  const forget = (e: Expected) => {
    if (known.get(e.key) === e) known.delete(e.key);
  };

  return {
    announce(instances) {
      const fresh: Expected[] = [];
      for (const instance of instances) {
        const key = keyOf(instance);
        if (known.has(key)) continue;
        const e = expect(instance, key);
        known.set(key, e);
        fresh.push(e);
      }
      const chunks: Expected[][] = [];
      for (let start = 0; start < fresh.length; start += CHUNK) chunks.push(fresh.slice(start, start + CHUNK));
      queue.unshift(...chunks);
      for (const dropped of queue.splice(MAX_QUEUED)) dropped.forEach(forget);
      for (const [, e] of known) {
        if (known.size <= MAX_REMEMBERED) break;
        forget(e);
      }
      pump();
    },
    value(instance) {
      const key = keyOf(instance);
      let e = known.get(key);
      if (e === undefined) {
        e = expect(instance, key);
        queue.unshift([e]);
      } else {
        known.delete(key); // asked for once: a search that comes back to a case asks again
        const at = queue.findIndex((chunk) => chunk.includes(e!));
        if (at > 0) queue.unshift(...queue.splice(at, 1));
      }
      pump();
      return e.promise;
    },
    async settled() {
      queue.length = 0;
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
