import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { BROKER_CLIENT, BROKER_ISSUER, BROKER_LEVELS, STAFF_PREFIX, startBroker } from "./support/oidc-broker";
import { extraPort, startExtraPortal, type ExtraPortal } from "./support/oidc-portal";
import { format, nl } from "./support/portal";

/**
 * Logging in through a real OpenID Connect provider acting as the DigiD broker. A portal of its
 * own runs with DIGID_OIDC_* pointing at the broker and demo features off (so no simulators).
 */

test.describe.configure({ mode: "serial", timeout: 90_000 });

let portal: ExtraPortal;
let broker: { stop: () => Promise<void> } | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  portal = await startExtraPortal("oidc", extraPort(2), {
    DEMO_FEATURES: "false",
    DIGID_OIDC_ISSUER: BROKER_ISSUER,
    DIGID_OIDC_CLIENT_ID: BROKER_CLIENT.id,
    DIGID_OIDC_CLIENT_SECRET: BROKER_CLIENT.secret,
    // The same provider also plays the municipality's identity provider for staff.
    STAFF_OIDC_ISSUER: BROKER_ISSUER,
    STAFF_OIDC_CLIENT_ID: BROKER_CLIENT.id,
    STAFF_OIDC_CLIENT_SECRET: BROKER_CLIENT.secret,
    STAFF_OIDC_ROLE_MAP: JSON.stringify({ KCC: ["balie"] }),
  });
  broker = await startBroker(portal.url);
});

test.afterAll(async () => {
  await broker?.stop();
  await portal?.stop();
});

async function loginAtBroker(page: Page, bsn: string, level: string = BROKER_LEVELS.midden, action = "Inloggen bij broker") {
  await page.getByRole("button", { name: nl.auth.login.digidButton }).click();
  await expect(page).toHaveURL(new RegExp(`^${BROKER_ISSUER}/interaction/`));
  await page.getByLabel("BSN").fill(bsn);
  await page.getByLabel("Niveau").selectOption(level);
  await page.getByRole("button", { name: action }).click();
}

test("a resident logs in through the broker without JavaScript and lands where they were", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto(`${portal.url}/mijn`);
    await expect(page).toHaveURL(`${portal.url}/inloggen?terug=%2Fmijn`);
    // Demo features are off: no simulator, and its address does not exist.
    await expect(page.getByRole("link", { name: nl.auth.login.simulatorButtonDigid })).toHaveCount(0);
    await loginAtBroker(page, "999993653");
    await expect(page).toHaveURL(`${portal.url}/mijn`);
    await expect(page.getByRole("banner").getByTestId("login-state")).toHaveText(format(nl.auth.header.loggedInDigid, { level: "DigiD Midden" }));
    await expect(page.getByText(format(nl.auth.mine.loggedInWith, { method: "DigiD Midden" }))).toBeVisible();
    // Asked without showing it: the page check is about our pages, not Next's 404 shell.
    expect((await page.request.get(`${portal.url}/inloggen/digid-simulator`)).status()).toBe(404);
  } finally {
    await context.close();
  }
});

test("a broker that answers without a BSN gives a clear page, not an error", async ({ page }) => {
  await page.goto(`${portal.url}/inloggen`);
  await loginAtBroker(page, "");
  await expect(page).toHaveURL(`${portal.url}/inloggen/fout?reden=bsn-ontbreekt`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.auth.failure.title);
  await expect(page.getByText(nl.auth.failure.reasons["bsn-ontbreekt"]!)).toBeVisible();
  await expect(page.getByRole("link", { name: nl.auth.failure.tryAgain })).toHaveAttribute("href", "/inloggen");
  await expect(page.getByRole("banner").getByRole("link", { name: nl.frame.login })).toBeVisible();
});

// Each in a browser of its own: the broker remembers who logged in (single sign-on).
test("an invalid BSN from the broker is refused with its own explanation", async ({ page }) => {
  await page.goto(`${portal.url}/inloggen`);
  await loginAtBroker(page, "123456789");
  await expect(page).toHaveURL(`${portal.url}/inloggen/fout?reden=bsn-ongeldig`);
  await expect(page.getByText(nl.auth.failure.reasons["bsn-ongeldig"]!)).toBeVisible();
});

test("an unknown level from the broker is refused with its own explanation", async ({ page }) => {
  await page.goto(`${portal.url}/inloggen`);
  await loginAtBroker(page, "999996708", BROKER_LEVELS.onbekend);
  await expect(page).toHaveURL(`${portal.url}/inloggen/fout?reden=niveau-onbekend`);
  await expect(page.getByText(nl.auth.failure.reasons["niveau-onbekend"]!)).toBeVisible();
});

test("a member of staff logs in through the municipality's identity provider and lands in their area", async ({ page }) => {
  await page.goto(`${portal.url}/inloggen/medewerker`);
  await page.getByRole("button", { name: nl.staff.login.oidcButton }).click();
  await expect(page).toHaveURL(new RegExp(`^${BROKER_ISSUER}/interaction/`));
  await page.getByLabel("BSN").fill(`${STAFF_PREFIX}nina`);
  await page.getByRole("button", { name: "Inloggen bij broker" }).click();
  await expect(page).toHaveURL(`${portal.url}/balie`);
  await expect(page.getByRole("banner").getByTestId("login-state")).toHaveText(format(nl.auth.header.loggedInStaff, { name: "Medewerker nina" }));
});

test("cancelling at the broker says nothing changed", async ({ page }) => {
  await page.goto(`${portal.url}/inloggen`);
  await loginAtBroker(page, "999996708", BROKER_LEVELS.midden, "Annuleren bij broker");
  await expect(page).toHaveURL(`${portal.url}/inloggen/fout?reden=geannuleerd`);
  await expect(page.getByText(nl.auth.failure.reasons.geannuleerd!)).toBeVisible();
});

test("a broker that is down gives a clear page", async ({ page }) => {
  await broker?.stop();
  broker = undefined;
  await page.goto(`${portal.url}/inloggen`);
  await page.getByRole("button", { name: nl.auth.login.digidButton }).click();
  await expect(page).toHaveURL(`${portal.url}/inloggen/fout?reden=storing`);
  await expect(page.getByText(nl.auth.failure.reasons.storing!)).toBeVisible();
});
