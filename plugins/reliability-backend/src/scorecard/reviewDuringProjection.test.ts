import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DEFAULT_TIERS } from '@reliability-suite/plugin-reliability-common';
import { DefinitionsStore, migratedClient } from '../store/DefinitionsStore';
import { ReadinessStore } from '../store/ReadinessStore';
import { ScorecardStore } from '../store/ScorecardStore';
import { StatusStore } from '../store/StatusStore';
import { ScorecardProjector } from './ScorecardProjector';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', owner: 'payments', lifecycle: 'production' },
});

describe.each(databases.eachSupportedId())(
  'a launch review opened while the scorecard is projected (%s)',
  databaseId => {
    it('keeps the review state the review set, not the one read before it', async () => {
      const db = await migratedClient(
        mockServices.database({
          knex: await databases.init(databaseId),
          migrations: { skip: false },
        }),
      );
      const scorecard = new ScorecardStore(db);
      const readiness = new ReadinessStore(db);
      const projector = new ScorecardProjector({
        catalog: catalogServiceMock({
          entities: [component('checkout'), component('cart')],
        }),
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        definitions: new DefinitionsStore(db),
        statuses: new StatusStore(db),
        readiness,
        scorecard,
        tiers: DEFAULT_TIERS,
        paging: {},
        checklist: { items: [], checks: {} },
      });
      const reviewStates = async () =>
        (
          await scorecard.page(
            {
              filter: {},
              sort: 'name',
              order: 'asc',
              page: 1,
              pageSize: 10,
            },
            { all: true },
          )
        ).rows.map(r => [r.entityRef, r.reviewState ?? null]);
      await projector.projectAll();
      expect(await reviewStates()).toEqual([
        ['component:default/cart', null],
        ['component:default/checkout', null],
      ]);

      // The rows are computed with no review; before they are written, checkout's review opens
      // and sets its row at once, as ReadinessService does.
      const replaceAll = scorecard.replaceAll.bind(scorecard);
      jest
        .spyOn(scorecard, 'replaceAll')
        .mockImplementationOnce(async (...args) => {
          await readiness.openReview({
            entityRef: 'component:default/checkout',
            reviewers: [],
            createdBy: 'user:default/ana',
            createdAt: Date.now(),
          });
          await scorecard.setReviewState('component:default/checkout', 'draft');
          return replaceAll(...args);
        });
      await projector.projectAll();
      expect(await reviewStates()).toEqual([
        ['component:default/cart', null],
        ['component:default/checkout', 'draft'],
      ]);
    });
  },
);
