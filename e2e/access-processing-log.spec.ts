import { expect, test } from "./fixtures";
import { DEMO_STAFF, loginResident, loginStaff, randomBsn } from "./support/access-sessions";
import { nl } from "./support/portal";

/**
 * The processing log in use (R29, R30): a counter employee looks a resident up by BSN (posted,
 * never in a URL) for a stated purpose, sees the BSN masked and shows it in full only on
 * purpose; the resident then sees who looked and why; an admin finds it by BSN, with only the
 * party's id in the URL. The fixture fails any test whose browser requested a URL with a BSN.
 */

const l = nl.partyLookup;

// Three logins (a resident, a counter employee, an admin) and a dozen pages: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

test("a counter lookup is logged and shown to the resident, and an admin finds it by BSN", async ({ browser }) => {
  const bsn = randomBsn();
  const resident = await browser.newContext();
  const residentPage = await resident.newPage();
  await loginResident(residentPage, bsn);

  const balie = await browser.newContext();
  const page = await balie.newPage();
  await loginStaff(page, DEMO_STAFF.balie);
  await page.goto("/balie/inwoner-zoeken");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(l.title);

  // Forgetting the purpose: the form says so and keeps the number.
  await page.getByLabel(l.bsnLabel).fill(bsn);
  await page.getByRole("button", { name: l.submit }).click();
  await expect(page.getByRole("alert").filter({ hasText: nl.fieldErrors.chooseOne })).toBeVisible();
  await expect(page.getByLabel(l.bsnLabel)).toHaveValue(bsn);

  await page.getByLabel(l.reasons.telefoon).check();
  await page.getByLabel(l.detailLabel).fill("vraag over e2e");
  await page.getByRole("button", { name: l.submit }).click();
  await expect(page.getByTestId("bsn-masked")).toHaveText(`••••••${bsn.slice(-3)}`);
  await expect(page.getByText(bsn)).toHaveCount(0);
  expect(page.url()).toMatch(/\/balie\/inwoner-zoeken$/);

  await page.getByRole("button", { name: l.reveal }).click();
  await expect(page.getByTestId("bsn-full")).toHaveText(bsn);

  // The party page opens straight away: the purpose was recorded at the lookup.
  await page.getByRole("link", { name: l.openParty }).click();
  await expect(page).toHaveURL(/\/balie\/partij\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("bsn-masked")).toBeVisible();

  // Somebody who never logged in is not found, and the employee is told so.
  await page.goto("/balie/inwoner-zoeken");
  await page.getByLabel(l.bsnLabel).fill(randomBsn());
  await page.getByLabel(l.reasons.balie).check();
  await page.getByRole("button", { name: l.submit }).click();
  await expect(page.getByRole("alert").filter({ hasText: l.notFound })).toBeVisible();
  await balie.close();

  // The resident sees the role and the purpose, not the employee's name (the default).
  await residentPage.goto("/mijn/verwerkingen");
  const table = residentPage.getByRole("table");
  await expect(table).toContainText(nl.processingLog.roles.balie);
  await expect(table).toContainText("Telefonische vraag: vraag over e2e");
  await expect(table).not.toContainText("Bente Balie");
  await resident.close();

  // The admin searches by BSN; the results' URL holds the party id, not the BSN.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await loginStaff(adminPage, DEMO_STAFF.beheerder);
  await adminPage.goto("/beheer/verwerkingen");
  await adminPage.getByLabel(nl.processingLogAdmin.bsnLabel).fill(bsn);
  await adminPage.getByRole("button", { name: nl.processingLogAdmin.submit }).click();
  await expect(adminPage).toHaveURL(/\/beheer\/verwerkingen\?partij=[0-9a-f-]{36}$/);
  const results = adminPage.getByRole("table");
  await expect(results).toContainText("party.find");
  await expect(results).toContainText("party.reveal-bsn");
  await expect(results).toContainText("Bente Balie");
  await admin.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the counter lookup and showing the full BSN work with plain form posts", async ({ browser, page }) => {
    const bsn = randomBsn();
    const resident = await browser.newContext();
    await loginResident(await resident.newPage(), bsn);
    await resident.close();

    await loginStaff(page, DEMO_STAFF.balie);
    await page.goto("/balie/inwoner-zoeken");
    await page.getByLabel(l.bsnLabel).fill(bsn);
    await page.getByLabel(l.reasons["hulp-aanvraag"]).check();
    await page.getByRole("button", { name: l.submit }).click();
    await expect(page.getByTestId("bsn-masked")).toHaveText(`••••••${bsn.slice(-3)}`);
    await page.getByRole("button", { name: l.reveal }).click();
    await expect(page.getByTestId("bsn-full")).toHaveText(bsn);
    expect(new URL(page.url()).pathname).toBe("/balie/inwoner-zoeken");
  });
});
