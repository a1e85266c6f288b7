import type { Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { DEMO_STAFF, loginResident, loginStaff, randomBsn } from "./support/access-sessions";
import { nl } from "./support/portal";

/**
 * Replying to and objecting against messages in the inbox (issue 7). The resident sends the
 * demo's example objection (a case), the demo case handler sends a request for information about
 * it (the demo button on the case page), the resident replies with an attachment and gets a
 * receipt; after an example besluit the resident objects and lands on a bezwaar draft that says
 * which besluit it is about. The reply also works without JavaScript, and a refused file keeps
 * the text typed.
 */

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 180_000 });

const r = nl.replies;

/** The start of a real PDF, then filler. */
function pdf(): Buffer {
  const out = Buffer.alloc(2000, 0x20);
  out.write("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n", 0, "latin1");
  return out;
}
/** A Windows program, named as if it were a PDF. */
function exe(): Buffer {
  const out = Buffer.alloc(3000);
  out.set([0x4d, 0x5a, 0x90, 0x00, 0x03], 0);
  return out;
}

/** Sends the example objection and opens its case; returns the case page's path. */
async function exampleCase(page: Page): Promise<string> {
  await page.goto("/mijn/zaken");
  await page.getByRole("button", { name: nl.cases.demoSubmit }).click();
  await page.waitForURL(/\/mijn\/inzendingen\/[0-9a-f-]{36}$/);
  const reference = (await page.getByTestId("kenmerk").textContent())!.trim();
  await page.goto("/mijn/zaken");
  await page.getByRole("link", { name: new RegExp(reference) }).click();
  await page.waitForURL(/\/mijn\/zaken\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** Lets the demo case handler send a message about the case; returns the message's id. */
async function demoMessage(page: Page, casePath: string, which: "request" | "decision"): Promise<string> {
  await page.goto(casePath);
  await page.getByRole("button", { name: which === "request" ? r.demo.request : r.demo.decision }).click();
  await page.waitForURL(/\/mijn\/berichten\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("a resident replies to a request for information with an attachment and gets a receipt; nothing typed is lost on an error; the handler sees it", async ({ page, browser }) => {
  await loginResident(page, randomBsn());
  const casePath = await exampleCase(page);
  const messageId = await demoMessage(page, casePath, "request");

  await page.goto(`/mijn/berichten/${messageId}/reageren`);
  await expect(page.getByRole("heading", { level: 1, name: r.reply.title })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Wij missen een document (voorbeeld)");

  // A file but no text: refused, the file is kept.
  await page.locator("input[type=file]#f-bijlagen").setInputFiles({ name: "besluit.pdf", mimeType: "application/pdf", buffer: pdf() });
  await page.getByRole("button", { name: r.reply.send }).click();
  await expect(page.locator("#foutmeldingen")).toContainText(r.reply.textLabel);
  await expect(page.getByTestId("reactie-bijlagen")).toContainText("besluit.pdf");

  await page.getByLabel(r.reply.textLabel).fill("Hierbij het besluit waartegen ik bezwaar maak.");
  await page.getByRole("button", { name: r.reply.send }).click();
  await page.waitForURL(/\/mijn\/inzendingen\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("kenmerk")).toHaveText(/^AA-\d{4}-\d{6}$/);
  const reference = (await page.getByTestId("kenmerk").textContent())!.trim();
  await expect(page.getByRole("main")).toContainText("besluit.pdf");

  // The case is handled again, and its timeline shows the reply.
  await page.goto(casePath);
  await expect(page.getByRole("main")).toContainText(nl.cases.statuses["in-progress"]!);
  await expect(page.getByRole("main")).toContainText("Reactie ontvangen op het bericht");

  // The case handler sees the reply on the case screen, on time.
  const context = await browser.newContext();
  const staff = await context.newPage();
  await loginStaff(staff, DEMO_STAFF.behandelaar);
  await staff.goto(casePath.replace("/mijn/zaken/", "/behandeling/zaken/"));
  const replies = staff.getByRole("region", { name: r.staff.caption });
  await expect(replies).toContainText(reference);
  await expect(replies).toContainText(r.staff.onTime);
  await expect(replies).toContainText("Wij missen een document (voorbeeld)");
  await context.close();
});

test("a resident objects against a besluit and lands on a bezwaar draft about that besluit", async ({ page }) => {
  await loginResident(page, randomBsn());
  const casePath = await exampleCase(page);
  const messageId = await demoMessage(page, casePath, "decision");

  // A besluit is objected to, not replied to.
  const replyPage = await page.goto(`/mijn/berichten/${messageId}/reageren`);
  expect(replyPage?.status()).toBe(404);

  await page.goto(`/mijn/berichten/${messageId}/bezwaar`);
  await expect(page.getByRole("heading", { level: 1, name: r.objection.title })).toBeVisible();
  await page.getByRole("button", { name: r.objection.start }).click();
  await page.waitForURL(/\/mijn\/aanvragen\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("bezwaar-tegen")).toContainText("Bezwaar tegen het besluit 'Besluit op uw bezwaar (voorbeeld)' van");
});

test("without JavaScript: a refused file keeps the text, then the reply is sent with its file", async ({ page, browser }) => {
  await loginResident(page, randomBsn());
  const casePath = await exampleCase(page);
  const messageId = await demoMessage(page, casePath, "request");

  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noJs = await context.newPage();
  await noJs.goto(`/mijn/berichten/${messageId}/reageren`);
  const text = "Zonder JavaScript: hier is mijn antwoord.";
  await noJs.getByLabel(r.reply.textLabel).fill(text);
  await noJs.locator("input[type=file]#f-bijlagen").setInputFiles({ name: "factuur.pdf", mimeType: "application/pdf", buffer: exe() });
  await noJs.getByRole("button", { name: r.reply.send }).click();
  await noJs.waitForURL(new RegExp(`/mijn/berichten/${messageId}/reageren`));
  await expect(noJs.locator("#foutmeldingen")).toContainText("factuur.pdf");
  await expect(noJs.getByLabel(r.reply.textLabel)).toHaveValue(text);

  await noJs.locator("input[type=file]#f-bijlagen").setInputFiles({ name: "bon.pdf", mimeType: "application/pdf", buffer: pdf() });
  await noJs.getByRole("button", { name: r.reply.send }).click();
  await noJs.waitForURL(/\/mijn\/inzendingen\/[0-9a-f-]{36}$/);
  await expect(noJs.getByTestId("kenmerk")).toHaveText(/^AA-\d{4}-\d{6}$/);
  await expect(noJs.getByRole("main")).toContainText("bon.pdf");
  await context.close();
});
