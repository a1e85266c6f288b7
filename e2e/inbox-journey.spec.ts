import type { Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { DEMO_STAFF, loginResident, loginStaff, randomBsn } from "./support/access-sessions";
import { openMailTo, setVerifiedEmail } from "./support/mailbox";
import { format, nl } from "./support/portal";

/**
 * Issue 7 across roles, through the real screens only: a resident submits; a case handler asks
 * for more information with a term; the resident gets the notice in the demo mailbox, opens the
 * message, replies with an attachment and gets a receipt; the handler sees the reply on time and
 * takes a decision; the resident sees the besluit with its objection term and starts a bezwaar
 * from it.
 */

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 300_000 });

const h = nl.caseHandling;
const s = nl.sendingMessages.compose;
const r = nl.replies;
const v = nl.inboxView;

const PDF = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

/** The handler writes a message on the case screen, checks it and sends it. */
async function sendFromCase(staff: Page, casePath: string, kind: "besluit" | "verzoek", subject: string, text: string) {
  await staff.goto(casePath);
  await staff.getByTestId("bericht-sturen").click();
  await staff.locator(`input[name=soort][value=${kind}]`).check();
  await staff.getByLabel(s.subjectLabel).fill(subject);
  await staff.getByLabel(s.bodyLabel).fill(text);
  if (kind === "verzoek") {
    await staff.getByRole("radio", { name: s.termUnits.weken }).check();
    await staff.getByLabel(s.termAmountLabel).fill("2");
  }
  await staff.getByRole("button", { name: s.check }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(s.checkTitle);
  await expect(staff.getByTestId("termijn-einde")).toBeVisible();
  await expect(staff.getByTestId("per-post")).toHaveCount(0);
  await staff.getByRole("button", { name: s.send }).click();
  await expect(staff.getByRole("status").filter({ hasText: h.notices["message-sent"]! })).toBeVisible();
  await expect(staff.getByTestId("zaak-berichten")).toContainText(subject);
}

test("a handler asks for information, the resident replies with a file after the e-mail notice, the handler decides, and the resident objects from the besluit", async ({ page, browser }) => {
  await loginResident(page, randomBsn());
  const address = await setVerifiedEmail(page, ["information-request", "decision"]);
  await page.goto("/mijn/zaken");
  await page.getByRole("button", { name: nl.cases.demoSubmit }).click();
  await page.waitForURL(/\/mijn\/inzendingen\/[0-9a-f-]{36}$/);
  const reference = (await page.getByTestId("kenmerk").textContent())!.trim();

  // The case handler asks for a photo, with a term of two weeks.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await loginStaff(staff, DEMO_STAFF.behandelaar);
  await staff.goto(`/behandeling?${new URLSearchParams({ kenmerk: reference })}`);
  await staff.getByRole("link", { name: format(h.openLabel, { reference }) }).click();
  await staff.waitForURL(/\/behandeling\/zaken\/[0-9a-f-]{36}$/);
  const casePath = new URL(staff.url()).pathname;
  await sendFromCase(staff, casePath, "verzoek", "Wij missen een foto", "Stuur ons een foto van het verkeersbord.");
  await expect(staff.getByTestId("zaak-status")).toHaveText(nl.cases.statuses["information-requested"]!);

  // The resident gets the notice, which names the last day but not the content.
  const mail = await openMailTo(page, address, "De gemeente vraagt u om informatie");
  expect(mail).not.toContain("verkeersbord");
  expect(mail).toMatch(/\d{4}/);

  // Opens the message from the inbox and replies with a PDF.
  await page.goto("/mijn/berichten");
  await page.getByRole("link", { name: /Wij missen een foto/ }).click();
  await expect(page.getByTestId("bericht-tekst")).toContainText("Stuur ons een foto van het verkeersbord.");
  await expect(page.getByRole("main")).toContainText(v.term.request);
  await page.getByRole("link", { name: v.actions.reply }).click();
  await page.getByLabel(r.reply.textLabel).fill("Hierbij de foto van het bord.");
  await page.locator("input[type=file]#f-bijlagen").setInputFiles({ name: "foto-bord.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: r.reply.send }).click();
  await page.waitForURL(/\/mijn\/inzendingen\/[0-9a-f-]{36}$/);
  const replyReference = (await page.getByTestId("kenmerk").textContent())!.trim();
  expect(replyReference).toMatch(/^AA-\d{4}-\d{6}$/);
  await expect(page.getByRole("main")).toContainText("foto-bord.pdf");

  // The handler sees the reply, on time; the case is in handling again; the besluit goes out.
  await staff.goto(casePath);
  await expect(staff.getByTestId("zaak-status")).toHaveText(nl.cases.statuses["in-progress"]!);
  const replies = staff.getByRole("region", { name: r.staff.caption });
  await expect(replies).toContainText(replyReference);
  await expect(replies).toContainText(r.staff.onTime);
  await sendFromCase(staff, casePath, "besluit", "Besluit op uw bezwaar", "Wij verklaren uw bezwaar gegrond.");
  await expect(staff.getByTestId("zaak-status")).toHaveText(nl.cases.statuses.decided!);
  await staffContext.close();

  // The resident: the notice, the besluit with its objection clause and term, and a bezwaar from it.
  await openMailTo(page, address, "Er staat een besluit voor u klaar");
  await page.goto("/mijn/berichten");
  await page.getByRole("link", { name: /Besluit op uw bezwaar/ }).click();
  await expect(page.getByTestId("bericht-tekst")).toContainText(nl.sendingMessages.objectionClause.heading);
  await expect(page.getByRole("main")).toContainText("bezwaar maken");
  await page.getByRole("button", { name: v.actions.object }).click();
  await page.waitForURL(/\/mijn\/aanvragen\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("bezwaar-tegen")).toContainText("Bezwaar tegen het besluit 'Besluit op uw bezwaar' van");
});
