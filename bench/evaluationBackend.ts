/*
 * Child process of bench/evaluation.ts: the portal's backend as the tests start it — the real
 * catalog with the reliability catalog module, and the reliability backend plugin — on the
 * benchmark's databases (Backstage's database service, `backend.database`), reading the generated
 * catalog files and the benchmark's Prometheus.
 *
 *   --config FILE      the backend's configuration (JSON), written by evaluation.ts
 *   --scheduler real   Backstage's scheduler: tasks run as deployed (cold start)
 *   --scheduler manual tasks run only when triggered, by the benchmark or by a plugin itself
 *                      (bench/manualScheduler.ts): steady state
 *
 * IPC: sends {type:'ready', port}. With the manual scheduler it answers {type:'tasks'} with
 * {type:'tasks', tasks, runs} (the scheduled task ids and every run so far), {type:'idle'} with
 * {type:'idle', runs} once no task runs, and {type:'run', task} with {type:'ran', run} when that
 * run ended (it first waits until no task runs). It exits on {type:'stop'}.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleReliability from '@reliability-suite/plugin-catalog-backend-module-reliability';
import reliabilityPlugin from '@reliability-suite/plugin-reliability-backend';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import { ManualScheduler } from './manualScheduler';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};

async function main() {
  const config = JSON.parse(fs.readFileSync(option('config')!, 'utf8'));
  const manual = option('scheduler') === 'manual';
  const scheduler = new ManualScheduler();
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleReliability,
      reliabilityPlugin,
      databaseServiceFactory,
      manual ? scheduler.factory() : schedulerServiceFactory,
      mockServices.rootLogger.factory({
        level: (process.env.BENCH_BACKEND_LOG_LEVEL as any) ?? 'info',
      }),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  process.send!({ type: 'ready', port });

  const peaks = memoryPeaks();
  process.on('message', async (message: any) => {
    if (message?.type === 'tasks' && manual) {
      const tasks = (await scheduler.getScheduledTasks()).map(t => t.id);
      process.send!({ type: 'tasks', tasks, runs: scheduler.runs });
    } else if (message?.type === 'idle' && manual) {
      await scheduler.idle();
      process.send!({ type: 'idle', runs: scheduler.runs });
    } else if (message?.type === 'run' && manual) {
      // A plugin may have started a run of its own meanwhile: wait for it.
      let run;
      for (;;) {
        await scheduler.idle();
        try {
          run = await scheduler.run(message.task);
          break;
        } catch (error) {
          if ((error as Error).name !== 'ConflictError') throw error;
        }
      }
      const memory = peaks.take();
      process.send!({
        type: 'ran',
        run: { ...run, memory: { ...memory, heapUsedAfterGc: heapAfterGc() } },
      });
    } else if (message?.type === 'memory') {
      // Starts a new period of the memory peaks.
      peaks.take();
      process.send!({ type: 'memory' });
    } else if (message?.type === 'stop') {
      // Running tasks do not all honour the abort signal: leave without waiting for them.
      server.close?.();
      process.exit(0);
    }
  });
}

/** The heap still in use after a full garbage collection (MiB): what the backend holds. */
function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  return Math.round(process.memoryUsage().heapUsed / 2 ** 20);
}

/** Peaks of the process's memory by kind (MiB), sampled every 200 ms since the last take. */
function memoryPeaks() {
  let peak: Record<string, number> = {};
  const sample = () => {
    for (const [kind, bytes] of Object.entries(process.memoryUsage()))
      peak[kind] = Math.max(peak[kind] ?? 0, Math.round(bytes / 2 ** 20));
  };
  setInterval(sample, 200).unref();
  return {
    take() {
      sample();
      const taken = peak;
      peak = {};
      return taken;
    },
  };
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
