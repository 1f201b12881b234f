import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import {
  EntityReadiness,
  ReadinessEvent,
} from '@reliability-suite/plugin-reliability-common';
import { ReliabilityApi, reliabilityApiRef } from '../../api/ReliabilityApi';
import { mockReliabilityApi } from '../testApi';
import { withText } from '../testText';
import { withPermissions } from '../permissions/__testUtils__/withPermissions';
import { checkoutEntity } from '../testProfiles';
import { ReadinessContent } from './ReadinessContent';
import {
  NOW,
  checkoutEvents,
  checkoutReadiness,
  hostileReadiness,
  inReview,
  pendingReadiness,
  readinessWith,
} from './testReadiness';

const checkoutRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'checkout',
};

function mockApi(readiness: EntityReadiness = checkoutReadiness) {
  return mockReliabilityApi({
    getReadiness: jest.fn().mockResolvedValue(readiness),
    getReadinessEvents: jest.fn().mockResolvedValue(readiness.events),
  });
}

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

async function render(api: ReliabilityApi) {
  await renderInTestApp(
    withPermissions(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider entity={checkoutEntity}>
          <ReadinessContent />
        </EntityProvider>
      </TestApiProvider>,
    ).element,
    { mountedRoutes },
  );
  await screen.findByText('Production readiness');
}

/** A backend error answer, as `ReliabilityClient` turns it into an exception. */
function responseError(status: number, statusText: string, message: string) {
  return ResponseError.fromResponse({
    status,
    statusText,
    url: 'http://localhost/api/reliability',
    headers: new Headers({ 'Content-Type': 'application/json' }),
    text: async () =>
      JSON.stringify({
        error: { name: `${statusText}Error`, message },
        request: { method: 'POST', url: '/api/reliability' },
        response: { statusCode: status },
      }),
  } as Response);
}

const row = (title: string) =>
  screen.getByRole('row', { name: new RegExp(`^${title}`) });

const dialog = () => screen.getByRole('dialog');

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(within(dialog()).getByLabelText(label), {
    target: { value },
  });

// Dialog interactions are slow on a loaded 2-core CI machine; the default 5 s is too tight.
jest.setTimeout(60_000);

