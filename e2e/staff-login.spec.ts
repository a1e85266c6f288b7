import type { Page } from "@playwright/test";
import { DEMO_STAFF_PASSWORD } from "../db/seed";
import { expect as baseExpect, test } from "./fixtures";
import { nl } from "./support/portal";

// Answers after a login or a form post wait for scrypt, which is slow on purpose.
const expect = baseExpect.configure({ timeout: 15_000 });

// Logins verify a scrypt hash (slow on purpose); on a busy machine that takes a while.
test.describe.configure({ timeout: 90_000 });

/** Logs in on the staff login page (which must be showing). */
async function staffLogin(page: Page, email: string, password: string) {
  await page.getByRole("textbox", { name: nl.staff.login.email }).fill(email);
  await page.getByLabel(nl.staff.login.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: nl.staff.login.submit, exact: true }).click();
}

const demoRoles = [
  { email: "balie@voorbeeldstad.example", area: "/balie", heading: nl.staff.balie.title, roles: [nl.staff.roles.balie] },
  { email: "behandelaar@voorbeeldstad.example", area: "/behandeling", heading: nl.staff.behandeling.title, roles: [nl.staff.roles.behandelaar] },
  { email: "beheerder@voorbeeldstad.example", area: "/beheer", heading: nl.staff.beheer.title, roles: [nl.staff.roles.beheerder] },
];

for (const demo of demoRoles) {
  test(`demo staff ${demo.email} logs in and lands in ${demo.area}`, async ({ page }) => {
    await page.goto("/inloggen/medewerker");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.staff.login.title);
    await staffLogin(page, demo.email, DEMO_STAFF_PASSWORD);
    await expect(page).toHaveURL(new RegExp(`${demo.area}$`), { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(demo.heading);
    await expect(page.getByRole("main")).toContainText(demo.roles.join(", "));
  });
}

test("a staff member with several roles lands in the first area and sees a link to each", async ({ page }) => {
  await page.goto("/inloggen/medewerker");
  await staffLogin(page, "multi@voorbeeldstad.example", DEMO_STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/balie$/, { timeout: 20_000 });
  const areas = page.getByRole("navigation", { name: nl.staff.areas.heading });
  await expect(areas.getByRole("link")).toHaveCount(1);
  await areas.getByRole("link", { name: nl.staff.areas.behandeling }).click();
  await expect(page).toHaveURL(/\/behandeling$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.staff.behandeling.title);
  // No admin role: the admin area does not exist for them.
  expect((await page.goto("/beheer"))?.status()).toBe(404);
});

test("a staff page sends a visitor to the staff login and back to the page after login", async ({ page }) => {
  await page.goto("/behandeling");
  await expect(page).toHaveURL(/\/inloggen\/medewerker\?terug=%2Fbehandeling$/, { timeout: 20_000 });
  await staffLogin(page, "behandelaar@voorbeeldstad.example", DEMO_STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/behandeling$/, { timeout: 20_000 });
});

test("a wrong password gives one message that does not say whether the account exists, and keeps the e-mail address", async ({ page }) => {
  await page.goto("/inloggen/medewerker");
  await staffLogin(page, "balie@voorbeeldstad.example", "niet-het-goede-wachtwoord");
  const summary = page.getByRole("alert").filter({ hasText: nl.form.errorSummaryTitle });
  await expect(summary.getByRole("link", { name: nl.staff.login.errorInvalid })).toHaveAttribute("href", "#email");
  await expect(page.getByRole("textbox", { name: nl.staff.login.email })).toHaveValue("balie@voorbeeldstad.example");
  await expect(page.getByLabel(nl.staff.login.password, { exact: true })).toHaveValue("");
});

test("counter staff cannot open the admin area (404)", async ({ page }) => {
  await page.goto("/inloggen/medewerker");
  await staffLogin(page, "balie@voorbeeldstad.example", DEMO_STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/balie$/, { timeout: 20_000 });
  for (const path of ["/beheer", "/beheer/medewerkers", "/beheer/medewerkers/nieuw", "/behandeling"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("a resident cannot open staff pages (404)", async ({ page }) => {
  await page.goto("/inloggen/digid-simulator");
  await page.getByRole("textbox", { name: nl.auth.simulator.bsn }).fill("999996708");
  await page.getByRole("radio", { name: "DigiD Substantieel" }).check();
  await page.getByRole("button", { name: nl.auth.simulator.submit }).click();
  await expect(page).toHaveURL(/\/mijn$/, { timeout: 20_000 });
  for (const path of ["/balie", "/behandeling", "/beheer", "/beheer/medewerkers"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});

test("the staff login works without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await page.goto("/inloggen/medewerker?terug=%2Fbeheer%2Fmedewerkers");
    await staffLogin(page, "beheerder@voorbeeldstad.example", DEMO_STAFF_PASSWORD);
    await expect(page).toHaveURL(/\/beheer\/medewerkers$/, { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.staff.admin.title);
    const table = page.getByRole("table", { name: nl.staff.admin.caption });
    await expect(table.getByRole("row").filter({ hasText: "beheerder@voorbeeldstad.example" })).toContainText(nl.staff.admin.active);
  } finally {
    await context.close();
  }
});

test("a refused login through the identity provider explains why and what to do", async ({ page }) => {
  await page.goto("/inloggen/medewerker/geweigerd?reden=no-role");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.staff.oidcRefused.title!);
  await expect(page.getByRole("main")).toContainText(nl.staff.oidcRefused["no-role"]!);
  // An unknown reason gets the general explanation, never an error page.
  await page.goto("/inloggen/medewerker/geweigerd?reden=%3Cscript%3E");
  await expect(page.getByRole("main")).toContainText(nl.staff.oidcRefused.failed!);
  await page.getByRole("link", { name: nl.staff.oidcRefused.back! }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.staff.login.title);
  // Without STAFF_OIDC_* configured, only the password login is offered.
  await expect(page.getByRole("button", { name: nl.staff.login.oidcButton })).toHaveCount(0);
});
