import { readFile } from "node:fs/promises";
import { expect as baseExpect, test } from "./fixtures";
import type { Locator, Page } from "@playwright/test";
import { DEMO_STAFF, loginStaff } from "./support/access-sessions";
import { format, nl } from "./support/portal";

/**
 * Forms: an admin edits a product's form in the editor (an invalid definition shows each
 * problem with its path), publishes it, and the public preview shows the new version; a
 * visitor then walks that form and meets every kind of validation error, with and without
 * JavaScript, and uses the check-your-answers page and its change links.
 *
 * The tests run in order: the first publishes the form with every kind of field that the
 * others fill in. They use the demo product "verhuizing-doorgeven", which no other spec fills in.
 */

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ mode: "serial", timeout: 180_000 });

const SLUG = "verhuizing-doorgeven";
const TITLE = `Elk soort veld ${Date.now()}`;
const e = nl.forms.errors;
const r = nl.forms.runner;
const msg = (template: string, values: Record<string, string | number>) => format(template, values);

const nlen = (text: string) => ({ nl: text, en: `${text} (en)` });
const everyKind = {
  formatVersion: 1,
  title: nlen(TITLE),
  steps: [
    {
      id: "gegevens",
      title: nlen("Gegevens"),
      fields: [
        { id: "naam", kind: "text", label: nlen("Naam"), prefill: "name", rules: [{ kind: "minLength", value: 2 }] },
        { id: "email", kind: "email", label: nlen("E-mail") },
        { id: "telefoon", kind: "phone", label: nlen("Telefoon") },
        { id: "bsn", kind: "bsn", label: nlen("BSN") },
        { id: "kvk", kind: "kvk", label: nlen("KvK"), optional: true },
        { id: "iban", kind: "iban", label: nlen("IBAN") },
        { id: "adres", kind: "postcodeHouseNumber", label: nlen("Adres") },
      ],
    },
    {
      id: "keuzes",
      title: nlen("Keuzes"),
      fields: [
        { id: "soort", kind: "choice", display: "radio", label: nlen("Soort"), options: [{ value: "a", label: nlen("Soort A") }, { value: "b", label: nlen("Soort B") }] },
        { id: "uitleg", kind: "text", label: nlen("Uitleg bij B"), showWhen: { field: "soort", equals: "b" } },
        { id: "maand", kind: "choice", display: "select", label: nlen("Maand"), options: [{ value: "jan", label: nlen("Januari") }, { value: "feb", label: nlen("Februari") }] },
        { id: "opties", kind: "checkboxes", label: nlen("Opties"), options: [{ value: "x", label: nlen("Optie X") }, { value: "y", label: nlen("Optie Y") }, { value: "z", label: nlen("Optie Z") }], rules: [{ kind: "maxSelected", value: 2 }] },
        { id: "aantal", kind: "number", label: nlen("Aantal"), integer: true, rules: [{ kind: "min", value: 1 }, { kind: "max", value: 10 }] },
        { id: "datum", kind: "date", label: nlen("Datum"), rules: [{ kind: "dateNotInPast" }] },
        { id: "kenteken", kind: "text", label: nlen("Kenteken"), rules: [{ kind: "pattern", value: "[A-Z]{2}-\\d{3}-[A-Z]", message: nlen("Vul het kenteken in zoals AB-123-C.") }] },
      ],
    },
    {
      id: "slot",
      title: nlen("Slot"),
      fields: [
        { id: "toelichting", kind: "longText", label: nlen("Toelichting"), optional: true, rules: [{ kind: "maxLength", value: 50 }] },
        { id: "bijlagen", kind: "file", label: nlen("Bijlagen"), maxSizeMb: 1, allowedTypes: ["pdf"], maxCount: 2 },
      ],
    },
  ],
};

/** The form of a run (not the editor's or the language switch's). */
const runForm = (page: Page) => page.getByRole("form", { name: TITLE, exact: true });
const summary = (scope: Page | Locator) => scope.locator("#foutmeldingen");

async function expectErrors(page: Page, messages: string[]) {
  const box = summary(runForm(page));
  await expect(box).toBeVisible();
  for (const m of messages) {
    await expect(box.getByRole("link", { name: m, exact: true })).toBeVisible();
    // Inline too, next to the field.
    await expect(runForm(page).locator("p.text-error", { hasText: m })).toBeVisible();
  }
}

