import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { extraPort, startExtraPortal, type ExtraPortal } from "./support/oidc-portal";
import { format, nl } from "./support/portal";

/**
 * The idle limit (R28) with a portal of its own whose limit is 6 seconds
 * (RESIDENT_IDLE_MINUTES=0.25, 15 seconds; long enough for a busy 2-core machine): the warning comes halfway.
 */

test.describe.configure({ mode: "serial", timeout: 90_000 });

let portal: ExtraPortal;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  portal = await startExtraPortal("idle", extraPort(1), { RESIDENT_IDLE_MINUTES: "0.25" });
});

test.afterAll(async () => {
  await portal?.stop();
});

async function logIn(page: Page) {
  await page.goto(`${portal.url}/inloggen/digid-simulator?terug=%2Fmijn`);
  await page.getByRole("textbox", { name: nl.auth.simulator.bsn }).fill("999996708");
  await page.getByRole("radio", { name: "DigiD Midden" }).check();
  await page.getByRole("button", { name: nl.auth.simulator.submit }).click();
  await expect(page).toHaveURL(`${portal.url}/mijn`);
}

const idleMessage = format(nl.auth.login.reasons.idle!, { minutes: "0,25" });

test("with JavaScript: a warning with 'Blijf ingelogd', then the login page says why", async ({ page }) => {
  await logIn(page);
  const dialog = page.getByRole("alertdialog", { name: nl.auth.idle.title });
  await expect(dialog).toBeVisible({ timeout: 25_000 });
  const stay = dialog.getByRole("button", { name: nl.auth.idle.stay });
  await expect(stay).toBeFocused();
  await stay.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: nl.auth.idle.stayed })).toHaveCount(1);
  // Still logged in after the first deadline has passed, thanks to the button.
  await expect(page.getByRole("banner").getByTestId("login-state")).toBeVisible();

  // Now do nothing: the warning comes back and the session ends.
  await expect(dialog).toBeVisible({ timeout: 25_000 });
  await expect(page).toHaveURL(`${portal.url}/inloggen?reden=idle&terug=%2Fmijn`, { timeout: 30_000 });
  await expect(page.getByText(idleMessage)).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: nl.frame.login })).toBeVisible();
  // Logging in again brings the resident back to where they were.
  await page.getByRole("link", { name: nl.auth.login.simulatorButtonDigid }).click();
  await page.getByRole("textbox", { name: nl.auth.simulator.bsn }).fill("999996708");
  await page.getByRole("radio", { name: "DigiD Midden" }).check();
  await page.getByRole("button", { name: nl.auth.simulator.submit }).click();
  await expect(page).toHaveURL(`${portal.url}/mijn`);
});

test("without JavaScript: the next page after the limit asks to log in again", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await logIn(page);
    await page.waitForTimeout(16_000);
    await page.goto(`${portal.url}/mijn`);
    await expect(page).toHaveURL(`${portal.url}/inloggen?terug=%2Fmijn&reden=idle`);
    await expect(page.getByText(idleMessage)).toBeVisible();
  } finally {
    await context.close();
  }
});
