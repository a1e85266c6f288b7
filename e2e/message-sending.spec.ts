import type { Browser, Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { DEMO_STAFF, loginResident, loginStaff, randomBsn } from "./support/access-sessions";
import { format, nl } from "./support/portal";

/**
 * A case handler sends a besluit from the case screen, without JavaScript: a mistake and a
 * file that is not a PDF are refused with everything typed and the stored PDF kept, the check
 * page shows the objection clause and that this resident gets it by post, and after sending the
 * handler makes the letter (address typed, PDF). The resident finds the besluit in the inbox.
 */

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 180_000 });

const c = nl.cases;
const h = nl.caseHandling;
const s = nl.sendingMessages.compose;
const l = nl.sendingMessages.letter;

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

async function handler(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await loginStaff(page, DEMO_STAFF.behandelaar);
  return page;
}

test("a case handler sends a besluit with a PDF, fixes mistakes without losing anything, and makes the letter for a resident who gets it by post", async ({ page, browser }) => {
  await loginResident(page, randomBsn());
  await page.goto("/mijn/zaken");
  await page.getByRole("button", { name: c.demoSubmit }).click();
  await page.waitForURL(/\/mijn\/inzendingen\/[0-9a-f-]{36}$/);
  const reference = (await page.getByTestId("kenmerk").textContent())!.trim();

  const staff = await handler(browser);
  await staff.goto(`/behandeling?${new URLSearchParams({ kenmerk: reference })}`);
  await staff.getByRole("link", { name: format(h.openLabel, { reference }) }).click();
  const casePath = new URL(staff.url()).pathname;
  await expect(staff.getByRole("heading", { level: 2, name: h.messages.heading })).toBeVisible();

  // A besluit is not offered before the case is in behandeling.
  await staff.getByTestId("bericht-sturen").click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(format(s.title, { reference }));
  await expect(staff.getByRole("radio", { name: new RegExp(`^${nl.sendingMessages.kinds.decision}`) })).toHaveCount(0);
  await staff.goto(casePath);
  await staff.getByRole("radio", { name: c.statuses["in-progress"]! }).check();
  await staff.getByRole("button", { name: h.statusSubmit }).click();
  await expect(staff.getByTestId("zaak-status")).toHaveText(c.statuses["in-progress"]!);

  // A besluit without a subject, with a PDF and a text file.
  await staff.getByTestId("bericht-sturen").click();
  const text = "Wij verklaren uw bezwaar gegrond. U krijgt de parkeervergunning.";
  await staff.getByRole("radio", { name: new RegExp(`^${nl.sendingMessages.kinds.decision}`) }).check();
  await staff.getByLabel(s.bodyLabel).fill(text);
  await staff.getByLabel(s.filesLabel).setInputFiles([
    { name: "besluit.pdf", mimeType: "application/pdf", buffer: PDF },
    { name: "notitie.txt", mimeType: "text/plain", buffer: Buffer.from("gewone tekst") },
  ]);
  await staff.getByRole("button", { name: s.check }).click();
  const summary = staff.getByRole("alert");
  await expect(summary).toContainText(nl.sendingMessages.validation.subjectRequired);
  await expect(summary).toContainText("notitie.txt");
  await expect(staff).toHaveTitle(new RegExp(`^${nl.form.errorPrefix}`));
  await expect(staff.getByLabel(s.bodyLabel)).toHaveValue(text);
  await expect(staff.getByRole("radio", { name: new RegExp(`^${nl.sendingMessages.kinds.decision}`) })).toBeChecked();
  await expect(staff.getByTestId("opgeslagen-bijlagen")).toContainText("besluit.pdf");
  await expect(staff.getByTestId("opgeslagen-bijlagen")).not.toContainText("notitie.txt");

  // Fixed: the check page shows the clause, the term and that it goes by post.
  await staff.getByLabel(s.subjectLabel).fill("Besluit op uw bezwaar");
  await staff.getByRole("button", { name: s.check }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(s.checkTitle);
  await expect(staff.getByTestId("bericht-voorbeeld")).toContainText(text);
  await expect(staff.getByTestId("bericht-voorbeeld")).toContainText(nl.sendingMessages.objectionClause.heading);
  await expect(staff.getByTestId("termijn-einde")).toBeVisible();
  await expect(staff.getByTestId("per-post")).toHaveText(s.byPost);
  await staff.getByRole("button", { name: s.send }).click();

  // The case: decided, the message listed, by post, and the letter to make.
  await expect(staff.getByRole("status").filter({ hasText: h.notices["message-by-post"]! })).toBeVisible();
  await expect(staff.getByTestId("zaak-status")).toHaveText(c.statuses.decided!);
  await expect(staff.getByTestId("zaak-berichten")).toContainText("Besluit op uw bezwaar");
  await expect(staff.getByTestId("zaak-berichten")).toContainText(h.messages.byPost);
  await staff.getByTestId("brief-maken").click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(format(l.title, { subject: "Besluit op uw bezwaar" }));
  await staff.getByRole("button", { name: l.save }).click();
  await expect(staff.getByRole("alert")).toContainText(l.addressRequired);
  await staff.getByLabel(l.addressLabel).fill("J. de Vries\nDorpsstraat 1\n1234 AB Voorbeeldstad");
  await staff.getByRole("button", { name: l.save }).click();
  await expect(staff.getByRole("status").filter({ hasText: l.made })).toBeVisible();
  const letter = await staff.request.get(await staff.getByTestId("brief-pdf").getAttribute("href").then((href) => href!));
  expect(letter.status()).toBe(200);
  expect(letter.headers()["content-type"]).toBe("application/pdf");
  expect((await letter.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The resident: the besluit in the inbox, with its attachment.
  await page.goto("/mijn/berichten");
  await page.getByRole("link", { name: /Besluit op uw bezwaar/ }).click();
  await expect(page.getByTestId("bericht-tekst")).toContainText(text);
  await expect(page.getByTestId("bericht-tekst")).toContainText(nl.sendingMessages.objectionClause.heading);
});
