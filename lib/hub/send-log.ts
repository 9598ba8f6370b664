// Our own requests of the last rate-limit window, per bucket: what the client's budget counts. Requests less
// than a second apart share one entry (first and last time, count), so the log holds at most one entry per
// second of the window whatever the quota: a busy five minutes costs a few hundred entries, not one number
// per request. An entry leaves the window with its last request, so the count never runs below the truth.

/** One run of requests: sent from `first` to `last` (less than a second apart), `count` of them. */
export type SendRun = [first: number, last: number, count: number];

const RUN_SPAN_MS = 1000;

export interface SendLog {
  /** Notes one request sent at `at`. A time before the last run began (a clock set back) joins that run. */
  add(at: number): void;
  /** Requests still in the window at `now`. */
  count(now: number): number;
  /** When the oldest request still counted leaves the window (undefined when none is counted). */
  nextRelease(now: number): number | undefined;
  /** The runs still in the window, oldest first (what the client saves across restarts). */
  runs(now: number): SendRun[];
  /** Takes saved runs (or single times, as saved before runs existed); those out of the window go at the next count. */
  restore(saved: unknown, now: number): void;
}

/** Appends `run` to `list` (in time order), merged into the last run when it began less than a second after it. */
function append(list: SendRun[], run: SendRun): void {
  const last = list[list.length - 1];
  if (last && run[0] - last[0] < RUN_SPAN_MS) {
    last[1] = Math.max(last[1], run[1]);
    last[2] += run[2];
  } else {
    list.push(run);
  }
}

export function createSendLog(windowMs: number): SendLog {
  let runs: SendRun[] = [];
  let total = 0;
  /** Drops the runs whose last request has left the window. */
  const expire = (now: number) => {
    const cutoff = now - windowMs;
    let gone = 0;
    while (gone < runs.length && runs[gone][1] <= cutoff) total -= runs[gone++][2];
    runs.splice(0, gone);
  };
  return {
    add(at) {
      append(runs, [at, at, 1]);
      total++;
    },
    count(now) {
      expire(now);
      return total;
    },
    nextRelease(now) {
      expire(now);
      return runs.length ? runs[0][1] + windowMs : undefined;
    },
    runs(now) {
      expire(now);
      return runs.map((run) => [...run] as SendRun);
    },
    restore(saved, now) {
      if (!Array.isArray(saved)) return;
      const finite = (value: unknown): value is number => Number.isFinite(value);
      const restored: SendRun[] = [];
      for (const item of saved) {
        const run: unknown[] = Array.isArray(item) ? item : [item, item, 1];
        const [first, last, count] = run;
        if (!finite(first) || !finite(last) || !finite(count) || count < 1 || first > last || last > now) continue;
        restored.push([first, last, Math.floor(count)]);
      }
      // In time order, and runs less than a second apart merged, as add() keeps them.
      const merged: SendRun[] = [];
      for (const run of [...restored, ...runs].sort((a, b) => a[0] - b[0])) append(merged, run);
      runs = merged;
      total = runs.reduce((sum, run) => sum + run[2], 0);
    },
  };
}
