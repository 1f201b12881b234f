/**
 * The time each metric source was being waited on in a cycle, to name the slowest in the log:
 * the union of its SLOs' measuring intervals, so SLOs measured at once (a wave) count once.
 */
export class SourceTimings {
  private readonly bySource = new Map<
    string,
    { intervals: Array<[number, number]>; slos: number }
  >();

  /** One SLO measured from `startedAt` to `endedAt` (epoch ms) against `source`. */
  add(source: string, startedAt: number, endedAt: number): void {
    const entry = this.bySource.get(source) ?? { intervals: [], slos: 0 };
    entry.intervals.push([startedAt, endedAt]);
    entry.slos += 1;
    this.bySource.set(source, entry);
  }

  /** The sources waited on longest, slowest first. */
  slowest(count: number): Array<{ source: string; ms: number; slos: number }> {
    return [...this.bySource.entries()]
      .map(([source, { intervals, slos }]) => ({
        source,
        ms: unionMs(intervals),
        slos,
      }))
      .sort((a, b) => b.ms - a.ms || a.source.localeCompare(b.source))
      .slice(0, count);
  }
}

function unionMs(intervals: Array<[number, number]>): number {
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}
