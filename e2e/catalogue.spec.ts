import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect as baseExpect, test } from "./fixtures";
import { DEMO_STAFF, loginStaff } from "./support/access-sessions";
import { format, nl } from "./support/portal";

// Form posts and logins wait for the embedded database on a busy machine.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

const a = nl.catalogue.admin;
const c = nl.channels.admin;
const r = nl.channels.register;

/** The designation form as an admin fills it in. */
async function fillDesignation(page: Page, values: { from: string; to: string; title: string }) {
  const form = page.locator("form", { has: page.locator("#besluit-titel") });
  await form.getByLabel(c.messageType).selectOption({ label: nl.catalogue.messageTypes.aanvraag! });
  await form.getByLabel(c.channel).selectOption({ label: `Webformulier in MijnOmgeving (${nl.channels.kinds["portal-form"]})` });
  await form.getByLabel(c.validFrom).fill(values.from);
  await form.getByLabel(c.validTo).fill(values.to);
  await form.getByLabel(c.decisionTitle).fill(values.title);
  await form.getByLabel(c.decisionDate).fill("2025-12-16");
  await form.getByLabel(c.decisionUrl).fill("https://www.voorbeeldstad.example/besluit-e2e");
  await form.getByLabel(c.level).selectOption({ label: "DigiD Midden" });
  await form.getByLabel(c.maxMb).fill("15");
  await form.getByLabel(c.fileTypes).fill("pdf, JPG");
  await form.getByRole("button", { name: c.designate }).click();
  return form;
}

