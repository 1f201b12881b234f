import { HttpAuthService } from '@backstage/backend-plugin-api';
import express from 'express';
import { TierDefinition } from '@reliability-suite/plugin-reliability-common';
import Router from 'express-promise-router';
import { AlertAuditService } from '../service/AlertAuditService';
import { DeployGateService } from '../service/DeployGateService';
import { ProfileService } from '../service/ProfileService';
import { ReadinessService } from '../service/ReadinessService';
import { ReviewQueueService } from '../service/ReviewQueueService';
import { RulesService } from '../service/RulesService';
import { SloService } from '../service/SloService';
import { ScorecardService } from '../scorecard/ScorecardService';
import {
  parseDeployGateQuery,
  parseOverrideBody,
} from './parseDeployGateRequests';
import { clientErrorHandler } from './clientErrorHandler';
import { parseEntityRefParams } from './parseEntityRefParams';
import {
  parseAttestation,
  parseReview,
  parseReviewAction,
  parseReviewId,
  parseReviewQueue,
  parseWaiver,
} from './parseReadinessRequests';
import {
  parseWeeklyReviewQuery,
  scorecardRequestParsers,
} from './parseScorecardRequests';

interface RouterOptions {
  httpAuth: HttpAuthService;
  profiles: ProfileService;
  slos: SloService;
  deployGate: DeployGateService;
  rules: RulesService;
  /** The alert audit per entity; without it `GET /alerts/…` is not served. */
  alerts?: AlertAuditService;
  readiness: ReadinessService;
  reviewQueue: ReviewQueueService;
  scorecard: ScorecardService;
  /** The configured tiers: served as they are, and what the scorecard's tier filter accepts. */
  tiers: ReadonlyArray<TierDefinition>;
}

