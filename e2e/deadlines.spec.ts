import { randomInt } from "node:crypto";
import { addDays, isoDate, longDate, weekday } from "../lib/deadlines/calendar";
import { isWorkingDay } from "../lib/deadlines/terms";
import { expect as baseExpect, test } from "./fixtures";
import { DEMO_STAFF, loginStaff } from "./support/access-sessions";
import { format, nl } from "./support/portal";

// Answers after a login wait for scrypt, which is slow on purpose.
const expect = baseExpect.configure({ timeout: 15_000 });

/** The calculator's outcome line for a date. */
const endLine = (date: string) => format(nl.deadlines.resultEnd, { date: longDate(date, "nl") });

test("a resident works out a bezwaar term without JavaScript, and gets clear errors that keep what was typed", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    // From the help page, as a resident would find it.
    await page.goto("/hulp");
    await page.getByRole("link", { name: nl.deadlines.helpLink }).click();
    await expect(page).toHaveURL(/\/termijnen$/);
    expect(await page.evaluate(() => "__next_f" in self)).toBe(false);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.deadlines.title);
    // 6 weeks is filled in already.
    await expect(page.getByLabel(nl.deadlines.amountLabel)).toHaveValue("6");
    await expect(page.getByLabel(nl.deadlines.unitLabel)).toHaveValue("weken");

    // A decision of Thursday 2 April 2026: 6 weeks later is Ascension Day, then an equated Friday and a weekend.
    await page.getByLabel(nl.deadlines.dateLabel).fill("2-4-2026");
    await page.getByRole("button", { name: nl.deadlines.submit }).click();
    await expect(page).toHaveURL(/\/termijnen\?datum=2-4-2026&aantal=6&eenheid=weken$/);
    const outcome = page.getByRole("region", { name: nl.deadlines.resultHeading });
    await expect(outcome.getByTestId("term-end")).toHaveText(endLine("2026-05-18"));
    await expect(outcome).toContainText(format(nl.deadlines.resultMoved, { date: "donderdag 14 mei 2026" }));
    await expect(outcome.getByRole("listitem").filter({ hasText: "Donderdag 14 mei 2026 is Hemelvaartsdag" })).toHaveCount(1);
    await expect(outcome.getByRole("listitem").filter({ hasText: "Vrijdag 15 mei 2026 is bij koninklijk besluit gelijkgesteld met een feestdag" })).toHaveCount(1);
    // What was typed stays in the form for another try.
    await expect(page.getByLabel(nl.deadlines.dateLabel)).toHaveValue("2-4-2026");

    // Bad input: every problem at once, in plain Dutch, linked to its field, with the typed text kept.
    await page.getByLabel(nl.deadlines.dateLabel).fill("31-2-2026");
    await page.getByLabel(nl.deadlines.amountLabel).fill("zes");
    await page.getByRole("button", { name: nl.deadlines.submit }).click();
    await expect(page).toHaveTitle(new RegExp(`^${nl.form.errorPrefix} ${nl.deadlines.title}`));
    const summary = page.locator("#foutmeldingen");
    await expect(summary.getByRole("link", { name: nl.deadlines.errors.dateNotExist })).toHaveAttribute("href", "#datum");
    await expect(summary.getByRole("link", { name: nl.deadlines.errors.amountNotNumber })).toHaveAttribute("href", "#aantal");
    await expect(page.getByLabel(nl.deadlines.dateLabel)).toHaveValue("31-2-2026");
    await expect(page.getByLabel(nl.deadlines.dateLabel)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(nl.deadlines.amountLabel)).toHaveValue("zes");
    await expect(page.getByRole("region", { name: nl.deadlines.resultHeading })).toHaveCount(0);

    await page.getByLabel(nl.deadlines.dateLabel).fill("");
    await page.getByLabel(nl.deadlines.amountLabel).fill("6");
    await page.getByRole("button", { name: nl.deadlines.submit }).click();
    await expect(summary.getByRole("link")).toHaveText([nl.deadlines.errors.dateMissing]);
  } finally {
    await context.close();
  }
});

test("with JavaScript the calculator answers in place, for weeks, days and months", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: nl.deadlines.footerLink }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.deadlines.title);

  // Christmas 2026 is on a Friday, Boxing Day on Saturday: the term runs to Monday.
  await page.getByLabel(nl.deadlines.dateLabel).fill("2026-11-13");
  await page.getByRole("button", { name: nl.deadlines.submit }).click();
  await expect(page.getByTestId("term-end")).toHaveText(endLine("2026-12-28"));
  await expect(page).toHaveURL(/datum=2026-11-13/);

  await page.getByLabel(nl.deadlines.dateLabel).fill("1-5-2026");
  await page.getByLabel(nl.deadlines.amountLabel).fill("14");
  await page.getByLabel(nl.deadlines.unitLabel).selectOption("dagen");
  await page.getByRole("button", { name: nl.deadlines.submit }).click();
  await expect(page.getByTestId("term-end")).toHaveText(endLine("2026-05-18"));

  // 31 January + 1 month is 28 February 2026, a Saturday: Monday 2 March.
  await page.getByLabel(nl.deadlines.dateLabel).fill("31-1-2026");
  await page.getByLabel(nl.deadlines.amountLabel).fill("1");
  await page.getByLabel(nl.deadlines.unitLabel).selectOption("maanden");
  await page.getByRole("button", { name: nl.deadlines.submit }).click();
  await expect(page.getByTestId("term-end")).toHaveText(endLine("2026-03-02"));
  await expect(page.getByRole("region", { name: nl.deadlines.resultHeading })).toContainText("Die maand heeft geen 31e dag.");
});

