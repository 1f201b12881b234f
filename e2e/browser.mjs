// Shared set-up of the end-to-end tests: Debian's Chromium driven by playwright-core, and a
// screenshot helper writing into the README's image folder.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const APP_URL =
  process.env.RELIABILITY_APP_URL ?? 'http://localhost:3000';
export const BACKEND_URL =
  process.env.RELIABILITY_BACKEND_URL ?? 'http://localhost:7007';
const imagesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../docs/images',
);

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * The demo's people on the sign-in page (packages/app/src/modules/signIn): the guest, who owns
 * the payments services and prepares launches, and the SRE reviewer (Olga Petrov), who approves
 * them.
 */
const SIGN_IN_BUTTONS = {
  guest: 'Enter as guest',
  reviewer: 'Enter as SRE reviewer',
};

/** Signs in as one of the demo's people, as a user would on the sign-in page. */
export async function signInAs(person, page, url) {
  await page.goto(url);
  await page.getByRole('button', { name: SIGN_IN_BUTTONS[person] }).click();
}

/** Signs in with the guest provider, as a user would on the sign-in page. */
export async function signInAsGuest(page, url) {
  await signInAs('guest', page, url);
}

export async function saveScreenshot(page, name) {
  await page.screenshot({
    path: path.join(imagesDir, `${name}.png`),
    fullPage: true,
  });
}

/** A guest user's Backstage token, as the sign-in page gets it. */
export async function guestToken() {
  const response = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`, {
    method: 'POST',
  });
  return (await response.json()).backstageIdentity.token;
}

/**
 * Waits until the catalog has processed an entity (the demo loads examples/ at start-up) and the
 * reliability pipeline has read its definitions.
 */
export async function waitForEntity(entityPath, seconds = 120) {
  const token = await guestToken();
  const headers = { Authorization: `Bearer ${token}` };
  for (let i = 0; i < seconds; i++) {
    const response = await fetch(
      `${BACKEND_URL}/api/catalog/entities/by-name/${entityPath}`,
      { headers },
    );
    // The pages answer from what the pipeline stored: wait until it has read the entity.
    const profile =
      response.ok &&
      (await fetch(`${BACKEND_URL}/api/reliability/profile/${entityPath}`, {
        headers,
      }));
    if (profile && profile.ok && !(await profile.json()).pending) return;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(
    `${entityPath} never appeared in the catalog with its definitions read`,
  );
}

/** Opens a tab of the entity page (its links sit in the content navigation, not the sidebar). */
export async function openEntityTab(page, title) {
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: title, exact: true })
    .click();
}

/**
 * A page of its own (cookies and storage apart from other pages) signed in as `person` at `path`
 * of the app: wide enough for the tables, downloads accepted, a minute per step.
 */
export async function openPageAs(browser, person, path) {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1100 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await signInAs(person, page, `${APP_URL}${path}`);
  return page;
}

/** A browser with one page signed in as the guest at `path` of the app (see openPageAs). */
export async function openSignedInPage(path) {
  const browser = await launchBrowser();
  const page = await openPageAs(browser, 'guest', path);
  return { browser, page };
}

/**
 * Reloads the page until `locator()` matches, for data the portal computes on its schedule after
 * start-up (the first definitions sync, evaluation and scorecard projection). `ready()` waits for
 * the page to render before each look.
 */
export async function reloadUntil(page, ready, locator, attempts = 40) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    await ready();
    if (await locator().count()) return;
    await page.waitForTimeout(3000);
    await page.reload();
  }
  throw new Error(`still missing after ${attempts} reloads: ${locator()}`);
}
