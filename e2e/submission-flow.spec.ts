import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { format, nl } from "./support/portal";

// Logging in, several posts with uploads and axe on every page take their time on a busy machine.
test.describe.configure({ timeout: 180_000 });

const f = nl.submissionFlow;
const runner = nl.forms.runner;

/** A small real PDF (the type is read from its first bytes). */
const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"), Buffer.alloc(1500, 0x20)]);
/** A Windows program renamed to look like a PDF. */
const exe = Buffer.concat([Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]), Buffer.alloc(3000, 0)]);

async function loginWithSimulator(page: Page, bsn: string, level: string) {
  await page.getByRole("link", { name: nl.auth.login.simulatorButtonDigid }).click();
  await page.getByRole("textbox", { name: nl.auth.simulator.bsn }).fill(bsn);
  await page.getByRole("radio", { name: level }).check();
  await page.getByRole("button", { name: nl.auth.simulator.submit }).click();
}

/** From the product page: start, log in on the way, and land on the draft's first page. Returns the draft's path. */
async function startComplaint(page: Page, bsn: string): Promise<string> {
  await page.goto("/producten/klacht-indienen");
  await page.getByRole("button", { name: f.start.buttons.klacht }).click();
  // Not logged in: to the login, then back to the product.
  await expect(page).toHaveURL(/\/inloggen\?terug=%2Fproducten%2Fklacht-indienen$/);
  await loginWithSimulator(page, bsn, "DigiD Basis");
  await expect(page).toHaveURL(/\/producten\/klacht-indienen$/);
  await page.getByRole("button", { name: f.start.buttons.klacht }).click();
  await expect(page).toHaveURL(/\/mijn\/aanvragen\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klacht indienen");
  return new URL(page.url()).pathname;
}

async function fillFirstSteps(page: Page) {
  // Errors first: every message in the summary, every value kept.
  await page.getByLabel("Uw naam").fill("J");
  await page.getByLabel("E-mailadres").fill("geen-adres");
  await page.getByRole("button", { name: runner.next }).click();
  const summary = page.getByRole("alert").filter({ hasText: nl.form.errorSummaryTitle });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link")).toHaveCount(2);
  await expect(page.getByLabel("Uw naam")).toHaveValue("J");
  await expect(page.getByLabel("E-mailadres")).toHaveValue("geen-adres");
  await page.getByLabel("Uw naam").fill("Jan de Vries");
  await page.getByLabel("E-mailadres").fill("jan@example.org");
  await page.getByRole("button", { name: runner.next }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Uw klacht" })).toBeVisible();
  await page.getByLabel("Wanneer gebeurde het?").fill("2-11-2026");
  await page.getByRole("radio", { name: "Balie in het stadhuis" }).check();
  await page.getByLabel("Wat is er gebeurd?").fill("Ik moest twee uur wachten aan de balie.");
  await page.getByRole("radio", { name: "Per e-mail" }).check();
}

async function submitAndCheckReceipt(page: Page, draftPath: string) {
  await page.getByRole("button", { name: f.draft.send }).click();
  await expect(page).toHaveURL(/\/mijn\/inzendingen\/[0-9a-f-]{36}$/);
  const receipt = new URL(page.url()).pathname;
  // A second submit of the same draft (double click, back button, retry) lands on the same receipt.
  const again = await page.request.post(draftPath, { form: { pagina: "check", actie: "submit" }, headers: { origin: new URL(page.url()).origin }, maxRedirects: 0 });
  expect(again.status()).toBe(303);
  expect(new URL(again.headers().location!).pathname).toBe(receipt);
  // The draft is gone from the list.
  await page.goto("/mijn/aanvragen");
  await expect(page.getByText(f.drafts.empty)).toBeVisible();
}

test("with JavaScript: a resident starts a complaint, sees errors, saves and resumes, uploads with progress, sees a refused file's reason, and submits", async ({ page }) => {
  const draftPath = await startComplaint(page, "999996708");
  await fillFirstSteps(page);

  // Save and continue later, then resume from the list of drafts.
  await page.getByRole("button", { name: f.draft.saveLater }).click();
  await expect(page).toHaveURL(/\/mijn\/aanvragen\?opgeslagen=1$/);
  await expect(page.getByText(f.drafts.saved.split(".")[0]!)).toBeVisible();
  await page.goto("/mijn");
  await expect(page.getByRole("region", { name: f.drafts.mineHeading })).toContainText(format(f.drafts.mineSome, { count: 1 }));
  await page.getByRole("link", { name: f.drafts.mineLink }).click();
  await page.getByRole("link", { name: `${f.drafts.continue} Klacht indienen` }).click();
  await expect(page).toHaveURL(new RegExp(`${draftPath}$`));
  await expect(page.getByLabel("Wat is er gebeurd?")).toHaveValue("Ik moest twee uur wachten aan de balie.");
  await page.getByRole("button", { name: runner.next }).click();

  // The attachments step: each chosen file goes up at once.
  await expect(page.getByRole("heading", { level: 2, name: "Toelichting en bijlagen" })).toBeVisible();
  await page.getByLabel("Wilt u nog iets vertellen?").fill("Zie de brief.");
  const input = page.locator("input[type=file]#f-bijlagen");
  await input.setInputFiles({ name: "brief.pdf", mimeType: "application/pdf", buffer: pdf });
  const status = page.locator("[role=status][aria-live=polite]");
  await expect(status).toContainText(format(f.files.uploaded, { name: "brief.pdf" }));
  await expect(page.getByRole("list", { name: f.files.added })).toContainText("brief.pdf");
  await input.setInputFiles({ name: "factuur.pdf", mimeType: "application/pdf", buffer: exe });
  await expect(status).toContainText("Wij kunnen niet zien wat voor bestand factuur.pdf is.");
  await expect(page.getByRole("list", { name: f.files.added })).not.toContainText("factuur.pdf");
  await expect(page.getByLabel("Wilt u nog iets vertellen?")).toHaveValue("Zie de brief.");
  await page.getByRole("button", { name: runner.toCheck }).click();

  await expect(page.getByRole("heading", { level: 2, name: runner.checkTitle })).toBeVisible();
  await expect(page.getByText(/^brief\.pdf \(\d+ kB\)$/)).toBeVisible();
  await expect(page.getByText("Zie de brief.")).toBeVisible();
  await submitAndCheckReceipt(page, draftPath);
});

async function noScriptPage(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  return { context, page: await context.newPage() };
}

test("without JavaScript: files go with the step's post, a refused file's reason shows at once and nothing typed is lost", async ({ browser }) => {
  const { context, page } = await noScriptPage(browser);
  try {
    const draftPath = await startComplaint(page, "123456782");
    expect(await page.evaluate(() => "__next_f" in self)).toBe(false);
    await fillFirstSteps(page);
    await page.getByRole("button", { name: runner.next }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Toelichting en bijlagen" })).toBeVisible();

    await page.getByLabel("Wilt u nog iets vertellen?").fill("Zie de brief.");
    await page.locator("input[type=file]#f-bijlagen").setInputFiles([
      { name: "brief.pdf", mimeType: "application/pdf", buffer: pdf },
      { name: "factuur.pdf", mimeType: "application/pdf", buffer: exe },
    ]);
    await page.getByRole("button", { name: runner.toCheck }).click();
    // Back on the same page: the reason in the error summary and at the field, the good file kept, the text kept.
    const summary = page.getByRole("alert").filter({ hasText: nl.form.errorSummaryTitle });
    await expect(summary).toContainText("Wij kunnen niet zien wat voor bestand factuur.pdf is.");
    await expect(summary.getByRole("link")).toHaveAttribute("href", "#f-bijlagen");
    await expect(page.getByRole("list", { name: f.files.added })).toContainText("brief.pdf");
    await expect(page.getByLabel("Wilt u nog iets vertellen?")).toHaveValue("Zie de brief.");

    // Remove a file and add it again with the "add" button, without leaving the page.
    await page.getByRole("button", { name: `${f.files.remove} brief.pdf` }).click();
    await expect(page.getByText(f.files.none)).toBeVisible();
    await page.locator("input[type=file]#f-bijlagen").setInputFiles({ name: "brief.pdf", mimeType: "application/pdf", buffer: pdf });
    await page.getByRole("button", { name: f.files.addButton }).click();
    await expect(page.getByRole("list", { name: f.files.added })).toContainText("brief.pdf");

    await page.getByRole("button", { name: runner.toCheck }).click();
    await expect(page.getByRole("heading", { level: 2, name: runner.checkTitle })).toBeVisible();
    await expect(page.getByText(/^brief\.pdf \(\d+ kB\)$/)).toBeVisible();
    await submitAndCheckReceipt(page, draftPath);
  } finally {
    await context.close();
  }
});

test("a product that needs a higher login level explains it and offers to log in again at that level", async ({ page }) => {
  await page.goto("/inloggen/digid-simulator?terug=%2Fproducten%2Fverhuizing-doorgeven");
  await page.getByRole("textbox", { name: nl.auth.simulator.bsn }).fill("999996708");
  await page.getByRole("radio", { name: "DigiD Basis" }).check();
  await page.getByRole("button", { name: nl.auth.simulator.submit }).click();
  await expect(page).toHaveURL(/\/producten\/verhuizing-doorgeven$/);
  await page.locator("form[action='/mijn/aanvragen'] button").click();
  await expect(page).toHaveURL(/\/mijn\/aanvragen\/starten\?product=verhuizing-doorgeven&reden=niveau-te-laag&niveau=midden$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(f.cannotStart.title);
  const again = page.getByRole("link", { name: format(f.cannotStart.loginAgain, { required: "DigiD Midden" }) });
  await expect(again).toHaveAttribute("href", "/inloggen?terug=%2Fproducten%2Fverhuizing-doorgeven");
});

test("a post from another site is refused", async ({ page }) => {
  const response = await page.request.post("/mijn/aanvragen", { form: { product: "klacht-indienen" }, headers: { origin: "https://evil.example" }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
});