test("GET /api/termijnen answers with the end and the explanation, and 400 for bad input", async ({ request }) => {
  const ok = await request.get("/api/termijnen?start=2026-04-02&weken=6");
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toContain("application/json");
  const body = await ok.json();
  expect(body).toMatchObject({ start: "2026-04-02", term: { amount: 6, unit: "weeks" }, firstDay: "2026-04-03", nominalEnd: "2026-05-14", end: "2026-05-18", moved: true, atwApplies: true });
  expect(body.explanation.nl).toContain("Hemelvaartsdag");
  expect(body.explanation.en).toContain("Ascension Day");
  expect(body.steps.at(-1)).toEqual({ rule: "end", nl: "Laatste dag van de termijn: maandag 18 mei 2026.", en: "Last day of the term: Monday 18 May 2026." });

  const days = await (await request.get("/api/termijnen?start=2026-03-06&dagen=3")).json();
  expect(days).toMatchObject({ end: "2026-03-10", rulesApplied: ["art2"] });
  const months = await (await request.get("/api/termijnen?start=2025-12-04&maanden=4")).json();
  expect(months).toMatchObject({ end: "2026-04-04", moved: false, atwApplies: false });

  for (const [query, code, field] of [
    ["start=2026-02-30&weken=6", "dateNotExist", "start"],
    ["weken=6", "dateMissing", "start"],
    ["start=2026-04-02", "termMissing", "weken"],
    ["start=2026-04-02&weken=6&dagen=2", "termAmbiguous", "weken"],
    ["start=2026-04-02&maanden=nul", "amountNotNumber", "maanden"],
  ] as const) {
    const bad = await request.get(`/api/termijnen?${query}`);
    expect(bad.status(), query).toBe(400);
    expect(await bad.json(), query).toEqual({ error: { code, field, message: { nl: nl.deadlines.errors[code], en: expect.any(String) } } });
  }
});

/** A Wednesday far ahead whose Thursday is a working day too, so equating it moves a term by one day. */
function freeWednesday(): string {
  for (;;) {
    let date = isoDate(2090 + randomInt(10), 1 + randomInt(12), 1 + randomInt(28));
    while (weekday(date) !== 3) date = addDays(date, 1);
    if (isWorkingDay(date, []) && isWorkingDay(addDays(date, 1), [])) return date;
  }
}

test("an admin adds an equated day, which then shifts a calculated term", async ({ page, request }) => {
  const target = freeWednesday();
  const event = addDays(target, -14);
  const before = await (await request.get(`/api/termijnen?start=${event}&dagen=14`)).json();
  expect(before).toMatchObject({ nominalEnd: target, end: target, moved: false });

  await loginStaff(page, DEMO_STAFF.beheerder);
  await page.goto("/beheer");
  await page.getByRole("link", { name: nl.deadlines.admin.link }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.deadlines.admin.title);
  const table = page.getByRole("table", { name: nl.deadlines.admin.tableCaption });
  await expect(table.getByRole("row").filter({ hasText: "vrijdag 15 mei 2026" })).toContainText(nl.deadlines.admin.builtIn);

  const submit = () => page.getByRole("button", { name: nl.deadlines.admin.submit }).click();
  const summary = page.locator("#foutmeldingen");
  // Nothing filled in: every field says what is missing.
  await submit();
  await expect(summary.getByRole("link")).toHaveText([nl.deadlines.errors.dateMissing, nl.fieldErrors.required, nl.fieldErrors.required]);
  // A day that is already in the list; what was typed stays.
  await page.getByLabel(nl.deadlines.admin.dateLabel).fill("15-5-2026");
  await page.getByLabel(nl.deadlines.admin.reasonLabel).fill("Vrijdag na Hemelvaartsdag");
  await page.getByLabel(nl.deadlines.admin.decreeLabel).fill("Besluit gelijkstelling test");
  await submit();
  await expect(summary.getByRole("link")).toHaveText([nl.deadlines.admin.errors.dateTaken]);
  await expect(page.getByLabel(nl.deadlines.admin.reasonLabel)).toHaveValue("Vrijdag na Hemelvaartsdag");
  // A Saturday is free anyway.
  await page.getByLabel(nl.deadlines.admin.dateLabel).fill(addDays(target, 3));
  await submit();
  await expect(summary.getByRole("link")).toHaveText([nl.deadlines.admin.errors.alreadyFree]);

  await page.getByLabel(nl.deadlines.admin.dateLabel).fill(target);
  await page.getByLabel(nl.deadlines.admin.reasonLabel).fill("Dag na een testfeest");
  await submit();
  await expect(page).toHaveURL(new RegExp(`/beheer/termijnen\\?toegevoegd=${target}$`));
  // (Next's route announcer is a status region too.)
  await expect(page.getByRole("main").getByRole("status")).toHaveText(format(nl.deadlines.admin.added, { date: longDate(target, "nl") }));
  const row = table.getByRole("row").filter({ hasText: longDate(target, "nl") });
  await expect(row).toContainText("Dag na een testfeest");
  await expect(row).toContainText("Bea Beheerder");

  // From now on the term ending on that Wednesday runs to Thursday, and says why.
  const after = await (await request.get(`/api/termijnen?start=${event}&dagen=14`)).json();
  expect(after).toMatchObject({ nominalEnd: target, end: addDays(target, 1), moved: true, rulesApplied: ["art1"] });
  expect(after.reasons).toEqual([{ kind: "equated", date: target, reason: "Dag na een testfeest", decreeReference: "Besluit gelijkstelling test" }]);
  await page.goto(`/termijnen?datum=${event}&aantal=14&eenheid=dagen`);
  await expect(page.getByTestId("term-end")).toHaveText(endLine(addDays(target, 1)));
});