test("an admin adds a product, designates a channel and publishes its form; a visitor finds it in the register, the JSON and the product page, and previews the form", async ({ page, browser, request }) => {
  const id = randomBytes(3).toString("hex");
  const name = `Dakkapel melden ${id}`;
  const slug = `dakkapel-melden-${id}`;
  const decision = `Aanwijzingsbesluit dakkapellen ${id}`;

  // --- The admin adds the product.
  await loginStaff(page, DEMO_STAFF.beheerder);
  await page.goto("/beheer/producten");
  await page.getByRole("link", { name: a.add }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(a.newTitle);
  await page.getByLabel(a.slug).fill(slug);
  await page.getByLabel(a.nameNl).fill(name);
  await page.getByLabel(a.nameEn).fill(`Report a dormer ${id}`);
  await page.getByLabel(a.summaryNl).fill("Bouwt u een dakkapel? Vraag een vergunning aan.");
  await page.getByLabel(a.summaryEn).fill("Building a dormer? Apply for a permit.");
  await page.getByLabel(a.descriptionNl).fill("Wilt u een dakkapel bouwen aan de voorkant van uw huis? Dan heeft u een vergunning nodig.");
  await page.getByLabel(a.termAmount).fill("8");
  await page.getByLabel(a.termUnit).selectOption("weeks");
  // Official without taking the type: refused, and what was typed stays.
  await page.getByRole("checkbox", { name: format(a.officialType, { type: "Aanvraag" }), exact: true }).check();
  await page.getByRole("button", { name: a.create }).click();
  const summary = page.locator("#foutmeldingen");
  await expect(summary).toContainText(nl.catalogue.errors.noMessageType);
  await expect(summary).toContainText(nl.catalogue.errors.officialWithoutType);
  await expect(page.getByLabel(a.nameNl)).toHaveValue(name);
  await expect(page.getByLabel(a.termAmount)).toHaveValue("8");
  await page.getByRole("checkbox", { name: "Aanvraag", exact: true }).check();
  await page.getByRole("button", { name: a.create }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(format(a.editTitle, { name }));
  await expect(page.getByRole("main")).toContainText(a.notices.created!);

  // --- Designating a channel: first two refusals that keep the input.
  await page.getByRole("link", { name: a.designationsLink }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(format(c.designationsTitle, { name }));
  let form = await fillDesignation(page, { from: "2026-01-01", to: "2025-12-31", title: decision });
  await expect(form.locator("#foutmeldingen-aanwijzing")).toContainText(nl.channels.errors.endsBeforeStart);
  await expect(form.getByLabel(c.decisionTitle)).toHaveValue(decision);
  await expect(form.getByLabel(c.validFrom)).toHaveValue("2026-01-01");
  await expect(form.getByLabel(c.fileTypes)).toHaveValue("pdf, JPG");

  form = await fillDesignation(page, { from: "2026-01-01", to: "", title: decision });
  await expect(page.getByRole("main")).toContainText(c.notices.aangewezen!);
  await expect(page.getByRole("table", { name: format(c.designationsCaption, { type: "Aanvraag" }) })).toContainText(decision);

  form = await fillDesignation(page, { from: "2026-06-01", to: "2026-12-31", title: `${decision} (dubbel)` });
  const overlap = form.locator("#foutmeldingen-aanwijzing");
  await expect(overlap).toContainText("Er is al een aanwijzing voor dit kanaal en berichttype vanaf 1 januari 2026");
  await expect(overlap).toContainText(decision);
  await expect(form.getByLabel(c.decisionTitle)).toHaveValue(`${decision} (dubbel)`);
  await expect(form.getByLabel(c.validTo)).toHaveValue("2026-12-31");

  // --- The product gets its web form: written in the form editor and published.
  const designationsUrl = page.url();
  const productId = new URL(designationsUrl).pathname.split("/").pop()!;
  await page.goto(`/beheer/producten/${productId}`);
  await page.getByRole("link", { name: a.formEditorLink }).click();
  const formTitle = `Dakkapel melden ${id}`;
  const definition = {
    formatVersion: 1,
    title: { nl: formTitle, en: `Report a dormer ${id}` },
    steps: [
      {
        id: "toelichting",
        title: { nl: "Uw toelichting", en: "Your explanation" },
        fields: [
          { id: "omschrijving", kind: "longText", label: { nl: "Beschrijf de dakkapel", en: "Describe the dormer" } },
          { id: "tekening", kind: "file", label: { nl: "Bouwtekening", en: "Drawing" }, optional: true, maxCount: 2, maxSizeMb: 10, allowedTypes: ["pdf"] },
        ],
      },
    ],
  };
  await page.getByRole("textbox", { name: nl.forms.editor.definitionLabel, exact: true }).fill(JSON.stringify(definition, null, 2));
  await page.getByRole("button", { name: nl.forms.editor.saveDraft }).click();
  await expect(page.getByText(nl.forms.editor.notices.saved)).toBeVisible();
  await page.getByRole("button", { name: format(nl.forms.editor.publish, { version: 1 }) }).click();
  await expect(page.getByText(nl.forms.editor.notices.published)).toBeVisible();
  await page.goto(designationsUrl);

  // --- A visitor (not logged in) finds it in the register: search and filter by message type.
  const visitor = await browser.newContext();
  try {
    const v = await visitor.newPage();
    await v.goto("/");
    await v.getByRole("navigation", { name: nl.frame.mainNav }).getByRole("link", { name: nl.frame.navChannels }).click();
    await expect(v.getByRole("heading", { level: 1 })).toHaveText(r.title);
    await v.getByLabel(r.searchLabel).fill(`dakkapel ${id}`);
    await v.getByLabel(r.typeLabel).selectOption("aanvraag");
    await v.getByRole("button", { name: r.submit }).click();
    await expect(v).toHaveURL(new RegExp(`zoek=dakkapel\\+${id}&berichttype=aanvraag`));
    await expect(v.getByRole("main").getByRole("status")).toHaveText(r.countOne);
    const entry = v.getByRole("region", { name });
    await expect(entry).toContainText("Webformulier in MijnOmgeving");
    await expect(entry).toContainText(format(r.loginLevel, { level: "DigiD Midden" }));
    await expect(entry).toContainText(format(r.maxSize, { size: 15 }));
    await expect(entry).toContainText(format(r.fileTypes, { types: "pdf, jpg" }));
    await expect(entry.getByRole("link", { name: new RegExp(decision) })).toHaveAttribute("href", "https://www.voorbeeldstad.example/besluit-e2e");
    // Another message type: not found.
    await v.getByLabel(r.typeLabel).selectOption("bezwaar");
    await v.getByRole("button", { name: r.submit }).click();
    await expect(v.getByRole("main").getByRole("status")).toHaveText(r.none);

    // The product page: who, login, channels in force, term, and the form.
    await v.goto(`/producten/${slug}`);
    await expect(v.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(v.getByRole("main")).toContainText(format(nl.catalogue.page.term, { amount: 8, unit: "weken" }));
    await expect(v.getByRole("region", { name: nl.catalogue.page.typesHeading })).toContainText(decision);
    await expect(v.getByRole("link", { name: nl.catalogue.page.formLink })).toHaveAttribute("href", `/producten/${slug}/formulier`);
    // ...and previews the form the admin published, meeting its check.
    await v.getByRole("link", { name: nl.catalogue.page.formLink }).click();
    const preview = v.getByRole("form", { name: formTitle });
    await expect(preview.getByRole("heading", { name: "Uw toelichting" })).toBeVisible();
    await preview.getByRole("button", { name: nl.forms.runner.toCheck }).click();
    await expect(preview.locator("#foutmeldingen")).toContainText(format(nl.forms.errors.required, { label: "Beschrijf de dakkapel" }));

    // The home page finds it too.
    await v.goto("/");
    await v.getByLabel(nl.catalogue.home.searchLabel).fill(`dakkapel ${id}`);
    await v.getByRole("button", { name: nl.catalogue.home.searchSubmit }).click();
    await expect(v.getByRole("link", { name })).toHaveAttribute("href", `/producten/${slug}`);
  } finally {
    await visitor.close();
  }

  // --- The JSON register, today and on another day; a bad date is a 400 with a JSON error.
  const today = await (await request.get("/api/kanalen")).json();
  expect(today.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const product = today.products.find((p: { slug: string }) => p.slug === slug);
  expect(product).toMatchObject({
    name: { nl: name },
    url: `/producten/${slug}`,
    messageTypes: [
      {
        type: "aanvraag",
        official: true,
        channels: [{ kind: "portal-form", validFrom: "2026-01-01", validTo: null, conditions: { loginLevel: "midden", loginLevelLabel: "DigiD Midden", maxFileSizeMb: 15, allowedFileTypes: ["pdf", "jpg"] }, decision: { title: decision, date: "2025-12-16" } }],
      },
    ],
  });
  const before = await (await request.get("/api/kanalen?datum=2025-12-31")).json();
  expect(before.date).toBe("2025-12-31");
  expect(before.products.find((p: { slug: string }) => p.slug === slug)).toBeUndefined();
  const bad = await request.get("/api/kanalen?datum=2026-02-30");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: "invalid-date" });

  // --- Ending the designation: not before it starts; then it ends and stays in the history.
  await page.reload();
  const end = page.getByRole("form", { name: `${c.end}: Webformulier in MijnOmgeving, Aanvraag` });
  await end.getByLabel(c.lastDay).fill("2025-06-01");
  await end.getByRole("button", { name: c.end }).click();
  await expect(page.getByRole("form", { name: `${c.end}: Webformulier in MijnOmgeving, Aanvraag` })).toContainText(nl.channels.errors.endBeforeStart);
  await expect(page.getByRole("form", { name: `${c.end}: Webformulier in MijnOmgeving, Aanvraag` }).getByLabel(c.lastDay)).toHaveValue("2025-06-01");
  await page.getByRole("form", { name: `${c.end}: Webformulier in MijnOmgeving, Aanvraag` }).getByLabel(c.lastDay).fill("2026-03-31");
  await page.getByRole("form", { name: `${c.end}: Webformulier in MijnOmgeving, Aanvraag` }).getByRole("button", { name: c.end }).click();
  await expect(page.getByRole("main")).toContainText(c.notices.beeindigd!);
  await expect(page.getByRole("main")).toContainText(format(c.period, { from: "1 januari 2026", to: "31 maart 2026" }));
  const ended = await (await request.get("/api/kanalen")).json();
  expect(ended.products.find((p: { slug: string }) => p.slug === slug)).toBeUndefined();
  const march = await (await request.get("/api/kanalen?datum=2026-03-31")).json();
  expect(march.products.find((p: { slug: string }) => p.slug === slug)).toBeDefined();

  // --- The product's history says who added it.
  await page.goto("/beheer/producten");
  await page.getByLabel(a.searchLabel).fill(id);
  await page.getByRole("button", { name: a.searchSubmit }).click();
  await page.getByRole("link", { name }).click();
  await page.getByRole("link", { name: a.historyLink }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(format(a.historyTitle, { name }));
  const history = page.getByRole("table", { name: a.historyCaption });
  await expect(history).toContainText(a.kinds.created!);
  await expect(history).toContainText("Bea Beheerder");
});

test("the public register works without JavaScript: search and filter by message type", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const response = await page.goto("/kanalen");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(r.title);
    // The demo catalogue: a melding openbare ruimte is not an official message (Awb 2:14).
    await expect(page.getByRole("region", { name: "Melding openbare ruimte", exact: true })).toContainText(nl.catalogue.notOfficial);
    await page.getByLabel(r.searchLabel).fill("bezwaar");
    await page.getByLabel(r.typeLabel).selectOption("bezwaar");
    await page.getByRole("button", { name: r.submit }).click();
    await expect(page).toHaveURL(/\/kanalen\?zoek=bezwaar&berichttype=bezwaar$/);
    expect(await page.evaluate(() => "__next_f" in self)).toBe(false);
    const bezwaar = page.getByRole("region", { name: "Bezwaar maken tegen een besluit", exact: true });
    await expect(bezwaar).toContainText("bezwaar@voorbeeldstad.example");
    await expect(bezwaar).toContainText("Besluit elektronisch verkeer gemeente Voorbeeldstad 2026");
    await expect(page.getByLabel(r.searchLabel)).toHaveValue("bezwaar");
    await expect(page.getByLabel(r.typeLabel)).toHaveValue("bezwaar");
    await page.getByRole("link", { name: format(r.productLink, { name: "Bezwaar maken tegen een besluit" }) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bezwaar maken tegen een besluit");
  } finally {
    await context.close();
  }
});

test("the Wmebv checklist counts the gaps of the demo catalogue", async ({ page }) => {
  await loginStaff(page, DEMO_STAFF.beheerder);
  await page.goto("/beheer/wmebv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(nl.wmebv.title);
  // Verhuizing doorgeven records no decision term in the demo catalogue.
  const verhuizing = page.getByRole("region", { name: /^Verhuizing doorgeven/ });
  await expect(verhuizing).toContainText(nl.wmebv.gapKinds["no-decision-term"]!);
  // Every demo form ends with free text and attachments (publishing refuses one that does not).
  await expect(page.locator('[data-gap="form-without-free-text"]')).toHaveText(format(nl.wmebv.gapCount, { count: 0 }));
  await expect(page.getByRole("region", { name: /^Bezwaar maken tegen een besluit/ })).toContainText(nl.wmebv.allGood);
});
