import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { loginResident, randomBsn } from "./support/access-sessions";
import { format, nl } from "./support/portal";

/**
 * The resident's inbox (berichtenbox): the demo's example messages (sent through the real send
 * path by the demo case handler), filtered, searched, opened, archived, found in the archive,
 * and an attachment downloaded; the filter form and archiving also without JavaScript.
 */

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 150_000 });

const m = nl.inbox;
const v = nl.inboxView;

/** Fills the inbox with the demo's example messages; lands on the inbox. */
async function receiveExampleMessages(page: Page): Promise<void> {
  await page.goto("/mijn/berichten");
  await expect(page.getByTestId("geen-berichten")).toHaveText(v.emptyInbox);
  await page.getByRole("button", { name: v.demoSubmit }).click();
  await expect(page.getByTestId("aantal-berichten")).toHaveText(format(v.found, { count: 5 }));
}

const row = (page: Page, subject: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name: subject, exact: true }) });

test("a resident filters, searches, opens a besluit with its correction and attachment, archives it and finds it in the archive", async ({ page }) => {
  await loginResident(page, randomBsn());
  await receiveExampleMessages(page);
  await page.reload();
  await expect(page.getByTestId("inbox-link")).toHaveText(format(m.headerUnread, { count: 5 }));

  // Every row says it is new in words; the corrected besluit says so.
  await expect(row(page, "Besluit op uw bezwaar")).toContainText(m.unread);
  await expect(row(page, "Besluit op uw bezwaar")).toContainText(v.corrected);
  await expect(row(page, "Correctie: besluit op uw bezwaar")).not.toContainText(v.corrected);
  await expect(row(page, "Uw bezwaar is in behandeling")).toContainText(v.noTerm);

  // Filter on kind.
  await page.getByLabel(v.filters.kind).selectOption("besluiten");
  await page.getByRole("button", { name: v.filters.apply }).click();
  await expect(page).toHaveURL(/\/mijn\/berichten\?.*soort=besluiten/);
  await expect(page.getByTestId("aantal-berichten")).toHaveText(format(v.found, { count: 2 }));
  await expect(page.getByRole("link", { name: "Uw bezwaar is in behandeling" })).toHaveCount(0);

  // Requests with a running term.
  await page.getByLabel(v.filters.kind).selectOption("verzoeken");
  await page.getByLabel(v.filters.running).check();
  await page.getByRole("button", { name: v.filters.apply }).click();
  await expect(page.getByTestId("aantal-berichten")).toHaveText(v.foundOne);
  await expect(row(page, "Wij missen een kopie van uw kentekenbewijs")).toBeVisible();

  // Search: case does not matter; a wildcard is taken literally; a search that is too long is kept and explained.
  await page.getByRole("link", { name: v.filters.reset }).click();
  // Wait for the reset list (and its fresh form) before typing.
  await expect(page).toHaveURL(/\/mijn\/berichten$/);
  await expect(page.getByTestId("aantal-berichten")).toHaveText(format(v.found, { count: 5 }));
  await expect(page.getByLabel(v.filters.running)).not.toBeChecked();
  await page.getByLabel(v.filters.search).fill("  CORRECTIE ");
  await page.getByRole("button", { name: v.filters.apply }).click();
  await expect(page.getByTestId("aantal-berichten")).toHaveText(v.foundOne);
  await page.getByLabel(v.filters.search).fill("%");
  await page.getByRole("button", { name: v.filters.apply }).click();
  await expect(page.getByTestId("geen-berichten")).toHaveText(v.emptyFiltered);
  const tooLong = "parkeervergunning ".repeat(7);
  await page.getByLabel(v.filters.search).fill(tooLong);
  await page.getByRole("button", { name: v.filters.apply }).click();
  await expect(page.locator("#foutmeldingen")).toContainText(format(v.errors.searchTooLong, { max: 100 }));
  await expect(page.getByLabel(v.filters.search)).toHaveValue(tooLong);
  await page.getByRole("link", { name: v.filters.reset }).click();
  await expect(page.getByTestId("aantal-berichten")).toHaveText(format(v.found, { count: 5 }));

  // The besluit: its term and what to do, the correction, the attachment, the objection form; no reply link.
  await page.getByRole("link", { name: "Besluit op uw bezwaar", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Besluit op uw bezwaar");
  const term = page.getByTestId("termijn");
  await expect(term).toContainText(/De termijn loopt tot en met \d{1,2} \w+ \d{4}\./);
  await expect(term).toContainText(/Dan kunt u tot en met \d{1,2} \w+ \d{4} bezwaar maken/);
  await expect(page.getByTestId("correctie")).toContainText(v.correctedBy);
  await expect(page.getByRole("button", { name: v.actions.object })).toBeVisible();
  await expect(page.locator('form[method="post"][action$="/bezwaar"]')).toHaveCount(1);
  await expect(page.getByRole("link", { name: v.actions.reply })).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: format(v.attachments.download, { name: "besluit op bezwaar.pdf" }) }).click()]);
  expect(download.suggestedFilename()).toBe("besluit op bezwaar.pdf");
  expect((await readFile((await download.path())!)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const messagePath = new URL(page.url()).pathname;

  // Archive it: out of the inbox, into the archive; the message is unchanged.
  await page.getByRole("button", { name: v.actions.archive }).click();
  await expect(page.getByRole("status").filter({ hasText: v.notices.gearchiveerd! })).toBeVisible();
  await expect(page.getByTestId("in-archief")).toHaveText(v.actions.archivedNote);
  await page.goto("/mijn/berichten");
  await expect(page.getByTestId("aantal-berichten")).toHaveText(format(v.found, { count: 4 }));
  await expect(page.getByRole("link", { name: "Besluit op uw bezwaar", exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: v.views.archive, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(v.archiveTitle);
  await expect(page.getByTestId("aantal-berichten")).toHaveText(v.foundOne);
  await row(page, "Besluit op uw bezwaar").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${messagePath}$`));

  // The correction refers back to it; the request has a reply link.
  await page.getByTestId("correctie").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Correctie: besluit op uw bezwaar");
  await expect(page.getByTestId("correctie")).toContainText(v.replaces);
  await page.goto("/mijn/berichten");
  await page.getByRole("link", { name: "Wij missen een kopie van uw kentekenbewijs" }).click();
  await expect(page.getByTestId("termijn")).toContainText(v.term.request);
  await expect(page.getByRole("link", { name: v.actions.reply })).toHaveAttribute("href", /\/mijn\/berichten\/[0-9a-f-]{36}\/reageren$/);

  // Back into the inbox.
  await page.goto(messagePath);
  await page.getByRole("button", { name: v.actions.unarchive }).click();
  await expect(page.getByRole("status").filter({ hasText: v.notices.teruggezet! })).toBeVisible();
  await page.goto("/mijn/berichten");
  await expect(page.getByTestId("aantal-berichten")).toHaveText(format(v.found, { count: 5 }));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter form, archiving and the attachment work with plain requests; another resident gets not found", async ({ page, browser }) => {
    await loginResident(page, randomBsn());
    await receiveExampleMessages(page);

    await page.getByLabel(v.filters.kind).selectOption("informatie");
    await page.getByRole("button", { name: v.filters.apply }).click();
    await expect(page).toHaveURL(/soort=informatie/);
    await expect(page.getByTestId("aantal-berichten")).toHaveText(v.foundOne);
    await expect(page.getByLabel(v.filters.kind)).toHaveValue("informatie");

    await page.getByRole("link", { name: "Uw bezwaar is in behandeling" }).click();
    const messagePath = new URL(page.url()).pathname;
    await page.getByRole("button", { name: v.actions.archive }).click();
    await expect(page.getByRole("status").filter({ hasText: v.notices.gearchiveerd! })).toBeVisible();
    await page.goto("/mijn/berichten?weergave=archief");
    await expect(page.getByRole("link", { name: "Uw bezwaar is in behandeling" })).toBeVisible();

    await page.goto("/mijn/berichten?soort=besluiten");
    await page.getByRole("link", { name: "Besluit op uw bezwaar", exact: true }).click();
    const href = (await page.getByRole("link", { name: format(v.attachments.download, { name: "besluit op bezwaar.pdf" }) }).getAttribute("href"))!;
    const file = await page.request.get(href);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    expect(file.headers()["content-disposition"]).toContain("attachment;");

    // Someone else: the message and its file are "not found".
    const other = await browser.newContext({ javaScriptEnabled: false });
    const otherPage = await other.newPage();
    await loginResident(otherPage, randomBsn());
    expect((await otherPage.goto(messagePath))?.status()).toBe(404);
    expect((await otherPage.request.get(href)).status()).toBe(404);
    await other.close();
  });
});