describe('ReadinessContent', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
  afterEach(() => jest.restoreAllMocks());

  it('shows the score, tier, review state and every item with why it passes or fails', async () => {
    const api = mockApi();
    await render(api);
    expect(api.getReadiness).toHaveBeenCalledWith(checkoutRef);
    expect(
      screen.getByText('Readiness 9/12 required checklist items pass'),
    ).toBeInTheDocument();
    expect(screen.getByText('75%')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Readiness score' }),
    ).toHaveAttribute('aria-valuenow', '75');
    expect(screen.getByText('Tier 1')).toBeInTheDocument();
    expect(screen.getAllByText('In review')).toHaveLength(2);
    expect(
      screen.getByText('Blocking approval: Dashboards, Rollback readiness'),
    ).toBeInTheDocument();

    const checklist = screen.getByRole('table', {
      name: 'Readiness checklist',
    });
    expect(
      within(checklist)
        .getAllByRole('columnheader')
        .map(header => header.textContent),
    ).toEqual([
      'Item',
      'Required',
      'State',
      'Reason',
      'Attestation or waiver',
      'Actions',
    ]);
    const dashboards = within(row('Dashboards'));
    expect(
      dashboards.getAllByRole('cell').map(cell => cell.textContent),
    ).toEqual([
      'DashboardsA dashboard is linked',
      'RequiredAutomatic',
      'Failing',
      'No dashboard linked',
      '',
      'Waive',
    ]);
    expect(dashboards.getByText('Failing')).toBeInTheDocument();
    expect(dashboards.getByText('No dashboard linked')).toBeInTheDocument();
    expect(dashboards.getByText('Required')).toBeInTheDocument();
    expect(dashboards.getByText('Automatic')).toBeInTheDocument();

    const security = within(row('Security review'));
    expect(security.getByText('Waived')).toBeInTheDocument();
    expect(security.getByText('Manual')).toBeInTheDocument();
    expect(
      security.getByText(
        'Waived by user:default/bob: Review booked for 2026-12-01 (Not attested)',
      ),
    ).toBeInTheDocument();
    expect(
      security.getByText(
        withText('Waived by bob 3 days ago: Review booked for 2026-12-01'),
      ),
    ).toBeInTheDocument();
    expect(security.getByRole('link', { name: 'bob' })).toHaveAttribute(
      'href',
      '/catalog/default/user/bob',
    );
    expect(security.getByText('3 days ago')).toHaveAttribute(
      'title',
      '2026-11-20 12:00 UTC',
    );
    expect(
      security.getByText(withText('Waiver expires in 14 days')),
    ).toBeInTheDocument();
    expect(security.getByText('in 14 days')).toHaveAttribute(
      'title',
      '2026-12-07',
    );

    const capacity = within(row('Capacity and load test'));
    expect(capacity.getByText('Passing')).toBeInTheDocument();
    expect(
      capacity.getByRole('link', {
        name: /^https:\/\/ci.example.com\/load\/42/,
      }),
    ).toHaveAttribute('href', 'https://ci.example.com/load/42');
    expect(
      capacity.getByText(withText('Attested by ann 10 days ago')),
    ).toBeInTheDocument();
    expect(capacity.getByText('“Twice the expected peak”')).toBeInTheDocument();
    expect(
      capacity.getByText(withText('Expires in 2 months')),
    ).toBeInTheDocument();
    expect(capacity.getByText('in 2 months')).toHaveAttribute(
      'title',
      '2027-02-01',
    );

    expect(
      screen.getByRole('button', { name: 'Attest Capacity and load test' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Attest Dashboards' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Waive Dashboards' }),
    ).toBeInTheDocument();
  });

  it('shows the SLO items of an entity whose definitions are pending as Pending, not failing, and that approval waits for them', async () => {
    await render(mockApi(pendingReadiness));
    expect(
      screen.getByText('Readiness 6/12 required checklist items pass'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Pending (not checked until the definitions are read and measured; approval waits for them): SLOs defined, SLOs measurable, Burn-rate alerts',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Blocking approval: Dashboards, Rollback readiness'),
    ).toBeInTheDocument();
    for (const title of [
      'SLOs defined',
      'SLOs measurable',
      'Burn-rate alerts',
    ]) {
      const item = within(row(title));
      expect(item.getByText('Pending')).toBeInTheDocument();
      expect(item.queryByText('Failing')).not.toBeInTheDocument();
      expect(
        item.getByText(
          'Pending: the SLO definitions of this entity have not been read yet',
        ),
      ).toBeInTheDocument();
    }
  });

  it('shows no pending line when nothing is pending', async () => {
    await render(mockApi());
    expect(screen.queryByText(/^Pending \(/)).not.toBeInTheDocument();
    expect(screen.queryByText('Pending')).not.toBeInTheDocument();
  });

  it('attests a manual item with evidence, comment and a 90-day expiry, then shows the answer', async () => {
    const attested: ReadinessEvent = {
      id: 6,
      entityRef: 'component:default/checkout',
      type: 'item.attested',
      actor: 'user:default/dan',
      at: NOW,
      itemId: 'rollback',
      data: {
        evidence: ['https://wiki.example.com/rollback'],
        expiresAt: Date.parse('2027-02-21'),
      },
    };
    const api = mockApi();
    api.attest.mockResolvedValue(
      readinessWith([...checkoutEvents, attested], inReview),
    );
    await render(api);
    expect(
      within(row('Rollback readiness')).getByText('Not attested'),
    ).toBeInTheDocument();

    fireEvent.click(
      screen.getByRole('button', { name: 'Attest Rollback readiness' }),
    );
    expect(
      within(dialog()).getByText('Attest Rollback readiness'),
    ).toBeInTheDocument();
    expect(within(dialog()).getByLabelText(/^Expires on/)).toHaveValue(
      '2027-02-21',
    );
    const save = within(dialog()).getByRole('button', {
      name: 'Save attestation',
    });
    expect(save).toBeDisabled();
    type(
      /^Evidence links/,
      ' https://wiki.example.com/rollback\n\nhttps://ci.example.com/rollback/9 ',
    );
    type(/^Comment/, 'Rehearsed on staging');
    fireEvent.click(save);

    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.attest).toHaveBeenCalledWith(checkoutRef, {
      itemId: 'rollback',
      evidence: [
        'https://wiki.example.com/rollback',
        'https://ci.example.com/rollback/9',
      ],
      comment: 'Rehearsed on staging',
      expiresAt: '2027-02-21',
    });
    expect(
      within(row('Rollback readiness')).getByText(
        withText('Attested by dan just now'),
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Readiness 10/12 required checklist items pass'),
    ).toBeInTheDocument();
    expect(api.getReadiness).toHaveBeenCalledTimes(1);
  });

  it('keeps the waiver dialog open with the backend error, and saves a waiver with a 30-day expiry', async () => {
    const api = mockApi();
    api.waive
      .mockRejectedValueOnce(
        await responseError(
          403,
          'Forbidden',
          'You may not waive items of checkout',
        ),
      )
      .mockResolvedValueOnce(checkoutReadiness);
    await render(api);

    fireEvent.click(screen.getByRole('button', { name: 'Waive Dashboards' }));
    expect(within(dialog()).getByLabelText(/^Expires on/)).toHaveValue(
      '2026-12-23',
    );
    const save = within(dialog()).getByRole('button', { name: 'Save waiver' });
    type(/^Reason/, 'too short');
    expect(save).toBeDisabled();
    type(/^Reason/, 'Grafana board ships next sprint');
    fireEvent.click(save);
    expect(
      await within(dialog()).findByText('You may not waive items of checkout'),
    ).toBeInTheDocument();

    fireEvent.click(save);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(api.waive).toHaveBeenLastCalledWith(checkoutRef, {
      itemId: 'dashboards',
      reason: 'Grafana board ships next sprint',
      expiresAt: '2026-12-23',
    });
  });

  it('shows the review, and Approve disabled while required items fail, naming them by title', async () => {
    const api = mockApi();
    await render(api);
    const review = within(
      screen.getByRole('group', { name: 'Launch review #7' }),
    );
    expect(review.getByText('In review')).toBeInTheDocument();
    expect(
      review.getByText(withText('Target launch: in 22 days')),
    ).toBeInTheDocument();
    expect(review.getByText('in 22 days')).toHaveAttribute(
      'title',
      '2026-12-15',
    );
    expect(review.getByText(withText('Reviewers: sre'))).toBeInTheDocument();
    expect(review.getByRole('link', { name: 'sre' })).toHaveAttribute(
      'href',
      '/catalog/default/group/sre',
    );
    expect(
      review.getByText(withText('Opened by ann 2 days ago')),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Open launch review' }),
    ).not.toBeInTheDocument();

    const approve = screen.getByRole('button', { name: 'Approve' });
    await waitFor(() =>
      expect(approve).toHaveAccessibleDescription(
        'Cannot approve while required items fail: Dashboards, Rollback readiness',
      ),
    );
    expect(approve).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Block' })).toBeEnabled();
    expect(api.actOnReview).not.toHaveBeenCalled();
  });

  it('blocks a launch with a reason and shows the blocked review', async () => {
    const api = mockApi();
    api.actOnReview.mockResolvedValue({
      ...checkoutReadiness,
      review: { ...inReview, state: 'blocked', version: 3 },
    });
    await render(api);

    fireEvent.click(screen.getByRole('button', { name: 'Block' }));
    expect(within(dialog()).getByText('Block the launch')).toBeInTheDocument();
    type(/^Reason/, 'Rollback never rehearsed');
    fireEvent.click(
      within(dialog()).getByRole('button', { name: 'Block launch' }),
    );

    expect(
      await screen.findByRole('button', { name: 'Reopen' }),
    ).toBeInTheDocument();
    expect(api.actOnReview).toHaveBeenCalledWith(7, {
      action: 'block',
      text: 'Rollback never rehearsed',
    });
    expect(screen.getAllByText('Blocked')).toHaveLength(2);
    expect(
      screen.getByRole('button', { name: 'Open launch review' }),
    ).toBeInTheDocument();
  });

  it('adds a comment to the review and clears the box', async () => {
    const api = mockApi();
    api.actOnReview.mockResolvedValue(checkoutReadiness);
    await render(api);

    const box = screen.getByLabelText('Comment');
    fireEvent.change(box, { target: { value: ' Dashboard PR is up ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));

    await waitFor(() => expect(box).toHaveValue(''));
    expect(api.actOnReview).toHaveBeenCalledWith(7, {
      action: 'comment',
      text: 'Dashboard PR is up',
    });
  });

  it('opens a launch review with a target date and reviewers when there is none', async () => {
    const api = mockApi(readinessWith([], undefined));
    api.openReview.mockResolvedValue({
      ...checkoutReadiness,
      review: { ...inReview, state: 'draft', version: 1 },
    });
    await render(api);
    expect(screen.getByText('No launch review yet')).toBeInTheDocument();
    expect(screen.getByText('Nothing recorded yet')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Add comment' }),
    ).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Open launch review' }));
    expect(within(dialog()).getByLabelText(/^Reviewers/)).toHaveValue(
      'group:default/sre',
    );
    type(/^Target launch date/, '2026-12-15');
    type(/^Reviewers/, 'group:default/sre, user:default/ann,');
    fireEvent.click(
      within(dialog()).getByRole('button', { name: 'Open review' }),
    );

    expect(
      await screen.findByRole('button', { name: 'Submit for review' }),
    ).toBeInTheDocument();
    expect(api.openReview).toHaveBeenCalledWith(checkoutRef, {
      targetDate: '2026-12-15',
      reviewers: ['group:default/sre', 'user:default/ann'],
    });
    expect(screen.getAllByText('Draft')).toHaveLength(2);
  });

  it('lists the history newest first as who — what — when with particulars', async () => {
    await render(mockApi());
    const events = within(
      screen.getByRole('list', { name: 'Readiness history' }),
    ).getAllByRole('listitem');
    expect(events.map(e => e.firstChild?.textContent)).toEqual([
      'carol — commented on launch review #7 — 1 hour ago',
      'ann — submitted launch review #7 for approval — 1 day ago',
      'ann — opened launch review #7 — 2 days ago',
      'bob — waived Security review — 3 days ago',
      'ann — attested Capacity and load test — 10 days ago',
    ]);
    expect(within(events[0]).getByText('1 hour ago')).toHaveAttribute(
      'title',
      '2026-11-23 11:00 UTC',
    );
    expect(
      within(events[0]).getByText('Comment: Dashboards still missing'),
    ).toBeInTheDocument();
    expect(
      within(events[1]).getByText('Draft → In review'),
    ).toBeInTheDocument();
    expect(
      within(events[2]).getByText(withText('Target launch in 22 days')),
    ).toBeInTheDocument();
    expect(
      within(events[2]).getByText(withText('Reviewers: sre')),
    ).toBeInTheDocument();
    expect(
      within(events[3]).getByText('Reason: Review booked for 2026-12-01'),
    ).toBeInTheDocument();
    expect(
      within(events[4]).getByRole('link', {
        name: /^https:\/\/ci.example.com\/load\/42/,
      }),
    ).toHaveAttribute('href', 'https://ci.example.com/load/42');
    expect(
      within(events[4]).getByText(withText('Expires in 2 months')),
    ).toBeInTheDocument();
  });

  it('exports the history as the JSON the backend serves', async () => {
    const createObjectURL = jest.fn((_: Blob) => 'blob:audit');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function save(this: HTMLAnchorElement) {
        clicked.push(this);
      });
    const api = mockApi();
    await render(api);

    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));

    await waitFor(() =>
      expect(revokeObjectURL).toHaveBeenCalledWith('blob:audit'),
    );
    expect(api.getReadinessEvents).toHaveBeenCalledWith(checkoutRef);
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('component-default-checkout.audit.json');
    expect(clicked[0].href).toBe('blob:audit');
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('application/json');
    expect(JSON.parse(await blob.text())).toEqual(checkoutEvents);
  });

  it('shows javascript: evidence as text in the checklist and the history, never as a link', async () => {
    await render(mockApi(hostileReadiness));
    const capacity = within(row('Capacity and load test'));
    expect(capacity.getByText('javascript:alert(1)').closest('a')).toBeNull();
    expect(
      capacity.getByRole('link', {
        name: /^https:\/\/ci.example.com\/load\/42/,
      }),
    ).toHaveAttribute('href', 'https://ci.example.com/load/42');
    const events = within(
      screen.getByRole('list', { name: 'Readiness history' }),
    ).getAllByRole('listitem');
    expect(events).toHaveLength(5);
    const attested = within(events[4]);
    expect(attested.getByText('javascript:alert(1)').closest('a')).toBeNull();
    expect(
      attested.getByRole('link', {
        name: /^https:\/\/ci.example.com\/load\/42/,
      }),
    ).toHaveAttribute('href', 'https://ci.example.com/load/42');
    expect(screen.getByText('Launch review')).toBeInTheDocument();
    // Every other link goes to a person's or a group's catalog page.
    const hrefs = Array.from(document.querySelectorAll('a[href]'))
      .map(a => a.getAttribute('href'))
      .filter(href => !href?.startsWith('/catalog/default/'));
    expect(hrefs).toEqual([
      'https://ci.example.com/load/42',
      'https://ci.example.com/load/42',
    ]);
  });

  it('shows an error panel in place of what fails, and the rest of the tab', async () => {
    const consoleError = jest
      .spyOn(console, 'error')
      .mockImplementation(() => {});
    // Stored before evidence was a list, and an event without particulars.
    const items = checkoutReadiness.summary.items.map(status =>
      status.item.id === 'capacity'
        ? {
            ...status,
            attestation: {
              ...status.attestation!,
              evidence: 'javascript:alert(1)' as unknown as string[],
            },
          }
        : status,
    );
    const events = checkoutEvents.map(event =>
      event.id === 5
        ? { ...event, data: null as unknown as ReadinessEvent['data'] }
        : event,
    );
    await render(
      mockApi({
        ...checkoutReadiness,
        summary: { ...checkoutReadiness.summary, items },
        events,
      }),
    );
    const capacity = within(row('Capacity and load test'));
    expect(
      capacity.getByText('This sign-off could not be shown'),
    ).toBeInTheDocument();
    expect(
      capacity.getByText('attestation.evidence.map is not a function'),
    ).toBeInTheDocument();
    expect(capacity.getByText('Passing')).toBeInTheDocument();
    expect(
      within(row('Security review')).getByText(
        withText('Waiver expires in 14 days'),
      ),
    ).toBeInTheDocument();
    const history = within(
      screen.getByRole('list', { name: 'Readiness history' }),
    ).getAllByRole('listitem');
    expect(history).toHaveLength(5);
    expect(
      within(history[0]).getByText(
        "This event's particulars could not be shown",
      ),
    ).toBeInTheDocument();
    expect(
      within(history[1]).getByText('Draft → In review'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Readiness 9/12 required checklist items pass'),
    ).toBeInTheDocument();
    expect(screen.getByText('Launch review')).toBeInTheDocument();
    consoleError.mockRestore();
  });

  it('shows why the readiness could not be loaded', async () => {
    const api = mockApi();
    api.getReadiness.mockRejectedValue(new Error('backend is down'));
    await renderInTestApp(
      <TestApiProvider apis={[[reliabilityApiRef, api]]}>
        <EntityProvider entity={checkoutEntity}>
          <ReadinessContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(/Could not load the readiness checklist/),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/backend is down/).length).toBeGreaterThan(0);
  });
});
