/*
 * How long the scorecard page at /reliability takes to become interactive in headless Chromium
 * with the synthetic organisation of 10,000 entities.
 *
 * The page is the demo portal's (its production bundle, sign-in and backend; bench/run.sh starts it); its
 * scorecard requests (`/api/reliability/scorecard…`) are answered by the benchmark's reliability
 * backend serving the seeded organisation (`--api`, the base URL of its /api/reliability), so the
 * page renders 10,000 entities' rows, rollups and coverage read from that backend's store.
 *
 * "Interactive": the first page of 50 entity rows, the count of all entities, the coverage figures
 * and the rollup are rendered. Timed three ways:
 * - cold: signed in, the first load of /reliability with an empty HTTP cache (every script
 *   downloaded and compiled);
 * - reload: a full page load of /reliability again (scripts from the HTTP cache), `--runs` times;
 * - navigation: from the catalog page, a click on the sidebar's "Reliability", `--runs` times.
 *
 * Prints one JSON object with the figures (ms) on standard output.
 *
 *   node bench/pageInteractive.mjs --api http://127.0.0.1:PORT/api/reliability [--runs 10]
 */
// eslint-disable-next-line @backstage/no-relative-monorepo-imports -- the e2e tests' browser helper; e2e/ is no workspace package
import { APP_URL, launchBrowser, signInAsGuest } from '../e2e/browser.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const api = option('api');
const runs = Number(option('runs', '10'));
const expectedEntities = Number(option('entities', '10000'));
if (!api)
  throw new Error('--api <base URL of the /api/reliability to measure>');

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function summary(durations) {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1],
    n: sorted.length,
  };
}

/** Resolves once the page shows the scorecard of the whole organisation. */
async function interactive(page) {
  const entities = page.getByRole('table', { name: 'Entities' });
  await Promise.all([
    entities.locator('tbody tr').nth(49).waitFor(),
    page.getByText(`1-50 of ${expectedEntities}`, { exact: true }).waitFor(),
    page.getByRole('list', { name: 'Coverage' }).waitFor(),
    page
      .getByRole('table', { name: 'Rollup by owner' })
      .locator('tbody tr')
      .first()
      .waitFor(),
  ]);
}

async function timed(action, page) {
  const started = performance.now();
  await action();
  await interactive(page);
  return performance.now() - started;
}

async function main() {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1100 },
    });
    // The scorecard's requests go to the benchmark's backend, without the portal's token (that
    // backend accepts unauthenticated callers as a user allowed to read everything).
    await context.route(/\/api\/reliability\/scorecard/, async route => {
      const url = new URL(route.request().url());
      const headers = { ...route.request().headers() };
      delete headers.authorization;
      const response = await route.fetch({
        url: `${api}${url.pathname.replace(/^\/api\/reliability/, '')}${
          url.search
        }`,
        headers,
      });
      await route.fulfill({ response });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    try {
      await measure(page, context);
    } catch (error) {
      const file = `${
        process.env.BENCH_DIR ?? '/tmp/reliability-bench'
      }/page-failure.png`;
      await page.screenshot({ path: file, fullPage: true });
      console.error(`The page as it was: ${file}`);
      throw error;
    }
  } finally {
    await browser.close();
  }
}

async function measure(page, context) {
  await signInAsGuest(page, `${APP_URL}/`);
  await page
    .getByRole('heading', { name: /catalog/i })
    .first()
    .waitFor();
  // Signed in (the session survives page loads); the first load then fetches every script.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  const cold = await timed(() => page.goto(`${APP_URL}/reliability`), page);
  const reload = [];
  for (let i = 0; i < runs; i++) {
    reload.push(await timed(() => page.reload(), page));
  }
  const navigation = [];
  const sidebarLink = page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'Reliability', exact: true });
  for (let i = 0; i < runs; i++) {
    await page.goto(`${APP_URL}/`);
    await page
      .getByRole('heading', { name: /catalog/i })
      .first()
      .waitFor();
    navigation.push(await timed(() => sidebarLink.click(), page));
  }
  process.stdout.write(
    `${JSON.stringify({
      cold,
      reload: summary(reload),
      navigation: summary(navigation),
    })}\n`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
