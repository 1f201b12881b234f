/** Memory of this process, in MiB: after a full GC when node runs with --expose-gc. */
export function memorySnapshot() {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const usage = process.memoryUsage();
  const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return {
    rssMiB: mib(usage.rss),
    heapUsedMiB: mib(usage.heapUsed),
    heapTotalMiB: mib(usage.heapTotal),
    externalMiB: mib(usage.external),
    /** Highest RSS of the process so far (includes the projection, for the backend). */
    peakRssMiB: mib(process.resourceUsage().maxRSS * 1024),
    gcBeforeMeasuring: Boolean(gc),
  };
}
