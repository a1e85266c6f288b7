import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { DEMO_STAFF_PASSWORD } from "../db/seed";
import { expect as baseExpect, test } from "./fixtures";
import { nl } from "./support/portal";

// Answers after a login or a form post wait for scrypt, which is slow on purpose.
const expect = baseExpect.configure({ timeout: 15_000 });

// These tests create their own staff members, so the demo accounts other tests use stay as they are.
// Each runs two browsers through several logins (scrypt is slow on purpose): give them time.
test.describe.configure({ timeout: 120_000 });

async function staffLogin(page: Page, email: string, password: string) {
  await page.getByRole("textbox", { name: nl.staff.login.email }).fill(email);
  await page.getByLabel(nl.staff.login.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: nl.staff.login.submit, exact: true }).click();
}

async function adminLogin(page: Page) {
  await page.goto("/inloggen/medewerker");
  await staffLogin(page, "beheerder@voorbeeldstad.example", DEMO_STAFF_PASSWORD);
  await expect(page).toHaveURL(/\/beheer$/, { timeout: 20_000 });
}

/** The admin adds a staff member with a temporary password through the form; returns to their page. */
async function createStaff(page: Page, options: { name: string; email: string; roles: string[]; password: string }) {
  await page.goto("/beheer/medewerkers");
  await page.getByRole("link", { name: nl.staff.admin.add }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.staff.admin.newTitle);
  await page.getByRole("textbox", { name: nl.staff.admin.name }).fill(options.name);
  await page.getByRole("textbox", { name: nl.staff.admin.email }).fill(options.email);
  for (const role of options.roles) await page.getByRole("checkbox", { name: role, exact: true }).check();
  await page.getByRole("radio", { name: nl.staff.admin.loginPassword }).check();
  await page.getByLabel(nl.staff.admin.initialPassword, { exact: true }).fill(options.password);
  await page.getByRole("button", { name: nl.staff.admin.create }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(options.name);
  await expect(page.getByRole("main")).toContainText(nl.staff.admin.notices.created!);
}

/** A staff member logs in for the first time with a temporary password and chooses their own. */
async function firstLogin(page: Page, email: string, temporary: string, chosen: string, area: string) {
  await page.goto("/inloggen/medewerker");
  await staffLogin(page, email, temporary);
  await expect(page).toHaveURL(/\/medewerker\/wachtwoord$/, { timeout: 20_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.staff.password.title);
  // Nothing else works before a new password is chosen.
  await page.goto(area);
  await expect(page).toHaveURL(new RegExp(`/medewerker/wachtwoord\\?terug=${encodeURIComponent(area)}$`), { timeout: 20_000 });
  await page.getByLabel(nl.staff.password.new, { exact: true }).fill(temporary);
  await page.getByLabel(nl.staff.password.confirm).fill(temporary);
  await page.getByRole("button", { name: nl.staff.password.submit }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.form.errorSummaryTitle })).toContainText(nl.staff.errors.passwordSameAsOld);
  await page.getByLabel(nl.staff.password.new, { exact: true }).fill(chosen);
  await page.getByLabel(nl.staff.password.confirm).fill(chosen);
  await page.getByRole("button", { name: nl.staff.password.submit }).click();
  await expect(page).toHaveURL(new RegExp(`${area}$`), { timeout: 20_000 });
}

function unique(prefix: string) {
  const id = randomBytes(4).toString("hex");
  return { name: `${prefix} ${id}`, email: `${prefix.toLowerCase()}-${id}@voorbeeldstad.example` };
}

