// End-to-end: a full launch readiness review of a Tier-1 demo service in headless Chromium. The
// demo's guest is an owner (payments) and an SRE lead (see app-config.yaml): it attests, waives,
// opens and submits the review. The four-eyes rule keeps it from approving what it prepared, so
// a second page signed in as the demo's SRE reviewer (Olga Petrov) approves; the permission tests
// cover who may do what.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  APP_URL,
  openPageAs,
  openSignedInPage,
  reloadUntil,
  openEntityTab,
  saveScreenshot,
  waitForEntity,
} from './browser.mjs';

describe(
  'Launch readiness review of checkout',
  { timeout: 10 * 60_000 },
  () => {
    let browser;
    let page;
    const main = () => page.locator('main');
    const dialog = () => page.getByRole('dialog');

    before(async () => {
      await waitForEntity('component/default/checkout');
      ({ browser, page } = await openSignedInPage(
        '/catalog/default/component/checkout',
      ));
      await openEntityTab(page, 'Readiness');
      // Live results need the portal's first evaluation, a little after start-up.
      await reloadUntil(
        page,
        () => main().getByText('SLOs measurable', { exact: true }).waitFor(),
        () => main().getByText('All 2 SLO(s) have data', { exact: true }),
      );
    });

    after(async () => {
      await browser?.close();
    });

    it('shows the Tier-1 checklist with live automatic results', async () => {
      const text = value => main().getByText(value, { exact: true }).first();
      await text('SLOs measurable').waitFor();
      await text('All 2 SLO(s) have data').waitFor();
      await text('Owned by group:default/payments').waitFor();
      await text('Capacity and load test').waitFor();
      await saveScreenshot(page, 'readiness-checklist');
    });

    it('lets the owner attest manual items and an SRE lead waive one', async () => {
      for (const title of ['Capacity and load test', 'Rollback readiness']) {
        await main()
          .getByRole('button', { name: `Attest ${title}` })
          .click();
        await dialog()
          .getByLabel(/Evidence/)
          .fill(
            `https://docs.example.com/checkout/${title
              .split(' ')[0]
              .toLowerCase()}`,
          );
        await dialog()
          .getByLabel(/Comment/)
          .fill(`${title} verified for launch`);
        await dialog()
          .getByRole('button', { name: 'Save attestation' })
          .click();
        await dialog().waitFor({ state: 'detached' });
      }
      await main()
        .getByRole('button', { name: 'Waive Security review' })
        .click();
      await dialog()
        .getByLabel(/Reason/)
        .fill('Pen test booked for next sprint; no new external endpoints');
      await dialog().getByRole('button', { name: 'Save waiver' }).click();
      await dialog().waitFor({ state: 'detached' });
      await main()
        .getByText('https://docs.example.com/checkout/capacity')
        .first()
        .waitFor();
    });

    it('runs the review: the guest opens and submits, and may not approve it (four-eyes rule)', async () => {
      await main().getByRole('button', { name: 'Open launch review' }).click();
      await dialog().getByRole('button', { name: 'Open review' }).click();
      await dialog().waitFor({ state: 'detached' });
      await main().getByRole('button', { name: 'Submit for review' }).click();
      await main().getByRole('button', { name: 'Approve' }).waitFor();
      await main().getByRole('button', { name: 'Approve' }).click();
      await main()
        .getByText(
          'cannot approve: user:development/guest opened this review and attested Capacity and load test, Rollback readiness; another reviewer must approve (four-eyes rule)',
          { exact: true },
        )
        .waitFor();
    });

    it('lets the SRE reviewer approve; the history shows every step', async () => {
      const reviewer = await openPageAs(
        browser,
        'reviewer',
        '/catalog/default/component/checkout',
      );
      await openEntityTab(reviewer, 'Readiness');
      const reviewerMain = () => reviewer.locator('main');
      await reviewerMain().getByRole('button', { name: 'Approve' }).click();
      await reviewerMain().getByRole('button', { name: 'Reopen' }).waitFor();
      await reviewerMain()
        .getByText('Approved', { exact: true })
        .first()
        .waitFor();
      // People by their display names, once the catalog has presented them.
      const historyList = reviewerMain().getByRole('list', {
        name: 'Readiness history',
      });
      await historyList
        .getByText(
          /^Olga Petrov — approved the launch .* — (just now|\d+ seconds? ago)$/,
        )
        .waitFor();
      const history = await historyList.innerText();
      for (const step of [
        'Guest — attested',
        'Guest — waived',
        'Guest — opened',
        'Guest — submitted',
        'Olga Petrov — approved the launch',
      ]) {
        assert.match(history, new RegExp(step), `history says "${step}"`);
      }
      await saveScreenshot(reviewer, 'readiness-review');
      // Olga is one of the review's reviewers (group:default/sre): the portal's Notifications
      // page shows that she was asked to review it when it was opened.
      await reviewer.goto(`${APP_URL}/notifications`);
      await reviewer
        .getByText(
          'Launch review of Checkout opened: you are asked to review it',
        )
        .first()
        .waitFor();
      await saveScreenshot(reviewer, 'notifications');
      await reviewer.context().close();
      // The guest's page shows the decision once it reloads.
      await page.reload();
      await main().getByText('Approved', { exact: true }).first().waitFor();
    });

    it('exports the audit trail as JSON', async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        main().getByRole('button', { name: 'Export JSON' }).click(),
      ]);
      const events = JSON.parse(await readFile(await download.path(), 'utf8'));
      const types = events.map(e => e.type);
      assert.ok(types.includes('item.attested'));
      assert.ok(types.includes('item.waived'));
      assert.equal(types.at(-1), 'review.approved');
      assert.equal(events.at(-1).actor, 'user:default/olga.petrov');
    });
  },
);
