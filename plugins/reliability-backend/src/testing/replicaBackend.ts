/*
 * Child process of the replica tests (forked by replicaProcess.ts): one replica of the portal's
 * backend as deployed — the real catalog and the reliability plugin on Backstage's own database
 * service (`backend.database`) and scheduler (global tasks leased in the database) — with the
 * configuration (JSON) in the file given as first argument.
 *
 * IPC: sends {type:'ready', port} once the backend listens; exits on {type:'stop'}.
 */
/* eslint-disable @backstage/no-undeclared-imports -- a test helper, run from source, never built */
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import fs from 'node:fs';
import { AddressInfo } from 'node:net';
import reliabilityPlugin from '..';

async function main() {
  const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      reliabilityPlugin,
      databaseServiceFactory,
      schedulerServiceFactory,
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.rootLogger.factory({ level: 'info' }),
      mockServices.rootConfig.factory({ data: config }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  process.send!({ type: 'ready', port });
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'stop') process.exit(0);
  });
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
