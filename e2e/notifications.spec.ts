import { expect as baseExpect, test } from "./fixtures";
import { loginResident, loginStaff, randomBsn } from "./support/access-sessions";
import { openMailTo } from "./support/mailbox";
import { format, nl } from "./support/portal";

// Jobs run in the server's worker (polling each second), so mail and delivery take a moment.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

const s = nl.notifications.settings;

test("a resident sets an e-mail address, verifies it from the demo mailbox, chooses per message type and sees the history", async ({ page }) => {
  await loginResident(page, randomBsn());
  await page.goto("/mijn");
  await page.getByRole("link", { name: s.link }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.title);
  await expect(page.getByTestId("email-status")).toHaveText(s.emailNone);

  // An invalid address is refused with a specific message, and what was typed stays.
  const emailBox = page.getByRole("textbox", { name: s.emailLabel });
  await emailBox.fill("inwoner@voorbeeld");
  await page.getByRole("button", { name: s.saveEmail }).click();
  const summary = page.locator("#foutmeldingen-email");
  await expect(summary).toContainText(nl.notifications.errors.emailInvalid);
  await expect(emailBox).toHaveValue("inwoner@voorbeeld");
  await expect(emailBox).toHaveAttribute("aria-invalid", "true");

  const address = `inwoner-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
  await emailBox.fill(address);
  await page.getByRole("button", { name: s.saveEmail }).click();
  await expect(page.getByRole("status").filter({ hasText: s.notices["email-verification-sent"]! })).toBeVisible();
  await expect(page.getByTestId("email-status")).toContainText(`Nog niet bevestigd. Wij hebben een e-mail met een link gestuurd naar ${address}`);

  // The verification mail, from the demo mailbox: follow its link and confirm.
  const text = await openMailTo(page, address, "Bevestig uw e-mailadres");
  const link = text.match(/http\S+\/email-bevestigen\?code=[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();
  const path = new URL(link!).pathname + new URL(link!).search;
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.notifications.verify.title);
  await page.getByRole("button", { name: nl.notifications.verify.submit }).click();
  await expect(page.getByRole("status").filter({ hasText: nl.notifications.verify.verified })).toBeVisible();

  // The same link a second time says it was used, and offers a new one.
  await page.goto(path);
  await page.getByRole("button", { name: nl.notifications.verify.submit }).click();
  await expect(page.getByRole("main")).toContainText(nl.notifications.verify.used);
  await expect(page.getByRole("link", { name: nl.notifications.verify.newLink })).toBeVisible();

  await page.goto("/mijn/instellingen");
  await expect(page.getByTestId("email-status")).toContainText(`${address}. Bevestigd op`);

  // A mobile number that is not Dutch mobile is refused; a good one is kept.
  const mobile = page.getByRole("textbox", { name: s.mobileLabel });
  await mobile.fill("020 123 4567");
  await page.getByRole("button", { name: s.saveMobile }).click();
  await expect(page.locator("#foutmeldingen-mobiel")).toContainText(nl.notifications.errors.mobileInvalid);
  await expect(mobile).toHaveValue("020 123 4567");
  await mobile.fill("06-1234 5678");
  await page.getByRole("button", { name: s.saveMobile }).click();
  await expect(page.getByRole("status").filter({ hasText: s.notices["mobile-saved"]! })).toBeVisible();
  await expect(page.getByRole("textbox", { name: s.mobileLabel })).toHaveValue("06 12345678");

  // Consent per message type: decisions and receipts digitally, then withdraw receipts again.
  await page.getByRole("checkbox", { name: nl.notifications.kinds.decision }).check();
  await page.getByRole("checkbox", { name: nl.notifications.kinds.receipt }).check();
  await page.getByRole("button", { name: s.saveConsent }).click();
  await expect(page.getByRole("status").filter({ hasText: s.notices["consent-saved"]! })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: nl.notifications.kinds.decision })).toBeChecked();
  await page.getByRole("checkbox", { name: nl.notifications.kinds.receipt }).uncheck();
  await page.getByRole("button", { name: s.saveConsent }).click();
  await expect(page.getByRole("status").filter({ hasText: s.notices["consent-saved"]! })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: nl.notifications.kinds.receipt })).not.toBeChecked();

  // Every change is in the history, with its time.
  const history = page.getByRole("table", { name: s.historyCaption });
  for (const line of [
    format(nl.notifications.changes["email-set"], { value: address }),
    format(nl.notifications.changes["email-verified"], { value: address }),
    format(nl.notifications.changes["mobile-set"], { value: "+31612345678" }),
    format(nl.notifications.changes.consentDigital, { kind: nl.notifications.kinds.decision }),
    format(nl.notifications.changes.consentDigital, { kind: nl.notifications.kinds.receipt }),
    format(nl.notifications.changes.consentNotDigital, { kind: nl.notifications.kinds.receipt }),
  ]) {
    await expect(history.getByRole("rowheader", { name: line, exact: true }).first()).toBeVisible();
  }

  // A decision notice now reaches the verified address (demo: send oneself an example), with its proof.
  await page.goto("/mijn/meldingen");
  await page.getByRole("combobox", { name: nl.notifications.mine.demoKind }).selectOption("decision");
  await page.getByRole("button", { name: nl.notifications.mine.demoSubmit }).click();
  await expect(page.getByRole("status").filter({ hasText: nl.notifications.mine.demoSent })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await baseExpect(page.getByTestId("notificatie-status").first()).toHaveText(nl.notifications.statuses.delivered, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("table").first()).toContainText(nl.notifications.outcomes.delivered);
  const notice = await openMailTo(page, address, "Er staat een besluit voor u klaar");
  expect(notice).toContain("Wat betekent dit voor u?");
  expect(notice).toContain("Bezwaar maken kan tot en met");
});

test("counter staff work a fallback task for a notice that could not be delivered, and open the letter", async ({ page, browser }) => {
  // A resident who never chose digital reminders gets one: it cannot go by e-mail, so a task opens.
  await loginResident(page, randomBsn());
  await page.goto("/mijn/meldingen");
  await page.getByRole("combobox", { name: nl.notifications.mine.demoKind }).selectOption("reminder");
  await page.getByRole("button", { name: nl.notifications.mine.demoSubmit }).click();
  await expect(async () => {
    await page.reload();
    await baseExpect(page.getByTestId("notificatie-status").first()).toHaveText(nl.notifications.statuses.failed, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("main")).toContainText(nl.notifications.failureReasons["no-consent"]);

  const staff = await (await browser.newContext()).newPage();
  await loginStaff(staff, "balie@voorbeeldstad.example");
  await staff.goto("/balie");
  await staff.getByRole("link", { name: nl.notifications.tasks.link, exact: true }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(nl.notifications.tasks.title);
  const row = staff.getByRole("row").filter({ hasText: nl.notifications.kinds.reminder }).last();
  await expect(row).toContainText(nl.notifications.failureReasons["no-consent"]);
  await row.getByRole("link", { name: new RegExp(`^${nl.notifications.tasks.open}`) }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText(nl.notifications.tasks.detailTitle);
  expect(staff.url()).not.toMatch(/\d{9}/); // no BSN in the URL
  await expect(staff.getByRole("main")).toContainText(nl.notifications.tasks.termsHeading);
  await expect(staff.getByRole("main")).toContainText(nl.notifications.outcomes["permanent-failure"]);

  // Closing without an outcome is refused with a specific message.
  await staff.getByRole("button", { name: nl.notifications.tasks.close }).click();
  await expect(staff.locator("#foutmeldingen-afronden")).toContainText(nl.notifications.errors.outcomeRequired);

  // The postal address for the letter, then the letter itself.
  await staff.getByRole("textbox", { name: nl.notifications.tasks.addressLabel }).fill("De bewoner\nDorpsstraat 1\n1234 AB Voorbeeldstad");
  await staff.getByRole("button", { name: nl.notifications.tasks.saveAddress }).click();
  await expect(staff.getByRole("status").filter({ hasText: nl.notifications.tasks.addressSaved })).toBeVisible();
  await staff.getByRole("link", { name: nl.notifications.tasks.letterLink }).click();
  await expect(staff.getByTestId("brief-adres")).toContainText("Dorpsstraat 1");
  await expect(staff.getByRole("main")).toContainText(nl.notifications.letter.body);
  // Positioned for a window envelope: 20 mm from the left, 50 mm from the top of the sheet.
  const box = await staff.getByTestId("brief-adres").evaluate((el) => {
    const sheet = el.parentElement!.getBoundingClientRect();
    const own = el.getBoundingClientRect();
    const mm = 96 / 25.4;
    return { left: Math.round((own.left - sheet.left) / mm), top: Math.round((own.top - sheet.top) / mm) };
  });
  expect(box).toEqual({ left: 20, top: 50 });
  // The same letter as a PDF, with the address in it.
  const pdfLink = staff.getByRole("link", { name: nl.notifications.letter.pdf });
  const pdf = await staff.request.get((await pdfLink.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  await staff.goBack();
  await staff.getByRole("radio", { name: nl.notifications.tasks.outcomes["letter-sent"] }).check();
  await staff.getByRole("textbox", { name: nl.notifications.tasks.noteLabel }).fill("Brief met uitleg over de kanaalkeuze verstuurd.");
  await staff.getByRole("button", { name: nl.notifications.tasks.close }).click();
  await expect(staff.getByRole("status").filter({ hasText: nl.notifications.tasks.closedNotice })).toBeVisible();
  await expect(staff.getByTestId("taak-afgerond")).toContainText(nl.notifications.tasks.outcomes["letter-sent"]);

  // The party's page shows the consent and every notification with its attempts, once a purpose is given.
  await staff.getByRole("link", { name: nl.notifications.tasks.openParty }).click();
  await staff.getByRole("radio", { name: nl.partyLookup.reasons.telefoon }).check();
  await staff.getByRole("button", { name: nl.partyLookup.partyPurposeSubmit }).click();
  await expect(staff.getByRole("heading", { name: nl.notifications.staff.heading })).toBeVisible();
  const consent = staff.getByRole("table", { name: nl.notifications.staff.consentCaption });
  await expect(consent.getByRole("row").filter({ hasText: nl.notifications.kinds.reminder })).toContainText(nl.notifications.staff.neverChosen);
  await expect(staff.getByTestId("notificatie-status").first()).toHaveText(nl.notifications.statuses.failed);
  await staff.context().close();
});

test("without JavaScript a resident changes consent and gets a specific error for a bad address, with the input kept", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await loginResident(page, randomBsn());
  await page.goto("/mijn/instellingen");
  const emailBox = page.getByRole("textbox", { name: s.emailLabel });
  await emailBox.fill("naam at voorbeeld.nl");
  await page.getByRole("button", { name: s.saveEmail }).click();
  await expect(page.locator("#foutmeldingen-email")).toContainText(nl.notifications.errors.emailInvalid);
  await expect(page.getByRole("textbox", { name: s.emailLabel })).toHaveValue("naam at voorbeeld.nl");

  await page.getByRole("checkbox", { name: nl.notifications.kinds["information-request"] }).check();
  await page.getByRole("button", { name: s.saveConsent }).click();
  await expect(page.getByRole("status").filter({ hasText: s.notices["consent-saved"]! })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: nl.notifications.kinds["information-request"] })).toBeChecked();
  await expect(page.getByRole("table", { name: s.historyCaption })).toContainText(format(nl.notifications.changes.consentDigital, { kind: nl.notifications.kinds["information-request"] }));
  await context.close();
});
