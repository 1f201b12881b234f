import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { ProfileService } from '../service/ProfileService';
import { parseEntityRefParams } from './parseEntityRefParams';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  profiles: ProfileService;
}

/** Thin routes: parse, call a service, respond. Errors are mapped by the plugin's error handler. */
export function createRouter({
  httpAuth,
  profiles,
}: RouterOptions): express.Router {
  const router = Router();
  router.use(express.json());

  router.get('/profile/:kind/:namespace/:name', async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    res.json(await profiles.getProfile(entityRef, credentials));
  });

  return router;
}
