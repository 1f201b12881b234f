// End-to-end: the demo portal as a visitor first meets it. The root page opens the catalog at
// /catalog, and the guest the sign-in page offers is a user of the demo catalog
// (examples/org.yaml): its own page exists and no page asks the backend for it in vain.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APP_URL,
  BACKEND_URL,
  guestToken,
  openSignedInPage,
  waitForEntity,
} from './browser.mjs';

describe('Demo portal', { timeout: 5 * 60_000 }, () => {
  let browser;
  let page;
  /** Backend requests of the pages that answered 404. */
  const notFound = [];

  before(async () => {
    await waitForEntity('component/default/checkout');
    ({ browser, page } = await openSignedInPage('/'));
    page.on('response', response => {
      if (response.url().startsWith(BACKEND_URL) && response.status() === 404)
        notFound.push(response.url());
    });
  });

  after(async () => {
    await browser?.close();
  });

  it('has the guest in the demo catalog, a member of payments, sre and sre-leads', async () => {
    const token = await guestToken();
    const response = await fetch(
      `${BACKEND_URL}/api/catalog/entities/by-name/user/development/guest`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    assert.equal(response.status, 200);
    const user = await response.json();
    assert.equal(user.spec.profile.displayName, 'Guest');
    assert.deepEqual(
      user.relations
        .filter(relation => relation.type === 'memberOf')
        .map(relation => relation.targetRef)
        .sort(),
      [
        'group:default/payments',
        'group:default/sre',
        'group:default/sre-leads',
      ],
    );
  });

  it('opens the catalog at /catalog from the root page', async () => {
    await page.goto(`${APP_URL}/`);
    await page.waitForURL(url => url.pathname === '/catalog');
    await page.getByRole('link', { name: 'Checkout', exact: true }).waitFor();
    await page.goto(`${APP_URL}/catalog`);
    await page.getByRole('link', { name: 'Checkout', exact: true }).waitFor();
  });

  it("shows the guest's own page, and no page asks for the guest in vain", async () => {
    await page.goto(`${APP_URL}/catalog/development/user/guest`);
    // The profile card: its email and the groups it belongs to.
    await page.getByRole('link', { name: 'guest@example.com' }).waitFor();
    for (const group of ['Payments', 'SRE', 'SRE leads'])
      await page
        .getByRole('link', { name: group, exact: true })
        .first()
        .waitFor();
    await page.goto(`${APP_URL}/catalog/default/component/checkout`);
    await page
      .locator('main')
      .getByText('Checkout', { exact: true })
      .first()
      .waitFor();
    assert.deepEqual(
      notFound.filter(url => url.includes('guest')),
      [],
      'requests for the guest answered 404',
    );
  });
});
