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

/** Signs in with the guest provider, as a user would on the sign-in page. */
export async function signInAsGuest(page, url) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Enter' }).click();
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

/** Waits until the catalog has processed an entity (the demo loads examples/ at start-up). */
export async function waitForEntity(entityPath, seconds = 120) {
  const token = await guestToken();
  for (let i = 0; i < seconds; i++) {
    const response = await fetch(
      `${BACKEND_URL}/api/catalog/entities/by-name/${entityPath}`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    if (response.ok) return;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new Error(`${entityPath} never appeared in the catalog`);
}

/** Opens a tab of the entity page (its links sit in the content navigation, not the sidebar). */
export async function openEntityTab(page, title) {
  await page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name: title, exact: true })
    .click();
}
