// End-to-end: the demo portal in headless Chromium, as a developer sees it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  APP_URL,
  BACKEND_URL,
  guestToken,
  openSignedInPage,
  openEntityTab,
  saveScreenshot,
  waitForEntity,
} from './browser.mjs';

describe(
  'Reliability tab and card on entity pages',
  { timeout: 10 * 60_000 },
  () => {
    let browser;
    let page;

    before(async () => {
      await Promise.all(
        [
          'component/default/checkout',
          'component/default/perfect-target',
          'component/default/ledger',
        ].map(e => waitForEntity(e)),
      );
      ({ browser, page } = await openSignedInPage(
        '/catalog/default/component/checkout',
      ));
    });

    after(async () => {
      await browser?.close();
    });

    it('shows a Tier-1 service profile on its Reliability tab', async () => {
      await openEntityTab(page, 'Reliability');
      await page.getByText('What Tier 1 requires').waitFor();
      const main = page.locator('main');
      await main.getByText('Everything Tier 1 requires is in place').waitFor();
      await main.getByText('SLOs (2)').waitFor();
      assert.equal(
        await main
          .getByRole('link', { name: 'PagerDuty service PGRP001' })
          .count(),
        1,
      );
      assert.equal(
        await main
          .getByRole('link', { name: 'PagerDuty service PGRP001' })
          .getAttribute('href'),
        'https://example.pagerduty.com/service-directory/PGRP001',
      );
      for (const text of [
        'Checkout availability',
        'Checkout latency',
        '99.9%',
        '30d rolling',
      ]) {
        assert.ok(
          await main.getByText(text, { exact: true }).first().isVisible(),
          `"${text}" is visible`,
        );
      }
      assert.ok(
        await main.getByText('slo/checkout-availability.yaml:3').isVisible(),
      );
      assert.ok(
        await main
          .getByText(/^RTO 1h · RPO 15m · last tested 2026-09-14/)
          .isVisible(),
      );
      await saveScreenshot(page, 'reliability-tab');
    });

    it('shows live error budgets measured from Prometheus with a burn-down chart', async () => {
      const main = page.locator('main');
      await main.getByText('Error budgets', { exact: true }).waitFor();
      await main
        .getByRole('img', {
          name: 'Burn-down of the error budget of Checkout availability',
        })
        .waitFor();
      assert.ok(
        await main.getByText('Green: within budget').first().isVisible(),
      );
      assert.ok(
        await main
          .getByText(/^Error budget remaining: /)
          .first()
          .isVisible(),
      );
      assert.ok(
        await main
          .getByText(
            'Error-budget policy: Normal operations: proceed with deployment',
          )
          .first()
          .isVisible(),
      );
      assert.equal(await main.getByText(/NaN/).count(), 0);
      await saveScreenshot(page, 'error-budgets');
    });

    it('shows an overspent service in feature freeze, and the deploy gate refuses it', async () => {
      await page.goto(
        `${APP_URL}/catalog/default/component/web-storefront/reliability`,
      );
      const main = page.locator('main');
      await main.getByText('— out of budget').first().waitFor();
      assert.ok(
        await main.getByText('Red: feature freeze').first().isVisible(),
      );
      assert.ok(
        await main
          .getByText('Feature freeze', { exact: true })
          .first()
          .isVisible(),
      );
      await saveScreenshot(page, 'overspent-service');

      const token = await guestToken();
      const gate = await (
        await fetch(
          `${BACKEND_URL}/api/reliability/deploy-gate?entityRef=component:default/web-storefront`,
          {
            headers: { Authorization: `Bearer ${token}` },
          },
        )
      ).json();
      assert.equal(gate.allowed, false);
      assert.equal(gate.riskLevel, 'high');
      assert.equal(gate.policyState, 'red');

      // CI asks the same question with the static external-access token of app-config.yaml.
      const fromCi = await fetch(
        `${BACKEND_URL}/api/reliability/deploy-gate?entityRef=component:default/web-storefront`,
        { headers: { Authorization: 'Bearer demo-ci-token-change-me' } },
      );
      assert.equal(fromCi.status, 200);
      assert.equal((await fromCi.json()).allowed, false);
    });

    it('shows the deploy gate on the Reliability tab, and lets an SRE override it with a reason', async () => {
      // The demo's guest is in the SRE group: allowed to override any gate.
      const main = page.locator('main');
      const decision = main.getByRole('group', {
        name: 'Deploy-gate decision',
      });
      await decision.getByText('Deploys refused (high risk)').waitFor();
      assert.match(
        await decision.innerText(),
        /Feature freeze: emergency fixes only \(.+ has -?[\d.]+% of its error budget left\)/,
      );
      await main.getByRole('button', { name: 'Override' }).click();
      const dialog = page.getByRole('dialog');
      await dialog
        .getByLabel(/Reason/)
        .fill('Hotfix for the checkout outage INC-4711');
      await dialog.getByLabel(/Expires after/).selectOption('120');
      await dialog.getByRole('button', { name: 'Override gate' }).click();
      await dialog.waitFor({ state: 'detached' });
      await decision.getByText('Deploys allowed (high risk)').waitFor();
      await main
        .getByText(
          /^Emergency override by Guest, ends in (1 hour|2 hours): Hotfix for the checkout outage INC-4711$/,
        )
        .waitFor();
      const overrides = main.getByRole('list', {
        name: 'Deploy-gate overrides',
      });
      assert.match(
        await overrides.getByRole('listitem').first().innerText(),
        /^In force\s+Guest (just now|\d+ seconds? ago), ends in (1 hour|2 hours)\s+Hotfix for the checkout outage INC-4711$/,
      );
      await saveScreenshot(page, 'deploy-gate');

      // CI is let through while the override is in force.
      const token = await guestToken();
      const gate = await (
        await fetch(
          `${BACKEND_URL}/api/reliability/deploy-gate?entityRef=component:default/web-storefront`,
          { headers: { Authorization: `Bearer ${token}` } },
        )
      ).json();
      assert.equal(gate.allowed, true);
      assert.equal(gate.override.createdBy, 'user:development/guest');
    });

    it('shows the compact card on the overview tab', async () => {
      await page.goto(`${APP_URL}/catalog/default/component/checkout`);
      await page
        .getByText('Checkout availability: 99.9% over 30d rolling')
        .waitFor();
      assert.ok(
        await page
          .getByText('Checkout latency: 99% over 28d rolling')
          .isVisible(),
      );
      const facts = page.getByLabel('Reliability summary');
      await facts.getByText(/required checklist items pass/).waitFor();
      await facts
        .getByText(/^Deploys (allowed|refused) \((low|medium|high) risk\)$/)
        .waitFor();
      const summary = await facts.innerText();
      for (const fact of [
        /Budget left\s+-?[\d.]+% \(Checkout (availability|latency)/,
        /Deploy gate\s+Deploys (allowed|refused)/,
        /Readiness\s+\d+\/\d+ required checklist items pass \(\d+%\)/,
        /Profile\s+Everything Tier 1 requires of the profile is in place/,
      ]) {
        assert.match(summary, fact);
      }
      // High on the page: above the API tables of the Overview.
      const cardTop = (await facts.boundingBox()).y;
      const apisTop = (await page.getByText('Provided APIs').boundingBox()).y;
      assert.ok(
        cardTop < apisTop,
        `card at ${cardTop}px, APIs at ${apisTop}px`,
      );
      const deepLink = page.getByRole('link', {
        name: 'Open the Reliability tab',
      });
      assert.equal(
        await deepLink.getAttribute('href'),
        '/catalog/default/component/checkout/reliability',
      );
      await saveScreenshot(page, 'overview-card');
    });

    it('shows the precise error of a broken SLO file on the entity page', async () => {
      const error =
        'slo/perfect-target.yaml:33 spec.objectives[0].target: must be < 1 (100% leaves no error budget)';
      await page.goto(`${APP_URL}/catalog/default/component/perfect-target`);
      await page.getByText(`Error: ${error}`).waitFor();
      await saveScreenshot(page, 'broken-entity-errors');
      await openEntityTab(page, 'Reliability');
      await page
        .getByText('1 problem in the reliability definitions')
        .waitFor();
      assert.ok(
        await page
          .locator('main li')
          .getByText(error, { exact: true })
          .isVisible(),
      );
      assert.ok(
        await page
          .getByText('No valid SLO: 1 definition problem(s) to fix')
          .isVisible(),
      );
      await saveScreenshot(page, 'broken-entity-reliability-tab');
    });

    it('lists what an incomplete Tier-0 service is missing', async () => {
      await page.goto(
        `${APP_URL}/catalog/default/component/ledger/reliability`,
      );
      await page.getByText('What Tier 0 requires').waitFor();
      assert.ok(
        await page
          .getByText(
            'No SLOs: add OpenSLO files (reliability-suite.io/slo-files) or spec.reliability.slos',
          )
          .isVisible(),
      );
      await saveScreenshot(page, 'incomplete-entity');
    });
  },
);
