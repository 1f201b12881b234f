/*
 * Resident memory of another process (the backend child), from /proc/PID/status: the current RSS
 * (VmRSS) and the peak (VmHWM). Writing 5 to /proc/PID/clear_refs resets the peak to the current
 * RSS (Linux ≥ 4.0), so the peak of one cycle can be read; a sampler reads VmRSS every 200 ms as
 * well, in case the reset is not permitted.
 */
import fs from 'node:fs';

const MIB = 1024;

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const mib = (kb: number | undefined) =>
  kb === undefined ? undefined : Math.round((kb / MIB) * 10) / 10;

export function rssMiB(pid: number) {
  return mib(statusKb(pid, 'VmRSS'));
}

export function peakRssMiB(pid: number) {
  return mib(statusKb(pid, 'VmHWM'));
}

/** Starts watching: `stop()` returns the RSS at the start and the highest RSS seen since. */
export function watchRss(pid: number) {
  let peakReset = false;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    peakReset = true;
  } catch {
    // not permitted: the sampler alone
  }
  const startKb = statusKb(pid, 'VmRSS');
  let maxKb = startKb ?? 0;
  const timer = setInterval(() => {
    maxKb = Math.max(maxKb, statusKb(pid, 'VmRSS') ?? 0);
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      const hwm = peakReset ? statusKb(pid, 'VmHWM') ?? 0 : 0;
      const peakKb = Math.max(maxKb, hwm, statusKb(pid, 'VmRSS') ?? 0);
      return {
        startMiB: mib(startKb),
        peakMiB: mib(peakKb),
        growthMiB: mib(peakKb - (startKb ?? 0)),
        peakFrom: peakReset ? 'VmHWM after reset' : 'VmRSS every 200 ms',
      };
    },
  };
}
