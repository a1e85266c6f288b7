import type { Browser, Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { DEMO_STAFF, loginResident, loginStaff, randomBsn } from "./support/access-sessions";
import { format, nl } from "./support/portal";

/**
 * Case handling across roles: a resident sends the demo's example objection, a case handler
 * finds the case in the work queue, assigns it to themselves and sets it "in behandeling" with a
 * note for the resident, and the resident sees the new status and the note. Without JavaScript:
 * a refused note (empty), a note that is saved, and a stale form that is refused, not overwritten.
 */

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 150_000 });

const c = nl.cases;
const h = nl.caseHandling;

/** Sends the example objection; returns its reference. */
async function sendExampleObjection(page: Page): Promise<string> {
  await page.goto("/mijn/zaken");
  await page.getByRole("button", { name: c.demoSubmit }).click();
  await page.waitForURL(/\/mijn\/inzendingen\/[0-9a-f-]{36}$/);
  const reference = (await page.getByTestId("kenmerk").textContent())!.trim();
  expect(reference).toMatch(/^BZ-\d{4}-\d{6}$/);
  return reference;
}

/** A case handler's page, logged in in a context of its own. */
async function handler(browser: Browser, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await loginStaff(page, DEMO_STAFF.behandelaar);
  return page;
}

/** Finds the case in the work queue by its reference and opens it; returns the case's path. */
async function openFromQueue(page: Page, reference: string): Promise<string> {
  await page.goto("/behandeling");
  await expect(page.getByRole("heading", { level: 2, name: h.queueTitle })).toBeVisible();
  await page.getByLabel(h.filters.reference).fill(reference);
  await page.getByLabel(h.filters.status).selectOption("received");
  await page.getByRole("button", { name: h.filters.apply }).click();
  await expect(page).toHaveURL(/\/behandeling\?kenmerk=/);
  await expect(page.getByTestId("aantal-zaken")).toHaveText(h.foundOne);
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText(c.statuses.received!);
  await expect(row).toContainText(h.nobody);
  await row.getByRole("link", { name: format(h.openLabel, { reference }) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(format(h.caseTitle, { reference }));
  return new URL(page.url()).pathname;
}

test("a resident submits, a case handler takes the case, sets it in behandeling with a note, and the resident sees both", async ({ page, browser }) => {
  const bsn = randomBsn();
  await loginResident(page, bsn);
  const reference = await sendExampleObjection(page);

  const staff = await handler(browser);
  const casePath = await openFromQueue(staff, reference);
  expect(casePath).toMatch(/^\/behandeling\/zaken\/[0-9a-f-]{36}$/);
  const main = staff.getByRole("main");
  await expect(main).toContainText(nl.staffSubmissions.partyKinds.person!);
  await expect(main).toContainText("besluit parkeervergunning.pdf");
  await expect(staff.getByRole("link", { name: h.toSubmission })).toHaveAttribute("href", /^\/behandeling\/inzendingen\/[0-9a-f-]{36}$/);
  await expect(staff.getByTestId("tijdlijn")).toContainText(h.events.opened!);
  // No BSN on the staff screen.
  await expect(main).not.toContainText(bsn);

  await staff.getByRole("button", { name: h.assignToMe }).click();
  await expect(staff.getByRole("status").filter({ hasText: h.notices.assigned! })).toBeVisible();
  await expect(staff.getByTestId("zaak-behandelaar")).toHaveText(format(h.you, { name: "Bas Behandelaar" }));
  await expect(staff.getByTestId("tijdlijn")).toContainText(format(h.events.assigned!, { name: "Bas Behandelaar" }));

  const note = "Wij zijn met uw bezwaar begonnen. U hoort binnen twee weken van ons.";
  await staff.getByRole("radio", { name: c.statuses["in-progress"]! }).check();
  await staff.getByLabel(h.statusNoteLabel).fill(note);
  await staff.getByRole("checkbox", { name: h.visibleLabel }).first().check();
  await staff.getByRole("button", { name: h.statusSubmit }).click();
  await expect(staff.getByRole("status").filter({ hasText: h.notices.status! })).toBeVisible();
  await expect(staff.getByTestId("zaak-status")).toHaveText(c.statuses["in-progress"]!);
  await expect(staff.getByTestId("tijdlijn")).toContainText(note);
  await expect(staff.getByTestId("tijdlijn")).toContainText(h.visibleToParty);

  // The queue shows it as mine and in behandeling.
  await staff.goto(`/behandeling?mijn=ja&kenmerk=${reference}`);
  await expect(staff.getByRole("row").filter({ hasText: reference })).toContainText(c.statuses["in-progress"]!);
  await staff.context().close();

  // The resident sees the new status and the note.
  const caseId = casePath.split("/").at(-1)!;
  await page.goto(`/mijn/zaken/${caseId}`);
  await expect(page.getByRole("main")).toContainText(c.statuses["in-progress"]!);
  await expect(page.getByRole("main")).toContainText(note);
  await expect(page.getByRole("main")).toContainText(c.events.assigned!);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a note is refused when empty, saved when written, and a stale form is refused without overwriting", async ({ page, browser }) => {
    await loginResident(page, randomBsn());
    const reference = await sendExampleObjection(page);

    const staff = await handler(browser, false);
    const casePath = await openFromQueue(staff, reference);

    // An empty note: a specific message.
    await staff.getByRole("button", { name: h.noteSubmit }).click();
    await expect(staff.locator("#foutmeldingen-notitie")).toContainText(h.errors.noteRequired);

    // Closing without a decision and without a reason: refused, with the reason asked for.
    await staff.goto(casePath);
    await staff.getByRole("radio", { name: c.statuses.closed! }).check();
    await staff.getByRole("button", { name: h.statusSubmit }).click();
    await expect(staff.locator("#foutmeldingen-status")).toContainText(h.errors.transitions["close-needs-note"]!);
    await expect(staff.getByRole("radio", { name: c.statuses.closed! })).toBeChecked();

    // A second tab still shows the case as it was.
    const stale = await staff.context().newPage();
    await stale.goto(casePath);

    await staff.goto(casePath);
    await staff.getByLabel(h.noteLabel, { exact: true }).fill("Intern: dossier bij de vergunningverlener opgevraagd.");
    await staff.getByRole("button", { name: h.noteSubmit }).click();
    await expect(staff.getByRole("status").filter({ hasText: h.notices.note! })).toBeVisible();
    await expect(staff.getByTestId("tijdlijn")).toContainText("dossier bij de vergunningverlener");
    await expect(staff.getByTestId("tijdlijn")).toContainText(h.internalOnly);

    // The old tab's note is refused; what was typed stays, and the page shows the current timeline.
    await stale.getByLabel(h.noteLabel, { exact: true }).fill("Een notitie op een oude stand.");
    await stale.getByRole("button", { name: h.noteSubmit }).click();
    await expect(stale.locator("#foutmeldingen-notitie")).toContainText(h.errors.stale);
    await expect(stale.getByLabel(h.noteLabel, { exact: true })).toHaveValue("Een notitie op een oude stand.");
    await expect(stale.getByTestId("tijdlijn")).toContainText("dossier bij de vergunningverlener");
    await expect(stale.getByTestId("tijdlijn")).not.toContainText("oude stand");
    await staff.context().close();

    // The internal note never reaches the resident.
    await page.goto(`/mijn/zaken/${casePath.split("/").at(-1)}`);
    await expect(page.getByRole("main")).not.toContainText("dossier bij de vergunningverlener");
  });
});
