import {
  LifecycleService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { CatalogReadiness } from './CatalogReadiness';

/**
 * Starts the pipeline once the backend is up: waits (in the background, start-up is not held)
 * until the catalog has finished its first processing or the longest wait has passed, then
 * schedules the pipeline's task and runs a cycle at once, whatever the schedule stored by an
 * earlier run says. When the wait timed out, it keeps watching and runs another cycle at once when
 * the catalog has loaded, so definitions and history are read from the whole catalog without
 * waiting for the next interval.
 */
export function startPipelineWhenCatalogLoaded(options: {
  lifecycle: LifecycleService;
  scheduler: SchedulerService;
  logger: LoggerService;
  catalog: Pick<CatalogReadiness, 'waitForFirstCycle' | 'waitUntilLoaded'>;
  task: SchedulerServiceTaskScheduleDefinition &
    SchedulerServiceTaskInvocationDefinition;
}): void {
  const { lifecycle, scheduler, logger, catalog, task } = options;
  const shutdown = new AbortController();
  lifecycle.addShutdownHook(() => shutdown.abort());

  const runNow = async () => {
    try {
      await scheduler.triggerTask(task.id);
    } catch (error) {
      // A cycle is running already (here or on another replica): it will do.
      if (isError(error) && error.name === 'ConflictError') return;
      logger.warn(`Could not start a reliability cycle now: ${error}`);
    }
  };

  const start = async () => {
    const outcome = await catalog.waitForFirstCycle(shutdown.signal);
    if (outcome === 'aborted') return;
    await scheduler.scheduleTask({ ...task, signal: shutdown.signal });
    await runNow();
    if (
      outcome === 'timeout' &&
      (await catalog.waitUntilLoaded(shutdown.signal))
    ) {
      await runNow();
    }
  };

  lifecycle.addStartupHook(() => {
    start().catch(error =>
      logger.error(`Could not start the reliability pipeline: ${error}`),
    );
  });
}
