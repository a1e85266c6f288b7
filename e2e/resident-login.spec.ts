import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { format, nl } from "./support/portal";

// Logging in, axe on every page and a cold server take their time on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });

/** Logs in with the DigiD simulator from wherever the page is (the simulator form must be showing). */
async function fillDigidSimulator(page: Page, bsn: string, level: string) {
  await page.getByRole("textbox", { name: nl.auth.simulator.bsn }).fill(bsn);
  await page.getByRole("radio", { name: level }).check();
  await page.getByRole("button", { name: nl.auth.simulator.submit }).click();
}

test("a resident logs in with the DigiD simulator, lands where they were, and logs out", async ({ page }) => {
  await page.goto("/mijn");
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fmijn$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.auth.login.title);
  await expect(page.getByRole("banner").getByRole("link", { name: nl.frame.login })).toBeVisible();
  await page.getByRole("link", { name: nl.auth.login.simulatorButtonDigid }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.auth.simulator.digidTitle);
  await fillDigidSimulator(page, "999996708", "DigiD Midden");

  await expect(page).toHaveURL(/\/mijn$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.auth.mine.title);
  const header = page.getByRole("banner");
  await expect(header.getByTestId("login-state")).toHaveText(`${format(nl.auth.header.loggedInDigid, { level: "DigiD Midden" })} ${nl.auth.header.simulatorSuffix}`);
  await expect(header.getByRole("link", { name: nl.auth.header.toMine })).toHaveAttribute("href", "/mijn");
  await expect(page.getByRole("link", { name: nl.auth.mine.processingLog })).toHaveAttribute("href", "/mijn/verwerkingen");
  // The BSN is never shown, not even to its owner in the header.
  expect(await page.content()).not.toContain("999996708");

  await header.getByRole("button", { name: nl.auth.header.logout }).click();
  await expect(page).toHaveURL(/\/uitgelogd$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.auth.loggedOut.title);
  await expect(page.getByRole("banner").getByRole("link", { name: nl.frame.login })).toBeVisible();
  await page.goto("/mijn");
  await expect(page).toHaveURL(/\/inloggen\?/);
});

test("after login the resident returns to the page they came from, never to another site", async ({ page }) => {
  await page.goto("/inloggen/digid-simulator?terug=%2Fhulp");
  await fillDigidSimulator(page, "123456782", "DigiD Basis");
  await expect(page).toHaveURL(/\/hulp$/);
  await expect(page.getByRole("banner").getByTestId("login-state")).toContainText("DigiD Basis");

  await page.goto("/inloggen/digid-simulator?terug=%2F%2Fevil.example%2F");
  await fillDigidSimulator(page, "123456782", "DigiD Hoog");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/mijn$/);
});

test("an invalid BSN in the simulator shows the error summary and keeps what was typed", async ({ page }) => {
  await page.goto("/inloggen/digid-simulator");
  await fillDigidSimulator(page, "123456789", "DigiD Substantieel");
  const summary = page.getByRole("alert").filter({ hasText: nl.form.errorSummaryTitle });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: nl.fieldErrors.bsnInvalid })).toHaveAttribute("href", "#bsn");
  const bsn = page.getByRole("textbox", { name: nl.auth.simulator.bsn });
  await expect(bsn).toHaveValue("123456789");
  await expect(bsn).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("radio", { name: "DigiD Substantieel" })).toBeChecked();
  // Nothing chosen and nothing typed: both fields say so.
  await page.goto("/inloggen/digid-simulator");
  await page.getByRole("button", { name: nl.auth.simulator.submit }).click();
  await expect(page.getByRole("link", { name: nl.fieldErrors.required })).toBeVisible();
  await expect(page.getByRole("link", { name: nl.fieldErrors.chooseOne })).toBeVisible();
});

test("a business logs in with the eHerkenning simulator without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto("/inloggen");
    await page.getByRole("link", { name: nl.auth.login.simulatorButtonEherkenning }).click();
    await page.getByRole("textbox", { name: nl.auth.simulator.kvk }).fill("87654321");
    await page.getByRole("textbox", { name: /Vestigingsnummer/ }).fill("12345");
    await page.getByRole("radio", { name: "eHerkenning EH3" }).check();
    await page.getByRole("button", { name: nl.auth.simulator.submit }).click();
    // A wrong branch number: the page comes back from the server with the error and the values.
    await expect(page.getByRole("link", { name: nl.fieldErrors.branchInvalid })).toBeVisible();
    await expect(page.getByRole("textbox", { name: nl.auth.simulator.kvk })).toHaveValue("87654321");
    await expect(page.getByRole("radio", { name: "eHerkenning EH3" })).toBeChecked();
    await page.getByRole("textbox", { name: /Vestigingsnummer/ }).fill("000012345678");
    await page.getByRole("button", { name: nl.auth.simulator.submit }).click();
    await expect(page).toHaveURL(/\/mijn$/);
    await expect(page.getByRole("banner").getByTestId("login-state")).toHaveText(`${format(nl.auth.header.loggedInEherkenning, { kvk: "87654321" })} ${nl.auth.header.simulatorSuffix}`);
    await expect(page.getByText(format(nl.auth.mine.business, { kvk: "87654321" }))).toBeVisible();
    await page.getByRole("banner").getByRole("button", { name: nl.auth.header.logout }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.auth.loggedOut.title);
  } finally {
    await context.close();
  }
});

test("'Overal uitloggen' ends the resident's sessions on other devices too", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const a = await first.newPage();
    const b = await second.newPage();
    for (const page of [a, b]) {
      await page.goto("/inloggen/digid-simulator");
      await fillDigidSimulator(page, "999993653", "DigiD Midden");
      await expect(page).toHaveURL(/\/mijn$/);
    }
    await a.getByRole("button", { name: nl.auth.mine.everywhereSubmit }).click();
    await expect(a).toHaveURL(/\/uitgelogd\?overal=1$/);
    await expect(a.getByText(nl.auth.loggedOut.everywhere)).toBeVisible();
    await b.reload();
    await expect(b).toHaveURL(/\/inloggen\?terug=%2Fmijn&reden=logout-everywhere$/);
    await expect(b.getByText(nl.auth.login.reasons["logout-everywhere"]!)).toBeVisible();
  } finally {
    await first.close();
    await second.close();
  }
});
