// End-to-end: the org scorecard of the demo portal in headless Chromium, as an SRE lead uses it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  APP_URL,
  BACKEND_URL,
  guestToken,
  openEntityTab,
  openSignedInPage,
  reloadUntil,
  saveScreenshot,
  waitForEntity,
} from './browser.mjs';

describe('Reliability scorecard', { timeout: 10 * 60_000 }, () => {
  let browser;
  let page;
  const entities = () => page.getByRole('table', { name: 'Entities' });

  before(async () => {
    await waitForEntity('component/default/checkout');
    ({ browser, page } = await openSignedInPage('/reliability'));
    // The projector fills the scorecard after the first definitions sync of the portal.
    await reloadUntil(
      page,
      () =>
        page.getByRole('heading', { name: 'Reliability scorecard' }).waitFor(),
      () => entities().getByRole('link', { name: 'Checkout', exact: true }),
    );
  });

  after(async () => {
    await browser?.close();
  });

  it('shows coverage, the rollup by owner and every entity', async () => {
    const coverage = page.getByRole('list', { name: 'Coverage' });
    assert.match(
      await coverage.innerText(),
      /Tier 0\/Tier 1 services with SLOs: \d+\/\d+/,
    );
    const rollup = page.getByRole('table', { name: 'Rollup by owner' });
    await rollup.getByText('payments', { exact: true }).waitFor();
    await entities()
      .getByRole('link', { name: 'Checkout', exact: true })
      .waitFor();
    await saveScreenshot(page, 'scorecard');
  });

  it('counts services, not systems, and opens the list a coverage card counts', async () => {
    const coverage = page.getByRole('list', { name: 'Coverage' });
    const card = coverage.getByRole('link', { name: /^Services with SLOs: / });
    const [, withSlos, services] = /Services with SLOs: (\d+)\/(\d+)/.exec(
      await card.innerText(),
    );
    assert.match(await coverage.innerText(), /SLOs meeting target: \d+\/\d+/);
    // The Checkout API is listed, an API: not a service.
    const api = () =>
      entities().getByRole('link', { name: 'Checkout API', exact: true });
    await api().waitFor();
    await card.click();
    await page.waitForURL(/kind=component&type=service/);
    assert.ok(Number(withSlos) <= Number(services));
    // Services only: the API goes, checkout (a service) stays.
    await api().waitFor({ state: 'detached' });
    await entities()
      .getByRole('link', { name: 'Checkout', exact: true })
      .waitFor();
    // No System is a row: systems are rolled up on their own tab and in the rollup by system.
    const systems = await fetch(
      `${BACKEND_URL}/api/reliability/scorecard?kind=system`,
      { headers: { Authorization: `Bearer ${await guestToken()}` } },
    );
    assert.equal((await systems.json()).totalCount, 0);
    await page.goto(`${APP_URL}/reliability`);
    await entities()
      .getByRole('link', { name: 'Checkout', exact: true })
      .waitFor();
  });

  it('narrows the view with a search and drills down into a team', async () => {
    await page.getByRole('textbox', { name: 'Search' }).fill('search');
    await page.waitForURL(/q=search/);
    await entities()
      .getByRole('link', { name: 'Search API', exact: true })
      .waitFor();
    await entities()
      .getByRole('link', { name: 'Checkout', exact: true })
      .waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page
      .getByRole('table', { name: 'Rollup by owner' })
      .getByText('payments', { exact: true })
      .click();
    await page.waitForURL(
      /owner=group%3Adefault%2Fpayments|owner=group:default\/payments/,
    );
    await entities()
      .getByRole('link', { name: 'Checkout', exact: true })
      .waitFor();
    assert.equal(
      await entities()
        .getByRole('link', { name: 'Search API', exact: true })
        .count(),
      0,
    );
  });

  it('exports the current view as CSV', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const lines = (await readFile(await download.path(), 'utf8'))
      .trim()
      .split('\n');
    assert.match(lines[0], /^entity,title,tier,owner/);
    assert.ok(
      lines.some(line => line.startsWith('component:default/checkout,')),
    );
    assert.ok(
      lines.slice(1).every(line => line.includes('group:default/payments')),
    );
  });

  it('opens an entity from its row', async () => {
    await entities()
      .getByRole('link', { name: 'Checkout', exact: true })
      .click();
    await page.waitForURL(/\/catalog\/default\/component\/checkout/);
  });

  it('charts weeks of trends (history measured from Prometheus after start-up)', async () => {
    // The start-up sync measures the missing days of the last four weeks after its first
    // projection, one day after the other: wait until all 28 and today are there.
    const token = await guestToken();
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(
        `${BACKEND_URL}/api/reliability/scorecard/trends?days=29`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      if ((await response.json()).days?.length === 29) break;
      if (attempt === 120) throw new Error('the history was never filled');
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
    await page.goto(`${APP_URL}/reliability?tab=trends`);
    const coverage = page.getByRole('img', { name: 'Coverage' });
    await coverage
      .locator('.recharts-xAxis .recharts-cartesian-axis-tick')
      .nth(3)
      .waitFor();
    const budgetStatus = page.getByRole('img', { name: 'Budget status' });
    // One bar group per status and day; days without a status have empty (hidden) ones.
    await budgetStatus
      .locator('.recharts-bar-rectangle')
      .nth(28)
      .waitFor({ state: 'attached' });
    await saveScreenshot(page, 'scorecard-trends');
  });

  it('rolls up a system on its Reliability tab instead of asking for its tier', async () => {
    await page.goto(`${APP_URL}/catalog/default/system/payments-platform`);
    await openEntityTab(page, 'Reliability');
    const main = page.locator('main');
    await main.getByText('Reliability of Payments platform').waitFor();
    const parts = main.getByRole('table', { name: 'Parts' });
    await parts.getByRole('link', { name: 'Checkout', exact: true }).waitFor();
    const rollup = await main
      .getByLabel('Rollup of Payments platform')
      .innerText();
    assert.match(rollup, /SLOs meeting target\s+\d+\/\d+/);
    assert.match(rollup, /Tiers\s+Tier 0: \d+/);
    assert.equal(await main.getByText(/^No tier/).count(), 0);
    await saveScreenshot(page, 'system-rollup');
  });

  it('shows the weekly reliability review', async () => {
    await page.goto(`${APP_URL}/reliability?tab=weekly`);
    await page
      .getByText(/Burning fast: \d+/)
      .first()
      .waitFor();
    await page.getByRole('table', { name: 'Services' }).waitFor();
    await saveScreenshot(page, 'weekly-review');

    // Printed, the agenda stands alone: no sidebar, banner, tabs or buttons.
    await page.emulateMedia({ media: 'print' });
    try {
      await page.getByRole('table', { name: 'Services' }).waitFor();
      const chrome = {
        sidebar: page.locator('nav').first(),
        banner: page.getByText('Reliability scorecard', { exact: true }),
        tabs: page.getByRole('tab', { name: 'Weekly review' }),
        'Print agenda': page.getByRole('button', { name: 'Print agenda' }),
        'Export Markdown': page.getByRole('button', {
          name: 'Export Markdown',
        }),
      };
      for (const [name, locator] of Object.entries(chrome)) {
        assert.equal(await locator.isVisible(), false, `${name} is printed`);
      }
      assert.equal(
        await page.getByRole('table', { name: 'Services' }).isVisible(),
        true,
      );
      await saveScreenshot(page, 'weekly-review-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
