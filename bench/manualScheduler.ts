/*
 * A scheduler for the steady-state backend of the evaluation benchmark: tasks are registered but
 * run only when triggered (by the benchmark, or by a plugin itself), each at most once at a time
 * (a trigger while it runs is a ConflictError, as with Backstage's scheduler). Every run is
 * recorded, so the benchmark knows when the backend is idle and how long each run took.
 */
import {
  SchedulerService,
  SchedulerServiceTaskDescriptor,
  SchedulerServiceTaskInvocationDefinition,
  SchedulerServiceTaskRunner,
  SchedulerServiceTaskScheduleDefinition,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';

export interface TaskRun {
  task: string;
  startedAt: number;
  endedAt?: number;
  error?: string;
}

type Task = SchedulerServiceTaskScheduleDefinition &
  SchedulerServiceTaskInvocationDefinition;

export class ManualScheduler implements SchedulerService {
  private readonly tasks = new Map<
    string,
    { task: Task; abort: AbortController }
  >();
  private readonly running = new Map<string, Promise<void>>();
  readonly runs: TaskRun[] = [];

  factory() {
    return createServiceFactory({
      service: coreServices.scheduler,
      deps: {},
      factory: () => this,
    });
  }

  async scheduleTask(task: Task): Promise<void> {
    this.tasks.set(task.id, { task, abort: new AbortController() });
  }

  createScheduledTaskRunner(
    schedule: SchedulerServiceTaskScheduleDefinition,
  ): SchedulerServiceTaskRunner {
    return { run: async task => this.scheduleTask({ ...task, ...schedule }) };
  }

  async getScheduledTasks(): Promise<SchedulerServiceTaskDescriptor[]> {
    return [...this.tasks.values()].map(({ task }) => ({
      id: task.id,
      scope: task.scope ?? 'global',
      settings: { version: 1 },
    }));
  }

  async cancelTask(id: string): Promise<void> {
    const entry = this.tasks.get(id);
    if (!entry) throw new NotFoundError(`Task ${id} not found`);
    entry.abort.abort();
    entry.abort = new AbortController();
  }

  /** Starts a run; resolves once it has started (see `run` to wait for its end). */
  async triggerTask(id: string): Promise<void> {
    this.start(id);
  }

  /** Runs the task now and resolves with its record when it ends. */
  async run(id: string): Promise<TaskRun> {
    const record = this.start(id);
    await this.running.get(id);
    return record;
  }

  /** Resolves when no task is running. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.all(this.running.values());
  }

  private start(id: string): TaskRun {
    const entry = this.tasks.get(id);
    if (!entry) throw new NotFoundError(`Task ${id} not found`);
    if (this.running.has(id))
      throw new ConflictError(`Task ${id} is currently running`);
    const record: TaskRun = { task: id, startedAt: Date.now() };
    this.runs.push(record);
    const done = (async () => {
      try {
        await entry.task.fn(entry.abort.signal);
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
      } finally {
        record.endedAt = Date.now();
        this.running.delete(id);
      }
    })();
    this.running.set(id, done);
    return record;
  }
}
