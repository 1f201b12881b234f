import { ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A replica of the backend running in a child process (replicaBackend.ts). */
export interface Replica {
  name: string;
  /** Base URL of its API, e.g. `http://127.0.0.1:41234/api/reliability`. */
  api: string;
  /** Its log (everything it printed). */
  logFile: string;
  /** The end of its log, for failure messages. */
  logTail(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Ends the process at once, as a crash or an OOM kill would (SIGKILL). */
  kill(): Promise<void>;
  /** Ends the process (asks it to exit; kills it after 10 s). */
  stop(): Promise<void>;
}

/**
 * Forks a replica with the given configuration (written as JSON next to its log, in `dir`) and
 * waits until it listens. Its output goes to `<dir>/<name>.log`.
 */
export async function startReplica(
  name: string,
  config: object,
  dir: string,
): Promise<Replica> {
  const configFile = path.join(dir, `${name}.config.json`);
  const logFile = path.join(dir, `${name}.log`);
  fs.writeFileSync(configFile, JSON.stringify(config));
  const log = fs.openSync(logFile, 'w');
  const child: ChildProcess = fork(
    // eslint-disable-next-line no-restricted-syntax -- a test helper, run from source
    path.join(__dirname, 'replicaBackend.ts'),
    [configFile],
    {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      stdio: ['ignore', log, log, 'ipc'],
      // Not jest's `test`: Backstage's scheduler starts its janitor (which frees the leases of
      // dead replicas) only outside tests.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  fs.closeSync(log);
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', code =>
      reject(
        new Error(
          `replica ${name} exited (${code}) before it listened:\n${fs
            .readFileSync(logFile, 'utf8')
            .slice(-3000)}`,
        ),
      ),
    );
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message?.type === 'ready') resolve(message.port!);
    });
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    api: `http://127.0.0.1:${port}/api/reliability`,
    logFile,
    logTail: () => fs.readFileSync(logFile, 'utf8').slice(-3000),
    alive,
    async kill() {
      if (alive()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!alive()) return;
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
