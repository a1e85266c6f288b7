import { readFile } from "node:fs/promises";
import { expect as baseExpect, test } from "./fixtures";
import { loginResident, randomBsn } from "./support/access-sessions";
import { openMailTo, setVerifiedEmail } from "./support/mailbox";
import { format, nl } from "./support/portal";

/**
 * Issue 6 end to end, in one journey, as a resident with e-mail notices on: a bezwaar filled in
 * through the real form with an attachment, errors seen, saved and resumed, submitted; then the
 * receipt page, the copy, the receipt in the inbox, the receipt notice in the mail sink, and the
 * case. (The flow without JavaScript is in submission-flow.spec.ts and submission-views.spec.ts.)
 */

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 240_000 });

const f = nl.submissionFlow;
const runner = nl.forms.runner;
const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"), Buffer.alloc(2500, 0x20)]);

test("a resident makes a bezwaar with an attachment and gets the receipt, the copy, the inbox message, the e-mail notice and the case", async ({ page }) => {
  await loginResident(page, randomBsn(), "midden");
  const address = await setVerifiedEmail(page, ["receipt"]);

  await page.goto("/producten/bezwaar-maken");
  await page.getByRole("button", { name: f.start.buttons.bezwaar }).click();
  await expect(page).toHaveURL(/\/mijn\/aanvragen\/[0-9a-f-]{36}$/);
  const draftPath = new URL(page.url()).pathname;

  // Step 1: errors for what is missing, then filled in.
  await page.getByLabel("Uw naam").fill("");
  await page.getByRole("button", { name: runner.next }).click();
  const summary = page.getByRole("alert").filter({ hasText: nl.form.errorSummaryTitle });
  await expect(summary).toBeVisible();
  await page.getByLabel("Uw naam").fill("Jan de Vries");
  await page.getByLabel(runner.postcode).fill("1234 AB");
  await page.getByLabel(runner.houseNumber).fill("5");
  await page.getByLabel("E-mailadres").fill(address);
  await page.getByRole("radio", { name: "Voor mezelf" }).check();
  await page.getByRole("button", { name: runner.next }).click();

  // Step 2: the decision objected to.
  await expect(page.getByRole("heading", { level: 2, name: "Het besluit" })).toBeVisible();
  await page.getByLabel("Tegen welk besluit maakt u bezwaar?").fill("Weigering van mijn parkeervergunning");
  await page.getByLabel("Datum van het besluit").fill("2-11-2026");
  await page.getByRole("button", { name: runner.next }).click();

  // Step 3: the grounds; then save and come back later.
  await expect(page.getByRole("heading", { level: 2, name: "Uw bezwaar" })).toBeVisible();
  await page.getByLabel("Waarom bent u het niet eens met het besluit?").fill("Ik woon in de zone en heb recht op een vergunning.");
  await page.getByRole("radio", { name: "Nee" }).check();
  await page.getByRole("button", { name: f.draft.saveLater }).click();
  await expect(page).toHaveURL(/\/mijn\/aanvragen\?opgeslagen=1$/);
  await page.getByRole("link", { name: `${f.drafts.continue} Bezwaar maken tegen een besluit` }).click();
  await expect(page).toHaveURL(new RegExp(`${draftPath}$`));
  await expect(page.getByLabel("Waarom bent u het niet eens met het besluit?")).toHaveValue("Ik woon in de zone en heb recht op een vergunning.");
  await page.getByRole("button", { name: runner.next }).click();

  // Step 4: the attachment, uploaded at once.
  await expect(page.getByRole("heading", { level: 2, name: "Toelichting en bijlagen" })).toBeVisible();
  await page.locator("input[type=file]#f-bijlagen").setInputFiles({ name: "besluit.pdf", mimeType: "application/pdf", buffer: pdf });
  await expect(page.getByRole("list", { name: f.files.added })).toContainText("besluit.pdf");
  await page.getByRole("button", { name: runner.toCheck }).click();
  await expect(page.getByRole("heading", { level: 2, name: runner.checkTitle })).toBeVisible();
  await expect(page.getByText("Weigering van mijn parkeervergunning")).toBeVisible();
  await page.getByRole("button", { name: f.draft.send }).click();

  // The receipt page (R6).
  await expect(page).toHaveURL(/\/mijn\/inzendingen\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(format(nl.submissionViews.receivedHeading, { messageType: "bezwaar" }));
  const reference = (await page.getByTestId("kenmerk").textContent())!.trim();
  expect(reference).toMatch(/^BZ-\d{4}-\d{6}$/);
  const main = page.getByRole("main");
  await expect(main).toContainText("besluit.pdf");
  await expect(main.locator("code").first()).toHaveText(/^[0-9a-f]{64}$/);
  await expect(main).toContainText(nl.submissionViews.notAJudgement);

  // The copy (R7).
  const [copy] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: nl.submissionViews.downloadCopy }).click()]);
  const bytes = await readFile((await copy.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  // The receipt in the inbox.
  await page.goto("/mijn/berichten");
  await page.getByRole("link", { name: new RegExp(`Ontvangstbevestiging ${reference}`) }).click();
  await expect(page.getByRole("main")).toContainText(reference);
  await expect(page.getByRole("main")).toContainText("besluit.pdf");

  // The notice in the mail sink: the reference and the time of receipt, not the product.
  const mail = await openMailTo(page, address, "Wij hebben uw bericht ontvangen");
  expect(mail).toContain(reference);
  expect(mail).not.toContain("parkeervergunning");

  // The case.
  await page.goto("/mijn/zaken");
  const row = page.getByRole("row").filter({ hasText: reference });
  await expect(row).toContainText(nl.cases.statuses.received!);
  await row.getByRole("link").first().click();
  await expect(page.getByRole("main")).toContainText(reference);
  await expect(page.getByRole("main")).toContainText(nl.cases.statuses.received!);
});