const next = (page: Page) => runForm(page).getByRole("button", { name: r.next }).or(runForm(page).getByRole("button", { name: r.toCheck })).or(runForm(page).getByRole("button", { name: r.saveAndCheck })).first().click();

async function fillStepOne(page: Page, values: { naam: string; email: string; telefoon: string; bsn: string; kvk: string; iban: string; postcode: string; huisnummer: string }) {
  const form = runForm(page);
  await form.getByLabel("Naam", { exact: true }).fill(values.naam);
  await form.getByLabel("E-mail", { exact: true }).fill(values.email);
  await form.getByLabel("Telefoon", { exact: true }).fill(values.telefoon);
  await form.getByLabel("BSN", { exact: true }).fill(values.bsn);
  await form.getByLabel(/^KvK/).fill(values.kvk);
  await form.getByLabel("IBAN", { exact: true }).fill(values.iban);
  await form.getByLabel(r.postcode, { exact: true }).fill(values.postcode);
  await form.getByLabel(r.houseNumber, { exact: true }).fill(values.huisnummer);
}

const valid = { naam: "Jan Jansen", email: "jan@voorbeeld.nl", telefoon: "06 12345678", bsn: "999996708", kvk: "", iban: "NL91 ABNA 0417 1643 00", postcode: "1234 AB", huisnummer: "12" };

