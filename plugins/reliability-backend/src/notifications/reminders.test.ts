import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_READINESS_ITEMS,
  DEFAULT_TIERS,
} from '@reliability-suite/plugin-reliability-common';
import { DefinitionsStore, migratedClient } from '../store/DefinitionsStore';
import { NotificationStateStore } from '../store/NotificationStateStore';
import { ReadinessStore } from '../store/ReadinessStore';
import { startNotificationsBackend } from '../testing/notificationsBackend';
import {
  DEFAULT_SEVERITIES,
  NotificationSettings,
} from './notificationSettings';
import { ReminderNotifier } from './ReminderNotifier';

jest.setTimeout(120_000);

const CHECKOUT = 'component:default/checkout';
const settings: NotificationSettings = {
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
const at = (date: string) => Date.parse(`${date}T09:00:00Z`);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('reminders through the real notifications backend', () => {
  let backend: Awaited<ReturnType<typeof startNotificationsBackend>>;
  beforeAll(async () => {
    backend = await startNotificationsBackend();
  });

  /** A fresh store, checkout's definitions (Tier 1) and a notifier on a clock the test moves. */
  async function setup(options: {
    drTested?: string;
    settings?: NotificationSettings;
  }) {
    const db = await migratedClient(
      mockServices.database({
        knex: await databases.init('SQLITE_3'),
        migrations: { skip: false },
      }),
    );
    const definitions = new DefinitionsStore(db);
    const readiness = new ReadinessStore(db);
    const state = new NotificationStateStore(db);
    const recordDrTest = (drTested?: string) =>
      definitions.save(
        {
          entityRef: CHECKOUT,
          settings: { sloFilePatterns: [], tierLevel: 1, drTested },
          slos: [],
          problems: [],
          readAt: 1,
        },
        { keepSlos: false },
      );
    await recordDrTest(options.drTested);
    const clock = { now: at('2026-12-01') };
    const logger = mockServices.logger.mock();
    const notifier = new ReminderNotifier({
      readiness,
      definitions,
      state,
      catalog: backend.catalog,
      auth: backend.auth,
      notifications: backend.notifications,
      logger,
      settings: options.settings ?? settings,
      tiers: DEFAULT_TIERS,
      checklist: DEFAULT_READINESS_ITEMS,
      clock: () => clock.now,
    });
    const cycle = async (date: string) => {
      clock.now = at(date);
      return notifier.notify(new AbortController().signal);
    };
    return { readiness, state, recordDrTest, cycle, logger };
  }

  const inboxOf = async (user: string, topic: string) =>
    (await backend.inbox(user))
      .filter(n => n.topic === topic)
      .map(({ title, severity, link, updated }) => ({
        title,
        severity,
        link,
        updated,
      }));

  it('tells the owner once of each attestation and waiver expiring soon, and again only after a renewal', async () => {
    const { readiness, cycle, logger, state } = await setup({});
    await readiness.appendEvent({
      entityRef: CHECKOUT,
      type: 'item.attested',
      actor: 'user:default/alice',
      at: at('2026-07-01'),
      itemId: 'capacity',
      data: {
        evidence: ['https://example.com/load'],
        expiresAt: at('2026-12-31'),
      },
    });
    await readiness.appendEvent({
      entityRef: CHECKOUT,
      type: 'item.waived',
      actor: 'user:default/bob',
      at: at('2026-11-20'),
      itemId: 'dr-posture',
      data: {
        reason: 'DR test booked for December',
        expiresAt: at('2026-12-06'),
      },
    });

    // The waiver expires in 5 days; the attestation in 30 (outside the 14 days).
    expect(await cycle('2026-12-01')).toEqual({ sent: 1, failed: 0 });
    const waiver = {
      title:
        'checkout: the waiver of "DR posture" expires in 5 days, on 2026-12-06',
      severity: 'normal',
      link: '/catalog/default/component/checkout/readiness',
      updated: 'new',
    };
    expect(await inboxOf('user:default/alice', 'Readiness expiry')).toEqual([
      waiver,
    ]);
    // Nobody outside the owning group, not even the lead who waived it.
    expect(await backend.inbox('user:default/bob')).toEqual([]);
    expect(await backend.inbox('user:default/carol')).toEqual([]);

    // Nothing repeats while it runs out, nor once it has expired.
    expect(await cycle('2026-12-02')).toEqual({ sent: 0, failed: 0 });
    expect(await cycle('2026-12-10')).toEqual({ sent: 0, failed: 0 });

    // The attestation comes within 14 days: told once.
    expect(await cycle('2026-12-17')).toEqual({ sent: 1, failed: 0 });
    expect(await cycle('2026-12-18')).toEqual({ sent: 0, failed: 0 });
    const attestation = {
      title:
        'checkout: the attestation of "Capacity and load test" expires in 14 days, on 2026-12-31',
      severity: 'normal',
      link: '/catalog/default/component/checkout/readiness',
      updated: 'new',
    };
    expect(
      sortByTitle(await inboxOf('user:default/alice', 'Readiness expiry')),
    ).toEqual([attestation, waiver]);

    // Renewed for 90 days: quiet until the renewal comes within 14 days, then told once again.
    await readiness.appendEvent({
      entityRef: CHECKOUT,
      type: 'item.attested',
      actor: 'user:default/alice',
      at: at('2026-12-20'),
      itemId: 'capacity',
      data: {
        evidence: ['https://example.com/load-2'],
        expiresAt: at('2027-03-20'),
      },
    });
    expect(await cycle('2026-12-21')).toEqual({ sent: 0, failed: 0 });
    expect(await cycle('2027-03-10')).toEqual({ sent: 1, failed: 0 });
    expect(await cycle('2027-03-11')).toEqual({ sent: 0, failed: 0 });
    expect(
      sortByTitle(await inboxOf('user:default/alice', 'Readiness expiry')),
    ).toEqual([
      {
        ...attestation,
        title:
          'checkout: the attestation of "Capacity and load test" expires in 10 days, on 2027-03-20',
        updated: 'updated',
      },
      waiver,
    ]);
    expect(await state.all('expiry')).toEqual(
      new Map([
        [`expiry ${CHECKOUT} waiver dr-posture`, `expires ${at('2026-12-06')}`],
        [
          `expiry ${CHECKOUT} attestation capacity`,
          `expires ${at('2027-03-20')}`,
        ],
      ]),
    );
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('tells the owner once when the DR test becomes overdue for the tier, and once when a new one is recorded', async () => {
    // Tier 1 tests every 180 days: the test of 2026-06-10 is due on 2026-12-07.
    const { recordDrTest, cycle, state } = await setup({
      drTested: '2026-06-10',
    });
    expect(await cycle('2026-12-01')).toEqual({ sent: 0, failed: 0 });
    expect(await cycle('2026-12-07')).toEqual({ sent: 0, failed: 0 });
    expect(await inboxOf('user:default/alice', 'DR test')).toEqual([]);

    expect(await cycle('2026-12-08')).toEqual({ sent: 1, failed: 0 });
    expect(await cycle('2026-12-09')).toEqual({ sent: 0, failed: 0 });
    expect(await cycle('2027-01-09')).toEqual({ sent: 0, failed: 0 });
    expect(await inboxOf('user:default/alice', 'DR test')).toEqual([
      {
        title:
          "checkout's DR test is overdue: last tested 2026-06-10, Tier 1 requires one every 180 days (due 2026-12-07)",
        severity: 'high',
        link: '/catalog/default/component/checkout/reliability',
        updated: 'new',
      },
    ]);
    expect(await backend.inbox('user:default/carol')).toEqual([]);

    // A new test recorded: the recovery once, replacing the overdue notice.
    await recordDrTest('2027-01-12');
    expect(await cycle('2027-01-13')).toEqual({ sent: 1, failed: 0 });
    expect(await cycle('2027-01-14')).toEqual({ sent: 0, failed: 0 });
    expect(await inboxOf('user:default/alice', 'DR test')).toEqual([
      {
        title:
          "checkout's DR test is recorded again: last tested 2027-01-12, next due 2027-07-11",
        severity: 'low',
        link: '/catalog/default/component/checkout/reliability',
        updated: 'updated',
      },
    ]);

    // The annotation removed: nothing to watch (a missing test is a profile item, not a reminder).
    await recordDrTest(undefined);
    expect(await cycle('2027-09-01')).toEqual({ sent: 0, failed: 0 });
    expect(await state.all('drTest')).toEqual(new Map());
  });
});

describe('reminders switched off', () => {
  it('sends nothing and records nothing for events turned off', async () => {
    const db = await migratedClient(
      mockServices.database({
        knex: await databases.init('SQLITE_3'),
        migrations: { skip: false },
      }),
    );
    const readiness = new ReadinessStore(db);
    const definitions = new DefinitionsStore(db);
    const state = new NotificationStateStore(db);
    await readiness.appendEvent({
      entityRef: CHECKOUT,
      type: 'item.waived',
      actor: 'user:default/bob',
      at: at('2026-11-20'),
      itemId: 'dr-posture',
      data: { reason: 'booked', expiresAt: at('2026-12-06') },
    });
    await definitions.save(
      {
        entityRef: CHECKOUT,
        settings: { sloFilePatterns: [], tierLevel: 1, drTested: '2026-01-01' },
        slos: [],
        problems: [],
        readAt: 1,
      },
      { keepSlos: false },
    );
    const sent: string[] = [];
    const notifier = (overrides: Partial<NotificationSettings>) =>
      new ReminderNotifier({
        readiness,
        definitions,
        state,
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
        } as any,
        auth: mockServices.auth(),
        notifications: {
          async send({ payload }) {
            sent.push(payload.title);
          },
        },
        logger: mockServices.logger.mock(),
        settings: { ...settings, ...overrides },
        tiers: DEFAULT_TIERS,
        checklist: DEFAULT_READINESS_ITEMS,
        clock: () => at('2026-12-01'),
      });
    const signal = new AbortController().signal;

    expect(await notifier({ enabled: false }).notify(signal)).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(
      await notifier({
        events: { ...settings.events, expiring: false, drTests: false },
      }).notify(signal),
    ).toEqual({ sent: 0, failed: 0 });
    expect(sent).toEqual([]);
    expect(await state.all('expiry')).toEqual(new Map());
    expect(await state.all('drTest')).toEqual(new Map());

    // Only the DR test on; then a 3-day window leaves the 5-day waiver out.
    expect(
      await notifier({
        events: { ...settings.events, expiring: false },
      }).notify(signal),
    ).toEqual({ sent: 1, failed: 0 });
    expect(await notifier({ expiringWithinDays: 3 }).notify(signal)).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(await notifier({}).notify(signal)).toEqual({ sent: 1, failed: 0 });
    expect(sent).toEqual([
      "checkout's DR test is overdue: last tested 2026-01-01, Tier 1 requires one every 180 days (due 2026-06-30)",
      'checkout: the waiver of "DR posture" expires in 5 days, on 2026-12-06',
    ]);
  });
});

function sortByTitle<T extends { title: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.title.localeCompare(b.title));
}