/** Thin routes: parse, call a service, respond. Errors are mapped by the plugin's error handler. */
export function createRouter({
  httpAuth,
  profiles,
  slos,
  deployGate,
  rules,
  alerts,
  readiness,
  reviewQueue,
  scorecard,
  tiers,
}: RouterOptions): express.Router {
  const router = Router();
  router.use(express.json());
  const anyCaller = { allow: ['user', 'service'] as Array<'user' | 'service'> };
  const parseScorecard = scorecardRequestParsers(tiers);

  router.get('/tiers', async (req, res) => {
    await httpAuth.credentials(req, anyCaller);
    res.json({ tiers });
  });

  router.get('/profile/:kind/:namespace/:name', async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    res.json(
      await profiles.getProfile(
        entityRef,
        await httpAuth.credentials(req, anyCaller),
      ),
    );
  });

  router.get('/slos/:kind/:namespace/:name', async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    res.json(
      await slos.getEntitySlos(
        entityRef,
        await httpAuth.credentials(req, anyCaller),
      ),
    );
  });

  router.post('/slos/:kind/:namespace/:name/evaluate', async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    res.json(
      await slos.evaluateNow(
        entityRef,
        await httpAuth.credentials(req, { allow: ['user'] }),
      ),
    );
  });

  router.get('/rules/:kind/:namespace/:name', async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    const yaml = await rules.rulesYaml(
      entityRef,
      await httpAuth.credentials(req, anyCaller),
    );
    res.type('application/yaml');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${entityRef.replace(/[:/]/g, '-')}.rules.yaml"`,
    );
    res.send(yaml);
  });

  if (alerts) {
    router.get('/alerts/:kind/:namespace/:name', async (req, res) => {
      const entityRef = parseEntityRefParams(req.params);
      res.json(
        await alerts.entityAlerts(
          entityRef,
          await httpAuth.credentials(req, anyCaller),
        ),
      );
    });
  }

  router.get('/deploy-gate', async (req, res) => {
    const { entityRef } = parseDeployGateQuery(req.query);
    res.json(
      await deployGate.decide(
        entityRef,
        await httpAuth.credentials(req, anyCaller),
      ),
    );
  });

  router.get('/deploy-gate/overrides', async (req, res) => {
    const { entityRef } = parseDeployGateQuery(req.query);
    res.json({
      overrides: await deployGate.overrideHistory(
        entityRef,
        await httpAuth.credentials(req, anyCaller),
      ),
    });
  });

  router.post('/deploy-gate/overrides', async (req, res) => {
    const request = parseOverrideBody(req.body);
    res
      .status(201)
      .json(
        await deployGate.override(
          request,
          await httpAuth.credentials(req, { allow: ['user'] }),
        ),
      );
  });

  const entityPath = '/readiness/:kind/:namespace/:name';
  const user = { allow: ['user'] as Array<'user'> };

  router.get(entityPath, async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    res.json(
      await readiness.readiness(
        entityRef,
        await httpAuth.credentials(req, anyCaller),
      ),
    );
  });

  router.get(`${entityPath}/events`, async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    const events = await readiness.events(
      entityRef,
      await httpAuth.credentials(req, anyCaller),
    );
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${entityRef.replace(/[:/]/g, '-')}.audit.json"`,
    );
    res.json(events);
  });

  router.post(`${entityPath}/attestations`, async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    const request = parseAttestation(req.body);
    res
      .status(201)
      .json(
        await readiness.attest(
          entityRef,
          request,
          await httpAuth.credentials(req, user),
        ),
      );
  });

  router.post(`${entityPath}/waivers`, async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    const request = parseWaiver(req.body);
    res
      .status(201)
      .json(
        await readiness.waive(
          entityRef,
          request,
          await httpAuth.credentials(req, user),
        ),
      );
  });

  router.post(`${entityPath}/reviews`, async (req, res) => {
    const entityRef = parseEntityRefParams(req.params);
    const request = parseReview(req.body);
    res
      .status(201)
      .json(
        await readiness.openReview(
          entityRef,
          request,
          await httpAuth.credentials(req, user),
        ),
      );
  });

  router.get('/reviews', async (req, res) => {
    const filter = parseReviewQueue(req.query);
    res.json(
      await reviewQueue.openReviews(
        filter,
        await httpAuth.credentials(req, anyCaller),
      ),
    );
  });

  router.post('/reviews/:id/actions', async (req, res) => {
    const id = parseReviewId(req.params);
    const request = parseReviewAction(req.body);
    res.json(
      await readiness.act(id, request, await httpAuth.credentials(req, user)),
    );
  });

  router.get('/scorecard', async (req, res) => {
    const query = parseScorecard.page(req.query);
    res.json(
      await scorecard.page(query, await httpAuth.credentials(req, anyCaller)),
    );
  });

  router.get('/scorecard/rollups', async (req, res) => {
    const { by, filter } = parseScorecard.rollups(req.query);
    res.json(
      await scorecard.rollups(
        by,
        filter,
        await httpAuth.credentials(req, anyCaller),
      ),
    );
  });

  router.get('/scorecard/export', async (req, res) => {
    const { format, ...query } = parseScorecard.export(req.query);
    const credentials = await httpAuth.credentials(req, anyCaller);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="reliability-scorecard.${format}"`,
    );
    if (format === 'json') {
      res.json(await scorecard.rows(query, credentials));
    } else {
      const lines = await scorecard.csvLines(query, credentials);
      res.type('text/csv').send(lines.join(''));
    }
  });

  router.get('/scorecard/trends', async (req, res) => {
    const { days, filter } = parseScorecard.trends(req.query);
    res.json({
      days: await scorecard.trends(
        days,
        filter,
        await httpAuth.credentials(req, anyCaller),
      ),
    });
  });

  router.get('/scorecard/weekly', async (req, res) => {
    const week = parseWeeklyReviewQuery(req.query);
    res.json(
      await scorecard.weekly(week, await httpAuth.credentials(req, anyCaller)),
    );
  });

  router.use(clientErrorHandler);
  return router;
}