test("an admin fixes an invalid definition, publishes it, and the public preview shows the new version", async ({ page }) => {
  await loginStaff(page, DEMO_STAFF.beheerder);
  await page.goto("/beheer");
  await page.getByRole("link", { name: nl.forms.editor.listTitle }).click();
  await page.getByRole("link", { name: "Verhuizing doorgeven" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(format(nl.forms.editor.title, { product: "Verhuizing doorgeven" }));
  // The seeded version 1 is published and in use.
  await expect(page.getByRole("table")).toContainText(nl.forms.editor.statusCurrent);

  const broken = structuredClone(everyKind);
  (broken.steps[1]!.fields[1] as { showWhen: { field: string } }).showWhen.field = "bestaat-niet";
  broken.steps[2]!.fields.pop();
  const textarea = page.getByLabel(nl.forms.editor.definitionLabel, { exact: true });
  await textarea.fill(JSON.stringify(broken, null, 2));
  // Checked as you type: every problem with its path, and no preview.
  const problems = page.locator("#problemen");
  await expect(problems).toContainText('steps[1].fields[1].showWhen.field: veld "bestaat-niet" bestaat niet');
  await expect(problems).toContainText("steps[2].fields: de laatste stap moet een veld van soort \"file\" hebben");
  await expect(page.getByRole("region", { name: nl.forms.editor.livePreviewTitle, exact: true })).toContainText(nl.forms.editor.livePreviewInvalid);
  // Saving is refused with the same paths.
  await page.getByRole("button", { name: nl.forms.editor.saveDraft }).click();
  await expect(page.locator("#foutmeldingen-definitie")).toContainText('steps[1].fields[1].showWhen.field: veld "bestaat-niet" bestaat niet');

  await textarea.fill(JSON.stringify(everyKind, null, 2));
  await expect(problems).toContainText(nl.forms.editor.problemsNone);
  // The live preview renders the form beside the editor and checks it like the real one.
  const preview = page.getByRole("region", { name: nl.forms.editor.livePreviewTitle, exact: true });
  await expect(preview.getByRole("heading", { name: "Gegevens" })).toBeVisible();
  await preview.getByRole("button", { name: r.next }).click();
  await expect(preview.locator("#foutmeldingen")).toContainText(msg(e.required, { label: "E-mail" }));

  await page.getByRole("button", { name: nl.forms.editor.saveDraft }).click();
  await expect(page.getByText(nl.forms.editor.notices.saved)).toBeVisible();
  await page.getByRole("button", { name: format(nl.forms.editor.publish, { version: 2 }) }).click();
  await expect(page.getByText(nl.forms.editor.notices.published)).toBeVisible();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText(nl.forms.editor.statusCurrent);
  await expect(rows.nth(1)).toContainText("Bea Beheerder");
  await expect(rows.nth(2)).toContainText(nl.forms.editor.statusPublished);
  await expect(page.getByRole("region", { name: nl.forms.editor.historyHeading, exact: true })).toContainText(format(nl.forms.editor.events.published, { version: 2 }));

  // Export gives the published JSON back.
  const download = page.waitForEvent("download");
  await rows.nth(1).getByRole("link", { name: /JSON downloaden/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`formulier-${SLUG}-versie-2.json`);
  expect(JSON.parse(await readFile((await file.path())!, "utf8"))).toEqual(everyKind);

  await page.getByRole("link", { name: nl.forms.editor.publicLink }).click();
  await expect(page).toHaveURL(new RegExp(`/producten/${SLUG}/formulier$`));
  await expect(page.getByRole("form", { name: TITLE })).toBeVisible();
  await expect(page.getByText(nl.forms.preview.banner)).toBeVisible();
});

test("without JavaScript, the editor refuses an invalid definition with the path of each problem", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await loginStaff(page, DEMO_STAFF.beheerder);
    await page.goto("/beheer/formulieren");
    await page.getByRole("link", { name: "Verhuizing doorgeven" }).click();
    const broken = structuredClone(everyKind);
    broken.steps[0]!.fields[1]!.id = "naam";
    await page.getByLabel(nl.forms.editor.definitionLabel, { exact: true }).fill(JSON.stringify(broken));
    await page.getByRole("button", { name: nl.forms.editor.previewButton }).click();
    await expect(page.locator("#foutmeldingen-definitie")).toContainText('steps[0].fields[1].id: veld-id "naam" komt al voor bij steps[0].fields[0]');
    // What was typed is kept.
    await expect(page.getByLabel(nl.forms.editor.definitionLabel, { exact: true })).toHaveValue(JSON.stringify(broken));
    await page.getByLabel(nl.forms.editor.definitionLabel, { exact: true }).fill(JSON.stringify(everyKind));
    await page.getByRole("button", { name: nl.forms.editor.previewButton }).click();
    await expect(page.getByRole("region", { name: nl.forms.editor.livePreviewTitle, exact: true }).getByRole("heading", { name: "Gegevens" })).toBeVisible();

    // Import: a file with problems is refused with their paths; a good one becomes the draft.
    const importBox = page.getByLabel(nl.forms.editor.importLabel, { exact: true });
    await importBox.setInputFiles({ name: "kapot.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
    await page.getByRole("button", { name: nl.forms.editor.importSubmit }).click();
    await expect(page.locator("#foutmeldingen-importeren")).toContainText('steps[0].fields[1].id: veld-id "naam" komt al voor bij steps[0].fields[0]');
    const shared = { ...structuredClone(everyKind), title: nlen(`${TITLE} (geïmporteerd)`) };
    await page.getByLabel(nl.forms.editor.importLabel, { exact: true }).setInputFiles({ name: "gedeeld.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(shared)) });
    await page.getByRole("button", { name: nl.forms.editor.importSubmit }).click();
    await expect(page.getByText(nl.forms.editor.notices.imported)).toBeVisible();
    await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText(nl.forms.editor.statusDraft);
    await expect(page.getByRole("region", { name: nl.forms.editor.historyHeading, exact: true })).toContainText(format(nl.forms.editor.events.imported, { version: 3 }));
    // The public preview still shows the published version 2.
    await page.goto(`/producten/${SLUG}/formulier`);
    await expect(runForm(page)).toBeVisible();
  } finally {
    await context.close();
  }
});

test("with JavaScript, a visitor meets every kind of validation error, checks the answers and changes one", async ({ page }) => {
  await page.goto(`/producten/${SLUG}/formulier`);
  // Wait until the browser has taken over (hydration), so these checks run with JavaScript.
  await expect(runForm(page)).toHaveAttribute("data-enhanced", "true");
  await expect(runForm(page)).toContainText(format(r.stepOf, { current: 1, total: 4 }));

  // Step 1: everything empty. The browser checks the step itself (react-hook-form with the same
  // schema as the server): nothing is posted while there are errors.
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await next(page);
  await expectErrors(page, [msg(e.required, { label: "Naam" }), msg(e.required, { label: "E-mail" }), msg(e.required, { label: "Telefoon" }), msg(e.required, { label: "BSN" }), msg(e.required, { label: "IBAN" }), msg(e.postcodeRequired, { label: "Adres" })]);
  await expect(summary(runForm(page))).toBeFocused();
  expect(posts).toEqual([]);
  // The summary links to the field.
  await expect(summary(runForm(page)).getByRole("link", { name: msg(e.required, { label: "BSN" }) })).toHaveAttribute("href", "#f-bsn");
  await expect(summary(runForm(page)).getByRole("link", { name: msg(e.postcodeRequired, { label: "Adres" }) })).toHaveAttribute("href", "#f-adres-postcode");

  // Step 1: every value wrong in its own way.
  await fillStepOne(page, { naam: "J", email: "jan@", telefoon: "123", bsn: "123456789", kvk: "1234", iban: "NL92ABNA0417164300", postcode: "12 AB", huisnummer: "twaalf" });
  await next(page);
  await expectErrors(page, [msg(e.minLength, { label: "Naam", min: 2 }), msg(e.email, { label: "E-mail" }), msg(e.phone, { label: "Telefoon" }), e.bsn, e.kvk, e.iban, e.postcode, e.houseNumber]);
  // Nothing typed is lost.
  await expect(runForm(page).getByLabel("BSN", { exact: true })).toHaveValue("123456789");

  expect(posts).toEqual([]);

  await fillStepOne(page, valid);
  await next(page);
  await expect(runForm(page).getByRole("heading", { name: "Keuzes" })).toBeVisible();
  expect(posts.length).toBeGreaterThan(0);
  await expect(runForm(page)).toContainText(format(r.stepOf, { current: 2, total: 4 }));

  // Step 2: empty, then wrong.
  const form = runForm(page);
  await expect(form.getByLabel("Uitleg bij B")).toBeHidden();
  await next(page);
  await expectErrors(page, [msg(e.chooseOne, { label: "Soort" }), msg(e.chooseOne, { label: "Maand" }), msg(e.chooseAtLeastOne, { label: "Opties" }), msg(e.required, { label: "Aantal" }), msg(e.required, { label: "Datum" }), msg(e.required, { label: "Kenteken" })]);
  await form.getByLabel("Soort B").check();
  await expect(form.getByLabel("Uitleg bij B")).toBeVisible();
  await form.getByLabel("Maand").selectOption("feb");
  for (const o of ["Optie X", "Optie Y", "Optie Z"]) await form.getByLabel(o).check();
  await form.getByLabel("Aantal").fill("11");
  await form.getByLabel("Datum").fill("1-1-2020");
  await form.getByLabel("Kenteken").fill("ab123c");
  await next(page);
  await expectErrors(page, [msg(e.required, { label: "Uitleg bij B" }), msg(e.maxSelected, { label: "Opties", max: 2 }), msg(e.max, { label: "Aantal", max: 10 }), msg(e.dateNotInPast, { label: "Datum" }), "Vul het kenteken in zoals AB-123-C."]);
  await form.getByLabel("Aantal").fill("2,5");
  await form.getByLabel("Datum").fill("31-2-2030");
  await next(page);
  await expectErrors(page, [msg(e.integer, { label: "Aantal" }), msg(e.date, { label: "Datum" })]);
  await form.getByLabel("Aantal").fill("abc");
  await next(page);
  await expectErrors(page, [msg(e.number, { label: "Aantal" })]);

  // Back loses nothing.
  await form.getByRole("button", { name: r.back }).click();
  await expect(form.getByLabel("Naam", { exact: true })).toHaveValue("Jan Jansen");
  await next(page);
  await expect(form.getByLabel("Kenteken")).toHaveValue("ab123c");
  await expect(form.getByLabel("Soort B")).toBeChecked();

  await form.getByLabel("Uitleg bij B").fill("Omdat het kan");
  await form.getByLabel("Optie Z").uncheck();
  await form.getByLabel("Aantal").fill("3");
  await form.getByLabel("Datum").fill("1-1-2099");
  await form.getByLabel("Kenteken").fill("AB-123-C");
  await next(page);

  // Step 3: text too long, and every kind of file problem.
  await expect(form.getByRole("heading", { name: "Slot" })).toBeVisible();
  await next(page);
  await expectErrors(page, [msg(e.fileRequired, { label: "Bijlagen" })]);
  await form.getByLabel(/^Toelichting/).fill("x".repeat(51));
  await form.getByLabel("Bijlagen").setInputFiles({ name: "virus.exe", mimeType: "application/octet-stream", buffer: Buffer.from("MZ") });
  await next(page);
  await expectErrors(page, [msg(e.maxLength, { label: "Toelichting", max: 50, count: 51 }), msg(e.fileType, { name: "virus.exe", types: "pdf" })]);
  await form.getByLabel(/^Toelichting/).fill("Alles goed");
  await form.getByLabel("Bijlagen").setInputFiles({ name: "groot.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(1536 * 1024, 1) });
  await next(page);
  await expectErrors(page, [msg(e.fileTooLarge, { name: "groot.pdf", size: "1,5 MB", max: 1 })]);
  const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 test") });
  await form.getByLabel("Bijlagen").setInputFiles([pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")]);
  await next(page);
  await expectErrors(page, [msg(e.fileTooMany, { label: "Bijlagen", max: 2, count: 3 })]);
  await form.getByLabel("Bijlagen").setInputFiles([pdf("brief.pdf")]);
  await next(page);

  // Check your answers, and change one.
  await expect(form.getByRole("heading", { name: r.checkTitle })).toBeVisible();
  await expect(form).toContainText("Jan Jansen");
  await expect(form).toContainText("1234 AB 12");
  await expect(form).toContainText("Optie X");
  await expect(form).toContainText("brief.pdf");
  await form.getByRole("button", { name: "Wijzig Naam" }).click();
  await expect(form.getByLabel("Naam", { exact: true })).toHaveValue("Jan Jansen");
  await form.getByLabel("Naam", { exact: true }).fill("Piet Pieters");
  await form.getByRole("button", { name: r.saveAndCheck }).click();
  await expect(form.getByRole("heading", { name: r.checkTitle })).toBeVisible();
  await expect(form).toContainText("Piet Pieters");
  await form.getByRole("button", { name: r.submit }).click();
  await expect(form).toContainText(r.sentTitle);
});

test("without JavaScript, the server checks each step, keeps every value and shows the same errors", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`/producten/${SLUG}/formulier`);
    const form = runForm(page);
    await next(page);
    await expectErrors(page, [msg(e.required, { label: "Naam" }), msg(e.required, { label: "E-mail" }), msg(e.postcodeRequired, { label: "Adres" })]);
    await fillStepOne(page, { ...valid, bsn: "123456789", postcode: "0123 AB", iban: "NL91 ABNA 0417 1643 01" });
    await next(page);
    await expectErrors(page, [e.bsn, e.postcode, e.iban]);
    await expect(form.getByLabel("Naam", { exact: true })).toHaveValue("Jan Jansen");
    await expect(form.getByLabel(r.postcode, { exact: true })).toHaveValue("0123 AB");
    await fillStepOne(page, valid);
    await next(page);

    // Without JavaScript a field that depends on a choice on the same page is shown, with a hint saying when it is needed.
    await expect(form.getByLabel("Uitleg bij B")).toBeVisible();
    await expect(form).toContainText(format(r.shownWhen, { label: "Soort", value: "Soort B" }));
    await form.getByLabel("Soort A").check();
    await form.getByLabel("Maand").selectOption("jan");
    await form.getByLabel("Optie Y").check();
    await form.getByLabel("Aantal").fill("0");
    await form.getByLabel("Datum").fill("2-2-2099");
    await form.getByLabel("Kenteken").fill("XX");
    await next(page);
    // "Uitleg bij B" is hidden by the choice, so not checked.
    await expectErrors(page, [msg(e.min, { label: "Aantal", min: 1 }), "Vul het kenteken in zoals AB-123-C."]);
    await expect(summary(form)).not.toContainText("Uitleg bij B");
    await expect(form.getByLabel("Optie Y")).toBeChecked();
    await form.getByLabel("Aantal").fill("4");
    await form.getByLabel("Kenteken").fill("XY-987-Z");
    await next(page);

    await form.getByLabel("Bijlagen").setInputFiles({ name: "foto.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
    await next(page);
    await expectErrors(page, [msg(e.fileType, { name: "foto.gif", types: "pdf" })]);
    await form.getByLabel("Bijlagen").setInputFiles({ name: "brief.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 test") });
    await next(page);

    await expect(form.getByRole("heading", { name: r.checkTitle })).toBeVisible();
    await expect(form).toContainText("brief.pdf");
    await expect(form).not.toContainText("Uitleg bij B");
    await form.getByRole("button", { name: "Wijzig Aantal" }).click();
    await expect(form.getByLabel("Aantal")).toHaveValue("4");
    await form.getByLabel("Aantal").fill("5");
    await form.getByRole("button", { name: r.saveAndCheck }).click();
    await expect(form.getByRole("heading", { name: r.checkTitle })).toBeVisible();
    await expect(form.locator("dd", { hasText: /^5$/ })).toBeVisible();
    // The file chosen before is kept when the step is posted again without a new one.
    await expect(form).toContainText("brief.pdf");
    await form.getByRole("button", { name: r.submit }).click();
    await expect(form).toContainText(r.sentTitle);
  } finally {
    await context.close();
  }
});
