/** The time spent per metric source in a cycle, to name the slowest in the log. */
export class SourceTimings {
  private readonly bySource = new Map<string, { ms: number; slos: number }>();

  add(source: string, ms: number): void {
    const entry = this.bySource.get(source) ?? { ms: 0, slos: 0 };
    entry.ms += ms;
    entry.slos += 1;
    this.bySource.set(source, entry);
  }

  /** The sources that took longest in total, slowest first. */
  slowest(count: number): Array<{ source: string; ms: number; slos: number }> {
    return [...this.bySource.entries()]
      .map(([source, entry]) => ({ source, ...entry }))
      .sort((a, b) => b.ms - a.ms || a.source.localeCompare(b.source))
      .slice(0, count);
  }
}