async function secondBrowser(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("an admin creates a staff member, who logs in with the temporary password and must choose a new one", async ({ page, browser }) => {
  const who = unique("Nieuw");
  await adminLogin(page);
  await createStaff(page, { ...who, roles: [nl.staff.roles.behandelaar!], password: "Tijdelijk-wachtwoord-1" });
  await expect(page.getByRole("main")).toContainText(nl.staff.admin.mustChange);

  const user = await secondBrowser(browser);
  try {
    await firstLogin(user.page, who.email, "Tijdelijk-wachtwoord-1", "Eigen-wachtwoord-2026", "/behandeling");
    await expect(user.page.getByRole("heading", { level: 1 })).toHaveText(nl.staff.behandeling.title);
  } finally {
    await user.context.close();
  }
  // The list shows the new staff member with their role.
  await page.goto("/beheer/medewerkers");
  await expect(page.getByRole("row").filter({ hasText: who.email })).toContainText(nl.staff.roles.behandelaar!);
});

test("deactivating a staff member ends their open session: their next page load is the login page", async ({ page, browser }) => {
  const who = unique("Weg");
  await adminLogin(page);
  await createStaff(page, { ...who, roles: [nl.staff.roles.balie!], password: "Tijdelijk-wachtwoord-1" });
  const detail = page.url();

  const user = await secondBrowser(browser);
  try {
    await firstLogin(user.page, who.email, "Tijdelijk-wachtwoord-1", "Eigen-wachtwoord-2026", "/balie");

    await page.goto(detail);
    await page.getByRole("button", { name: nl.staff.admin.deactivateSubmit }).click();
    await expect(page.getByRole("main")).toContainText(nl.staff.admin.notices.deactivated!);

    await user.page.reload();
    await expect(user.page).toHaveURL(/\/inloggen\/medewerker\?terug=%2Fbalie&reden=deactivated$/, { timeout: 20_000 });
    await expect(user.page.getByRole("main")).toContainText(nl.staff.login.reasons.deactivated!);
    // And they cannot log in again.
    await staffLogin(user.page, who.email, "Eigen-wachtwoord-2026");
    await expect(user.page.getByRole("alert").filter({ hasText: nl.form.errorSummaryTitle })).toContainText(nl.staff.login.errorInactive);

    // Activated again, they can.
    await page.getByRole("button", { name: nl.staff.admin.reactivateSubmit }).click();
    await expect(page.getByRole("main")).toContainText(nl.staff.admin.notices.reactivated!);
    await staffLogin(user.page, who.email, "Eigen-wachtwoord-2026");
    await expect(user.page).toHaveURL(/\/balie$/, { timeout: 20_000 });
  } finally {
    await user.context.close();
  }
});

test("new roles apply at once: the staff member is logged out and gets the new area after logging in", async ({ page, browser }) => {
  const who = unique("Rol");
  await adminLogin(page);
  await createStaff(page, { ...who, roles: [nl.staff.roles.balie!], password: "Tijdelijk-wachtwoord-1" });
  const detail = page.url();

  const user = await secondBrowser(browser);
  try {
    await firstLogin(user.page, who.email, "Tijdelijk-wachtwoord-1", "Eigen-wachtwoord-2026", "/balie");
    await page.goto(detail);
    const rolesForm = page.getByRole("region", { name: nl.staff.admin.rolesHeading });
    await rolesForm.getByRole("checkbox", { name: nl.staff.roles.balie, exact: true }).uncheck();
    await rolesForm.getByRole("checkbox", { name: nl.staff.roles.behandelaar, exact: true }).check();
    await rolesForm.getByRole("button", { name: nl.staff.admin.saveRoles }).click();
    await expect(page.getByRole("main")).toContainText(nl.staff.admin.notices["roles-changed"]!);

    await user.page.reload();
    await expect(user.page).toHaveURL(/\/inloggen\/medewerker\?terug=%2Fbalie&reden=roles-changed$/, { timeout: 20_000 });
    await staffLogin(user.page, who.email, "Eigen-wachtwoord-2026");
    // Back to /balie, which their new role does not open.
    await expect(user.page.getByRole("heading", { level: 1 })).toHaveText(nl.errors.notFoundTitle);
    expect((await user.page.goto("/balie"))?.status()).toBe(404);
    await user.page.goto("/behandeling");
    await expect(user.page.getByRole("heading", { level: 1 })).toHaveText(nl.staff.behandeling.title);
  } finally {
    await user.context.close();
  }
});

test("an admin cannot deactivate themselves; a form sent back with errors keeps what was typed", async ({ page }) => {
  await adminLogin(page);
  await page.goto("/beheer/medewerkers");
  await page.getByRole("row").filter({ hasText: "beheerder@voorbeeldstad.example" }).getByRole("link").click();
  await expect(page.getByRole("main")).toContainText(nl.staff.admin.selfNote);
  await expect(page.getByRole("button", { name: nl.staff.admin.deactivateSubmit })).toHaveCount(0);
  // Removing their own admin role is refused.
  const rolesForm = page.getByRole("region", { name: nl.staff.admin.rolesHeading });
  await rolesForm.getByRole("checkbox", { name: nl.staff.roles.beheerder, exact: true }).uncheck();
  await rolesForm.getByRole("checkbox", { name: nl.staff.roles.balie, exact: true }).check();
  await rolesForm.getByRole("button", { name: nl.staff.admin.saveRoles }).click();
  await expect(rolesForm.getByRole("alert")).toContainText(nl.staff.errors["self-remove-admin"]);
  await expect(rolesForm.getByRole("checkbox", { name: nl.staff.roles.balie, exact: true })).toBeChecked();

  // A new staff member without a role or valid password: every problem at once, the typed values kept.
  await page.goto("/beheer/medewerkers/nieuw");
  await page.getByRole("textbox", { name: nl.staff.admin.name }).fill("Zonder Rol");
  await page.getByRole("textbox", { name: nl.staff.admin.email }).fill("geen-e-mailadres");
  await page.getByLabel(nl.staff.admin.initialPassword, { exact: true }).fill("kort");
  await page.getByRole("button", { name: nl.staff.admin.create }).click();
  const summary = page.getByRole("alert").filter({ hasText: nl.form.errorSummaryTitle });
  await expect(summary.getByRole("link", { name: nl.fieldErrors.emailInvalid })).toHaveAttribute("href", "#email");
  await expect(summary.getByRole("link", { name: nl.staff.errors.rolesRequired })).toHaveAttribute("href", "#rollen");
  await expect(summary.getByRole("link", { name: nl.staff.errors.passwordTooShort })).toHaveAttribute("href", "#wachtwoord");
  await expect(page.getByRole("textbox", { name: nl.staff.admin.name })).toHaveValue("Zonder Rol");
});
