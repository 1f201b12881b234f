import { ThresholdOperator } from '../slo';

/** One slice of a Timeslices / RatioTimeslices SLO: its good and total events, or a value. */
export interface Slice {
  good?: number;
  total?: number;
  /** For threshold SLIs: the measured value of the slice. */
  value?: number;
}

/** Whether `value op threshold` holds (threshold SLIs). */
export function meetsThreshold(
  value: number,
  op: ThresholdOperator,
  threshold: number,
): boolean {
  switch (op) {
    case 'lt':
      return value < threshold;
    case 'lte':
      return value <= threshold;
    case 'gt':
      return value > threshold;
    default:
      return value >= threshold;
  }
}

/**
 * Classifies one slice as good, bad or without data. A ratio slice is good when its good/total
 * reaches `timeSliceTarget`; a threshold slice when its value meets the threshold. A slice without
 * events or value has no data and counts neither way.
 */
export function sliceVerdict(
  slice: Slice,
  rule: {
    timeSliceTarget?: number;
    op?: ThresholdOperator;
    threshold?: number;
  },
): 'good' | 'bad' | 'nodata' {
  if (slice.value !== undefined && rule.op && rule.threshold !== undefined) {
    if (!Number.isFinite(slice.value)) return 'nodata';
    return meetsThreshold(slice.value, rule.op, rule.threshold)
      ? 'good'
      : 'bad';
  }
  if (
    slice.total === undefined ||
    !(slice.total > 0) ||
    slice.good === undefined
  )
    return 'nodata';
  return slice.good / slice.total >= (rule.timeSliceTarget ?? 1)
    ? 'good'
    : 'bad';
}

/**
 * Timeslices SLI: good slices / slices with data. Every slice weighs the same, however much
 * traffic it had. No slice with data → undefined (no data).
 */
export function timeslicesSli(
  verdicts: Array<'good' | 'bad' | 'nodata'>,
): number | undefined {
  const counted = verdicts.filter(v => v !== 'nodata');
  if (counted.length === 0) return undefined;
  return counted.filter(v => v === 'good').length / counted.length;
}

/**
 * RatioTimeslices SLI (OpenSLO): the average of the per-slice ratios good/total, over slices
 * with traffic. Unlike Occurrences, a quiet slice weighs as much as a busy one.
 */
export function ratioTimeslicesSli(slices: Slice[]): number | undefined {
  const ratios = slices
    .filter(s => s.total !== undefined && s.total > 0 && s.good !== undefined)
    .map(s => Math.min(1, Math.max(0, s.good! / s.total!)));
  if (ratios.length === 0) return undefined;
  return ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
}
