import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_ERROR_BUDGET_POLICY,
  SloFigures,
  policyState,
} from '@reliability-suite/plugin-reliability-common';
import { DefinitionsStore, migratedClient } from '../store/DefinitionsStore';
import { NotificationStateStore } from '../store/NotificationStateStore';
import { StatusStore } from '../store/StatusStore';
import { DEFAULT_SEVERITIES } from './notificationSettings';
import { ReviewNotifier } from './ReviewNotifier';
import { SloNotifier } from './SloNotifier';
import { startNotificationsBackend } from '../testing/notificationsBackend';

jest.setTimeout(120_000);

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const CHECKOUT = 'component:default/checkout';
const settings = {
  enabled: true,
  events: {
    budget: true,
    fastBurn: true,
    reviews: true,
    expiring: true,
    drTests: true,
  },
  expiringWithinDays: 14,
  severity: { ...DEFAULT_SEVERITIES },
};

/** Figures of checkout's availability SLO with `remaining` budget, burning fast or not. */
function figures(remaining: number, fast = false): SloFigures {
  const rate = fast ? 20 : 0.5;
  return {
    target: 0.999,
    sli: 0.9995,
    attained: true,
    windowStart: 0,
    windowEnd: 30 * DAY,
    budget: {
      unit: 'events',
      remainingFraction: remaining,
      overspent: remaining < 0,
    },
    burnRates: [
      { windowMs: 5 * MINUTE, rate },
      { windowMs: HOUR, rate },
    ],
    policyState: policyState(remaining, DEFAULT_ERROR_BUDGET_POLICY),
    history: [],
    measuredAt: 30 * DAY,
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('notifications through the real notifications backend', () => {
  let backend: Awaited<ReturnType<typeof startNotificationsBackend>>;
  beforeAll(async () => {
    backend = await startNotificationsBackend();
  });

  it('tells the owning group of a crossing once, and of the recovery once', async () => {
    const db = await migratedClient(
      mockServices.database({
        knex: await databases.init('SQLITE_3'),
        migrations: { skip: false },
      }),
    );
    const definitions = new DefinitionsStore(db);
    const statuses = new StatusStore(db);
    await definitions.save(
      {
        entityRef: CHECKOUT,
        settings: { sloFilePatterns: [] },
        slos: [
          {
            name: 'availability',
            displayName: 'Availability',
            indicator: {
              metric: { type: 'threshold', query: { query: 'up' } },
            },
            objectives: [{ target: 0.999 }],
            timeWindow: {
              type: 'rolling',
              duration: '30d',
              durationMs: 30 * DAY,
            },
            budgetingMethod: 'Occurrences',
            alertPolicies: [],
            source: { format: 'inline', file: 'catalog-info.yaml', line: 1 },
          } as any,
        ],
        problems: [],
        readAt: 1,
      },
      { keepSlos: false },
    );
    const logger = mockServices.logger.mock();
    const notifier = new SloNotifier({
      statuses,
      definitions,
      state: new NotificationStateStore(db),
      catalog: backend.catalog,
      auth: backend.auth,
      notifications: backend.notifications,
      logger,
      settings,
      policyFor: () => DEFAULT_ERROR_BUDGET_POLICY,
    });
    const cycle = async (remaining: number, fast = false) => {
      await statuses.saveSuccess(
        CHECKOUT,
        'availability',
        figures(remaining, fast),
      );
      return notifier.notify(new AbortController().signal);
    };

    // Within budget: nothing to tell.
    expect(await cycle(0.8)).toEqual({ sent: 0, failed: 0 });
    expect(await backend.inbox('user:default/alice')).toEqual([]);

    // Feature freeze and a fast burn: the owning group's member is told each once.
    expect(await cycle(0.08, true)).toEqual({ sent: 2, failed: 0 });
    const frozen = [
      {
        title:
          'checkout entered feature freeze: Availability has 8 % of its budget left',
        severity: 'high',
        topic: 'Error budget',
        link: '/catalog/default/component/checkout/reliability',
        updated: 'new',
      },
      {
        title:
          'checkout is burning its error budget fast: Availability burns 20× over 1 h (pages above 14.4×)',
        severity: 'high',
        topic: 'Fast burn',
        link: '/catalog/default/component/checkout/reliability',
        updated: 'new',
      },
    ];
    expect(sortByTitle(await backend.inbox('user:default/alice'))).toEqual(
      frozen,
    );
    // Nobody outside the owning group.
    expect(await backend.inbox('user:default/bob')).toEqual([]);
    expect(await backend.inbox('user:default/carol')).toEqual([]);

    // The state holds over two more cycles: nothing repeats.
    expect(await cycle(0.07, true)).toEqual({ sent: 0, failed: 0 });
    expect(await cycle(0.06, true)).toEqual({ sent: 0, failed: 0 });
    expect(sortByTitle(await backend.inbox('user:default/alice'))).toEqual(
      frozen,
    );

    // Recovery: sent once, replacing the earlier notification of the same scope.
    expect(await cycle(0.6)).toEqual({ sent: 2, failed: 0 });
    expect(await cycle(0.61)).toEqual({ sent: 0, failed: 0 });
    expect(sortByTitle(await backend.inbox('user:default/alice'))).toEqual([
      {
        title:
          'checkout is back to normal operations: Availability has 60 % of its budget left',
        severity: 'low',
        topic: 'Error budget',
        link: '/catalog/default/component/checkout/reliability',
        updated: 'updated',
      },
      {
        title: 'checkout: Availability no longer burns its error budget fast',
        severity: 'low',
        topic: 'Fast burn',
        link: '/catalog/default/component/checkout/reliability',
        updated: 'updated',
      },
    ]);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('tells the reviewers of an opened review and the owners of its decision, never the actor', async () => {
    const reviews = new ReviewNotifier({
      notifications: backend.notifications,
      logger: mockServices.logger.mock(),
      settings,
    });
    const { items } = await backend.catalog.getEntitiesByRefs(
      { entityRefs: [CHECKOUT] },
      { credentials: await backend.auth.getOwnServiceCredentials() },
    );
    const review = {
      id: 7,
      entityRef: CHECKOUT,
      state: 'draft' as const,
      targetDate: '2026-12-15',
      reviewers: ['group:default/sre', 'carol'],
      createdBy: 'user:default/carol',
      createdAt: 0,
      version: 1,
    };
    await reviews.opened(items[0]!, review);
    expect(await backend.inbox('user:default/bob')).toEqual([
      {
        title: 'Launch review of checkout opened: you are asked to review it',
        severity: 'normal',
        topic: 'Launch review',
        link: '/catalog/default/component/checkout/readiness',
        updated: 'new',
      },
    ]);
    // carol opened it: she is not told about her own action.
    expect(await backend.inbox('user:default/carol')).toEqual([]);

    await reviews.decided(
      items[0]!,
      review,
      'blocked',
      'user:default/bob',
      'no runbook',
    );
    expect(
      (await backend.inbox('user:default/alice')).filter(
        n => n.topic === 'Launch review',
      ),
    ).toEqual([
      {
        title: 'Launch review of checkout blocked by user:default/bob',
        severity: 'normal',
        topic: 'Launch review',
        link: '/catalog/default/component/checkout/readiness',
        updated: 'new',
      },
    ]);
    // bob decided: his inbox holds only the request to review.
    expect(await backend.inbox('user:default/bob')).toHaveLength(1);
  });
});

function sortByTitle<T extends { title: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.title.localeCompare(b.title));
}

describe('a notification that cannot be sent', () => {
  it('is sent again at the next cycle, once', async () => {
    const db = await migratedClient(
      mockServices.database({
        knex: await databases.init('SQLITE_3'),
        migrations: { skip: false },
      }),
    );
    const statuses = new StatusStore(db);
    await statuses.saveSuccess(CHECKOUT, 'availability', figures(0.2));
    const sent: string[] = [];
    let down = true;
    const logger = mockServices.logger.mock();
    const notifier = new SloNotifier({
      statuses,
      definitions: { all: async () => new Map() },
      state: new NotificationStateStore(db),
      catalog: {
        getEntitiesByRefs: async () => ({
          items: [
            {
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Component',
              metadata: { name: 'checkout', namespace: 'default' },
              relations: [
                { type: 'ownedBy', targetRef: 'group:default/payments' },
              ],
            },
          ],
        }),
      } as unknown as CatalogService,
      auth: mockServices.auth(),
      notifications: {
        async send({ payload }) {
          if (down) throw new Error('Request failed with status 503');
          sent.push(payload.title);
        },
      },
      logger,
      settings,
      policyFor: () => DEFAULT_ERROR_BUDGET_POLICY,
    });
    const signal = new AbortController().signal;
    expect(await notifier.notify(signal)).toEqual({ sent: 0, failed: 1 });
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not send 1 reliability notification(s); they are sent again at the next cycle. "checkout entered increased caution: availability has 20 % of its budget left" to group:default/payments: Error: Request failed with status 503',
    );
    down = false;
    expect(await notifier.notify(signal)).toEqual({ sent: 1, failed: 0 });
    expect(await notifier.notify(signal)).toEqual({ sent: 0, failed: 0 });
    expect(sent).toEqual([
      'checkout entered increased caution: availability has 20 % of its budget left',
    ]);
  });
});
