import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { DEMO_STAFF, loginResident, loginStaff, randomBsn } from "./support/access-sessions";
import { format, nl } from "./support/portal";

/**
 * Proof of sending and reading (R16): a resident sends the demo's example objection, opens the
 * receipt in the inbox, sees its sending and receipt and downloads the proof as a PDF; another
 * resident gets 404 for it. A case handler sees the same on the case screen and downloads it too.
 */

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 150_000 });

const d = nl.inboxTerms.delivery;
const h = nl.caseHandling;

async function sendExampleObjection(page: Page): Promise<string> {
  await page.goto("/mijn/zaken");
  await page.getByRole("button", { name: nl.cases.demoSubmit }).click();
  await page.waitForURL(/\/mijn\/inzendingen\/[0-9a-f-]{36}$/);
  return (await page.getByTestId("kenmerk").textContent())!.trim();
}

test("a resident downloads the proof of a message; a case handler sees the delivery on the case", async ({ page, browser }) => {
  await loginResident(page, randomBsn());
  const reference = await sendExampleObjection(page);

  await page.goto("/mijn/berichten");
  await page.getByRole("row").filter({ hasText: reference }).getByRole("link", { name: `Ontvangstbevestiging ${reference}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ontvangstbevestiging ${reference}`);
  const delivery = page.getByTestId("bericht-bezorging");
  await expect(delivery.getByRole("heading", { level: 2, name: d.heading })).toBeVisible();
  await expect(delivery).toContainText(d.placedAt);
  await expect(delivery).toContainText(d.firstOpenedAt);
  // The notice of the receipt with its steps, in a table named by its caption.
  const table = delivery.getByRole("table", { name: format(d.noticeCaption, { number: 1, kind: nl.notifications.kinds.receipt }) });
  await expect(table.getByRole("row").nth(1)).toContainText(nl.notifications.outcomes.queued);
  const messagePath = new URL(page.url()).pathname;

  const [download] = await Promise.all([page.waitForEvent("download"), delivery.getByRole("link", { name: d.download }).click()]);
  expect(download.suggestedFilename()).toMatch(/^bewijs-bericht-[0-9a-f]{8}\.pdf$/);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  // Someone else's message: 404, for a resident and for a counter employee without case:read.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await loginResident(otherPage, randomBsn());
  expect((await otherPage.request.get(`${messagePath}/bewijs`)).status()).toBe(404);
  await other.close();

  // The case handler: the case screen shows the message with its delivery, and the proof downloads.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await loginStaff(staff, DEMO_STAFF.behandelaar);
  await staff.goto("/behandeling");
  await staff.getByLabel(h.filters.reference).fill(reference);
  await staff.getByRole("button", { name: h.filters.apply }).click();
  await staff.getByRole("row").filter({ hasText: reference }).getByRole("link", { name: format(h.openLabel, { reference }) }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toContainText(format(h.caseTitle, { reference }));
  const section = staff.getByTestId("zaak-bezorging");
  await expect(section.getByRole("heading", { level: 2, name: d.heading })).toBeVisible();
  await expect(section.getByRole("heading", { level: 3, name: `Ontvangstbevestiging ${reference}` })).toBeVisible();
  await expect(section.getByRole("table").first()).toContainText(nl.notifications.outcomes.queued);
  const [staffDownload] = await Promise.all([staff.waitForEvent("download"), section.getByRole("link", { name: d.download }).first().click()]);
  expect(staffDownload.suggestedFilename()).toMatch(/^bewijs-bericht-[0-9a-f]{8}\.pdf$/);
  expect((await readFile((await staffDownload.path())!)).subarray(0, 5).toString()).toBe("%PDF-");

  const counterContext = await browser.newContext();
  const counter = await counterContext.newPage();
  await loginStaff(counter, DEMO_STAFF.balie);
  expect((await counter.request.get(`/behandeling/berichten/${messagePath.split("/").pop()}/bewijs`)).status()).toBe(404);
  await counterContext.close();
  await staffContext.close();
});
