import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { DEMO_STAFF, loginResident, loginStaff, randomBsn } from "./support/access-sessions";
import { format, municipality, nl } from "./support/portal";

/**
 * After a submission: the receipt page, the copy and the original attachment, the receipt in the
 * inbox, the case with its timeline, and the case handler's list and screen. The submission is
 * made with the demo's "send an example objection" button on /mijn/zaken, which goes through the
 * real submit path (draft, stored attachment, submitDraft).
 */

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

const v = nl.submissionViews;
const c = nl.cases;
const m = nl.inbox;
const k = nl.staffSubmissions;

/** Sends the example objection and lands on its receipt page; returns the reference and the receipt's path. */
async function sendExampleObjection(page: Page): Promise<{ reference: string; path: string }> {
  await page.goto("/mijn/zaken");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.title);
  await page.getByRole("button", { name: c.demoSubmit }).click();
  await page.waitForURL(/\/mijn\/inzendingen\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(format(v.receivedHeading, { messageType: "bezwaar" }));
  const reference = (await page.getByTestId("kenmerk").textContent())!.trim();
  expect(reference).toMatch(/^BZ-\d{4}-\d{6}$/);
  return { reference, path: new URL(page.url()).pathname };
}

async function bytesOf(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

test("a resident sees the receipt, downloads the copy and the attachment, finds the receipt in the inbox and the case; a case handler sees it too", async ({ page, browser }) => {
  await loginResident(page, randomBsn());
  const { reference, path } = await sendExampleObjection(page);

  // The header counts the new receipt in the inbox.
  await page.reload();
  await expect(page.getByTestId("inbox-link")).toHaveText(format(m.headerUnread, { count: 1 }));

  // The receipt: facts, attachment with its hash, what it means, the decision date, help.
  const main = page.getByRole("main");
  await expect(main).toContainText(municipality.name);
  await expect(main).toContainText("Bezwaar maken tegen een besluit");
  await expect(main).toContainText("besluit parkeervergunning.pdf");
  await expect(main.locator("code").first()).toHaveText(/^[0-9a-f]{64}$/);
  await expect(main).toContainText(v.notAJudgement);
  await expect(main).toContainText(/U krijgt uiterlijk op \d{1,2} \w+ \d{4} een besluit\./);
  await expect(main).toContainText(municipality.email);
  await expect(main).toContainText(municipality.counterAddress);

  // The copy (PDF) and the original attachment.
  const [copy] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: v.downloadCopy }).click()]);
  expect(copy.suggestedFilename()).toBe(`kopie-${reference}.pdf`);
  expect((await bytesOf(copy)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const [original] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: new RegExp(`^${v.attachmentDownload}\\s?: besluit parkeervergunning\\.pdf$`) }).click()]);
  expect(original.suggestedFilename()).toBe("besluit parkeervergunning.pdf");
  expect((await bytesOf(original)).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The receipt in the inbox: new, then read once opened.
  await page.getByRole("link", { name: v.toInbox }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.title);
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText(m.unread);
  await row.getByRole("link", { name: `Ontvangstbevestiging ${reference}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ontvangstbevestiging ${reference}`);
  await expect(page.getByTestId("bericht-tekst")).toContainText(`Kenmerk: ${reference}`);
  await expect(page.getByRole("main")).toContainText(m.firstOpenedAt);
  await page.getByRole("link", { name: m.toReceipt }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await page.goto("/mijn/berichten");
  await expect(page.getByRole("row").filter({ hasText: reference })).toContainText(m.read);
  await expect(page.getByTestId("inbox-link")).toHaveText(m.headerLink);

  // The case, with its status and timeline.
  await page.goto("/mijn/zaken");
  const caseRow = page.getByRole("row").filter({ hasText: reference });
  await expect(caseRow).toContainText(c.statuses.received!);
  await caseRow.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(format(c.caseTitle, { reference }));
  await expect(page.getByRole("main")).toContainText(c.events.opened!);
  await expect(page.getByRole("link", { name: c.toReceipt })).toHaveAttribute("href", path);

  // A case handler finds it in the incoming list and opens it; a counter employee cannot.
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await loginStaff(staffPage, DEMO_STAFF.behandelaar);
  await staffPage.goto("/behandeling/inzendingen");
  const incoming = staffPage.getByRole("row").filter({ hasText: reference });
  await expect(incoming).toContainText("Bezwaar");
  await incoming.getByRole("link", { name: format(k.openLabel, { reference }) }).click();
  await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText(`Bezwaar ${reference}`);
  await expect(staffPage.getByRole("main")).toContainText("Besluit over mijn parkeervergunning voor bewoners");
  await expect(staffPage.getByRole("main")).toContainText(k.hashOk);
  const [staffCopy] = await Promise.all([staffPage.waitForEvent("download"), staffPage.getByRole("link", { name: k.downloadCopy }).click()]);
  expect((await bytesOf(staffCopy)).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const submissionPath = path.replace("/mijn/inzendingen/", "/behandeling/inzendingen/");
  await staff.close();

  const counter = await browser.newContext();
  const counterPage = await counter.newPage();
  await loginStaff(counterPage, DEMO_STAFF.balie);
  const refused = await counterPage.goto(submissionPath);
  expect(refused?.status()).toBe(404);
  expect((await counterPage.request.get(`${submissionPath}/kopie`)).status()).toBe(404);
  await counter.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the example objection is sent with a plain form post, the receipt, copy, inbox and case work, and another resident gets not found", async ({ page, browser }) => {
    await loginResident(page, randomBsn());
    const { reference, path } = await sendExampleObjection(page);

    const copy = await page.request.get(`${path}/kopie`);
    expect(copy.status()).toBe(200);
    expect(copy.headers()["content-type"]).toBe("application/pdf");
    expect(copy.headers()["content-disposition"]).toContain(`kopie-${reference}.pdf`);

    await page.getByRole("link", { name: v.toInbox }).click();
    await page.getByRole("link", { name: `Ontvangstbevestiging ${reference}` }).click();
    await expect(page.getByTestId("bericht-tekst")).toContainText(reference);
    await page.goto("/mijn/zaken");
    await expect(page.getByRole("row").filter({ hasText: reference })).toContainText(c.statuses.received!);

    // Someone else's receipt, copy and case are "not found".
    const other = await browser.newContext({ javaScriptEnabled: false });
    const otherPage = await other.newPage();
    await loginResident(otherPage, randomBsn());
    const response = await otherPage.goto(path);
    expect(response?.status()).toBe(404);
    expect((await otherPage.request.get(`${path}/kopie`)).status()).toBe(404);
    await other.close();
  });
});
