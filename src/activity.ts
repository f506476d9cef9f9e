/**
 * What a long computation is doing right now, for a progress display that must stay alive while
 * one case runs for a long time (the whole suite is synchronous, so no timer can fire meanwhile).
 *
 * The computation says what it is doing (`activity`) and, from its inner loops, that it is still
 * at it (`heartbeat`); a listener, when one is set (the CLI's progress bar or lines), is told both
 * and decides itself how often to redraw. With no listener both cost one comparison.
 */

export interface ActivityListener {
  /** The computation now does `what` (e.g. "verifying in decimal at 40 and 80 digits"). */
  activity(what: string): void;
  /** The computation is still at it; called often (every step of a run). */
  heartbeat(): void;
}

let listener: ActivityListener | undefined;
let beats = 0;

/**
 * Heartbeats between two calls of the listener: a float64 step takes a microsecond or two, about
 * what reading the clock costs, so the listener hears every 32nd (a decimal step takes
 * milliseconds, so even then it hears one every fraction of a second).
 */
const BEATS_PER_CALL = 32;

/** Sets the listener (undefined: none) and returns the previous one, to restore it after. */
export function setActivityListener(next: ActivityListener | undefined): ActivityListener | undefined {
  const previous = listener;
  listener = next;
  return previous;
}

export function activity(what: string): void {
  listener?.activity(what);
}

export function heartbeat(): void {
  if (listener !== undefined && ++beats % BEATS_PER_CALL === 0) listener.heartbeat();
}

/**
 * A heartbeat heard at once: from a thread that waits on worker threads (src/parallel/), whose
 * computation beats elsewhere, on a timer.
 */
export function pulse(): void {
  listener?.heartbeat();
}
