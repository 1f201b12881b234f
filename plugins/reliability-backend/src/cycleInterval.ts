import { ReliabilitySettings } from './config';

/**
 * How often the pipeline's cycle runs, in minutes: as often as the more frequent of reading
 * definitions and evaluating SLOs.
 */
export function cycleIntervalMinutes(
  settings: Pick<
    ReliabilitySettings,
    'refreshIntervalMinutes' | 'evaluationIntervalMinutes'
  >,
): number {
  return Math.min(
    settings.refreshIntervalMinutes,
    settings.evaluationIntervalMinutes,
  );
}
