// End-to-end: the tables of the scorecard, the Reliability tab and the Readiness tab read at
// 1400 px and at 1024 px: no header cell wraps beyond two lines (as "T i e r" or "Bu dg et lef t"
// did), tables wider than their card scroll inside it rather than widen the page; screenshots of
// each page at both widths.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APP_URL,
  launchBrowser,
  openPageAs,
  reloadUntil,
  waitForEntity,
} from './browser.mjs';
import {
  headerCellsTallerThanTwoLines,
  pageOverflowX,
  saveWholePageScreenshot,
} from './layout.mjs';

const WIDTHS = [1400, 1024];

describe('Tables at 1400 and 1024 px', { timeout: 10 * 60_000 }, () => {
  let browser;
  let page;
  const main = () => page.locator('main');

  before(async () => {
    await waitForEntity('component/default/checkout');
    browser = await launchBrowser();
    page = await openPageAs(browser, 'guest', '/reliability');
    // The projector fills the scorecard after the first definitions sync of the portal.
    await reloadUntil(
      page,
      () =>
        page.getByRole('heading', { name: 'Reliability scorecard' }).waitFor(),
      () =>
        page
          .getByRole('table', { name: 'Entities' })
          .getByRole('link', { name: 'Checkout', exact: true }),
    );
  });

  after(async () => {
    await browser?.close();
  });

  /** At `width`: no header cell over two lines, the page not scrolling sideways. */
  async function assertReadable(width, what) {
    assert.deepEqual(
      await headerCellsTallerThanTwoLines(page),
      [],
      `${what} at ${width} px: header cells over two lines`,
    );
    assert.equal(
      await pageOverflowX(page),
      0,
      `${what} at ${width} px: the page scrolls sideways`,
    );
  }

  for (const width of WIDTHS) {
    it(`shows the scorecard's rollup and entities at ${width} px`, async () => {
      await page.setViewportSize({ width, height: 1100 });
      await page.goto(`${APP_URL}/reliability`);
      const entities = page.getByRole('table', { name: 'Entities' });
      await entities
        .getByRole('link', { name: 'Checkout', exact: true })
        .waitFor();
      await page
        .getByRole('table', { name: 'Rollup by owner' })
        .getByText('payments', { exact: true })
        .waitFor();
      // The on-call column is compact, the whole contact in the tooltip.
      const checkout = entities.getByRole('row').filter({
        has: page.getByRole('link', { name: 'Checkout', exact: true }),
      });
      assert.equal(
        await checkout
          .getByText('PGRP001', { exact: true })
          .getAttribute('title'),
        'PagerDuty service PGRP001',
      );
      await assertReadable(width, 'Scorecard');
      await saveWholePageScreenshot(page, `scorecard-${width}`);
    });

    it(`orders the rollup by tier 0 to 3 at ${width} px`, async () => {
      await page.goto(`${APP_URL}/reliability?by=tier`);
      const rollup = page.getByRole('table', { name: 'Rollup by tier' });
      await rollup.getByText('Tier 0', { exact: true }).waitFor();
      const names = await rollup
        .locator('tbody th')
        .evaluateAll(cells => cells.map(cell => cell.textContent));
      assert.deepEqual(names, ['Tier 0', 'Tier 1', 'Tier 2', 'Tier 3']);
      await assertReadable(width, 'Rollup by tier');
    });

    it(`shows the weekly review and the launch reviews at ${width} px`, async () => {
      await page.goto(`${APP_URL}/reliability?tab=weekly`);
      await page.getByRole('table', { name: 'Services' }).waitFor();
      await assertReadable(width, 'Weekly review');
      await page.goto(`${APP_URL}/reliability?tab=reviews`);
      await page
        .getByText(/open launch review|No launch reviews/)
        .first()
        .waitFor();
      await assertReadable(width, 'Launch reviews');
    });

    it(`shows checkout's Reliability tab at ${width} px`, async () => {
      await page.goto(
        `${APP_URL}/catalog/default/component/checkout/reliability`,
      );
      await main().getByText('SLOs (2)').waitFor();
      await main().getByText('slo/checkout-availability.yaml:3').waitFor();
      await assertReadable(width, 'Reliability tab');
      await saveWholePageScreenshot(page, `reliability-tab-${width}`);
    });

    it(`shows checkout's Readiness tab at ${width} px`, async () => {
      await page.goto(
        `${APP_URL}/catalog/default/component/checkout/readiness`,
      );
      // Live results need the portal's first evaluation, a little after start-up.
      await reloadUntil(
        page,
        () => main().getByText('SLOs measurable', { exact: true }).waitFor(),
        () => main().getByText('All 2 SLO(s) have data', { exact: true }),
      );
      await assertReadable(width, 'Readiness tab');
      await saveWholePageScreenshot(page, `readiness-${width}`);
    });
  }
});
