import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "@/db";
import { demoCatalogue, seedDemoCatalogue } from "@/db/seed/catalogue";
import { messageTypesFrom, productInput, productValues } from "@/lib/catalogue/schemas";
import { createProduct, setProductActive, updateProduct } from "@/lib/catalogue/service";
import { designationRowsInForce, filterRegister, groupRegister } from "@/lib/channels/register";
import { designationInput } from "@/lib/channels/schemas";
import { createChannel, createDesignation, endDesignation } from "@/lib/channels/service";
import { testDatabases, useTestDatabase } from "../support/database";

const { products, productChanges, productMessageTypes, staffUsers, channelDesignations } = schema;
let counter = 0;

/** The product form as an admin fills it in, with overrides. */
function form(overrides: Record<string, string | undefined> = {}) {
  const raw: Record<string, string | undefined> = {
    "naam-nl": "Hondenbelasting stopzetten",
    "naam-en": "Stop dog tax",
    "samenvatting-nl": "Heeft u geen hond meer? Geef het door.",
    "samenvatting-en": "No dog any more? Let us know.",
    "omschrijving-nl": "U heeft geen hond meer. Geef dat door, dan stopt de belasting.",
    onderwerp: "geld-en-werk",
    doelgroep: "residents",
    "niveau-inwoners": "basis",
    "niveau-bedrijven": "geen",
    "termijn-aantal": "8",
    "termijn-eenheid": "weeks",
    "termijn-soort": "default",
    atw: "ja",
    ontvangst: "portal-and-email",
    kopie: "ja",
    "type-aanvraag": "ja",
    "officieel-aanvraag": "ja",
    ...overrides,
  };
  return productInput.parse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
}

function designation(productId: string, channelId: string, overrides: Record<string, string> = {}) {
  return designationInput.parse({
    product: productId,
    berichttype: "aanvraag",
    kanaal: channelId,
    "geldig-vanaf": "2026-01-01",
    "besluit-titel": "Besluit elektronisch verkeer 2026",
    "besluit-datum": "2025-12-16",
    "besluit-link": "https://www.voorbeeldstad.example/besluit",
    niveau: "basis",
    "max-mb": "10",
    bestandstypen: "pdf, JPG",
    ...overrides,
  });
}

describe.each(testDatabases())("catalogue and designations on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function admin() {
    const [row] = await database.db
      .insert(staffUsers)
      .values({ email: `beheer${++counter}@voorbeeldstad.example`, displayName: `Beheerder ${counter}`, roles: ["beheerder"] })
      .returning();
    return row!;
  }
  async function product(slug = `product-${++counter}`) {
    const input = form();
    const created = await createProduct(database.db, { actorId: null, slug, values: productValues(input), types: messageTypesFrom(input) });
    if (created === "slug-taken") throw new Error("slug taken");
    return created.id;
  }
  async function channel() {
    const created = await createChannel(database.db, { code: `kanaal-${++counter}`, soort: "email", "naam-nl": `Kanaal ${counter}`, "naam-en": `Channel ${counter}`, adres: `k${counter}@voorbeeldstad.example`, "toelichting-nl": null, "toelichting-en": null });
    if (created === "code-taken") throw new Error("code taken");
    return created.id;
  }

  it("keeps every product change with who made it, when, and only what changed", async () => {
    const who = await admin();
    const input = form();
    const created = await createProduct(database.db, { actorId: who.id, slug: "hondenbelasting-stoppen", values: productValues(input), types: messageTypesFrom(input) });
    expect(created).toMatchObject({ id: expect.any(String) });
    const id = (created as { id: string }).id;
    expect(await createProduct(database.db, { actorId: who.id, slug: "hondenbelasting-stoppen", values: productValues(input), types: [] })).toBe("slug-taken");

    const changed = form({ "naam-nl": "Hondenbelasting beëindigen", "type-bezwaar": "ja", "officieel-bezwaar": "ja", "termijn-aantal": "", atw: undefined });
    expect(await updateProduct(database.db, { actorId: who.id, productId: id, values: productValues(changed), types: messageTypesFrom(changed) })).toEqual({ changed: true });
    // The same again: nothing changed, nothing written.
    expect(await updateProduct(database.db, { actorId: who.id, productId: id, values: productValues(changed), types: messageTypesFrom(changed) })).toEqual({ changed: false });
    expect(await setProductActive(database.db, { actorId: who.id, productId: id, active: false })).toEqual({ changed: true });
    expect(await setProductActive(database.db, { actorId: who.id, productId: id, active: false })).toEqual({ changed: false });

    const history = await database.db.select().from(productChanges).where(eq(productChanges.productId, id)).orderBy(productChanges.changedAt, productChanges.kind);
    expect(history.map((h) => h.kind).sort()).toEqual(["created", "deactivated", "updated"]);
    for (const h of history) expect(h.staffUserId).toBe(who.id);
    const update = history.find((h) => h.kind === "updated")!;
    expect(update.before).toEqual({ nameNl: "Hondenbelasting stopzetten", messageTypes: ["aanvraag (2:13)"], decisionTermAmount: 8, decisionTermUnit: "weeks", decisionTermKind: "default", atwApplies: true });
    expect(update.after).toEqual({ nameNl: "Hondenbelasting beëindigen", messageTypes: ["aanvraag (2:13)", "bezwaar (2:13)"], decisionTermAmount: null, decisionTermUnit: null, decisionTermKind: null, atwApplies: false });
    expect(history.find((h) => h.kind === "created")!.after).toMatchObject({ slug: "hondenbelasting-stoppen", residentLevel: "basis", businessLevel: null });

    const [row] = await database.db.select().from(products).where(eq(products.id, id));
    expect(row).toMatchObject({ active: false, nameNl: "Hondenbelasting beëindigen", decisionTermAmount: null });
  });

  it("refuses to take off a message type that has a designation in force, and allows it once ended", async () => {
    const productId = await product();
    const channelId = await channel();
    expect(await createDesignation(database.db, { actorId: null, designation: designation(productId, channelId) })).toMatchObject({ id: expect.any(String) });
    const withoutAanvraag = form({ "type-aanvraag": undefined, "officieel-aanvraag": undefined, "type-klacht": "ja" });
    expect(await updateProduct(database.db, { actorId: null, productId, values: productValues(withoutAanvraag), types: messageTypesFrom(withoutAanvraag), today: "2026-06-01" })).toEqual({ kind: "type-in-use", messageType: "aanvraag" });
    const [d] = await database.db.select().from(channelDesignations).where(eq(channelDesignations.productId, productId));
    expect(await endDesignation(database.db, { actorId: null, id: d!.id, productId, lastDay: "2026-03-31" })).toBeNull();
    expect(await updateProduct(database.db, { actorId: null, productId, values: productValues(withoutAanvraag), types: messageTypesFrom(withoutAanvraag), today: "2026-06-01" })).toEqual({ changed: true });
    expect((await database.db.select().from(productMessageTypes).where(eq(productMessageTypes.productId, productId))).map((t) => t.messageType)).toEqual(["klacht"]);
  });

  it("refuses a designation that ends before it starts or overlaps, and ends one without deleting it", async () => {
    const productId = await product();
    const [channelA, channelB] = [await channel(), await channel()];
    const first = await createDesignation(database.db, { actorId: null, designation: designation(productId, channelA, { "geldig-tot": "2026-06-30" }) });
    expect(first).toMatchObject({ id: expect.any(String) });
    // designationInput refuses the reversed period itself; the service refuses it too.
    const reversed = { ...designation(productId, channelA), "geldig-vanaf": "2026-08-01", "geldig-tot": "2026-07-01" };
    expect(await createDesignation(database.db, { actorId: null, designation: reversed })).toEqual({ kind: "ends-before-start" });
    expect(await createDesignation(database.db, { actorId: null, designation: designation(productId, channelA, { "geldig-vanaf": "2026-06-30" }) })).toMatchObject({ kind: "overlap", with: { validFrom: "2026-01-01", validTo: "2026-06-30" } });
    expect(await createDesignation(database.db, { actorId: null, designation: designation(productId, channelA, { "geldig-vanaf": "2026-07-01" }) })).toMatchObject({ id: expect.any(String) });
    expect(await createDesignation(database.db, { actorId: null, designation: designation(productId, channelB, { "geldig-vanaf": "2026-03-01" }) })).toMatchObject({ id: expect.any(String) });
    expect(await createDesignation(database.db, { actorId: null, designation: designation(productId, channelB, { berichttype: "klacht" }) })).toEqual({ kind: "type-not-taken" });

    const id = (first as { id: string }).id;
    expect(await endDesignation(database.db, { actorId: null, id, productId, lastDay: "2025-12-31" })).toBe("ends-before-start");
    expect(await endDesignation(database.db, { actorId: null, id, productId, lastDay: "2026-07-15" })).toBe("already-ended");
    expect(await endDesignation(database.db, { actorId: null, id, productId: await product(), lastDay: "2026-03-31" })).toBe("not-found");
    expect(await endDesignation(database.db, { actorId: null, id, productId, lastDay: "2026-03-31" })).toBeNull();
    const rows = await database.db.select().from(channelDesignations).where(eq(channelDesignations.productId, productId));
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.id === id)).toMatchObject({ validTo: "2026-03-31", endedAt: expect.any(Date), allowedFileTypes: ["pdf", "jpg"], conditionLevel: "basis", maxFileSizeMb: 10 });
  });

  it("finds the designations in force on a date, of active products, grouped per product and type", async () => {
    const productId = await product(`register-${++counter}`);
    const inactiveId = await product(`register-uit-${++counter}`);
    const [channelA, channelB] = [await channel(), await channel()];
    await createDesignation(database.db, { actorId: null, designation: designation(productId, channelA, { "geldig-tot": "2026-03-31" }) });
    await createDesignation(database.db, { actorId: null, designation: designation(productId, channelA, { "geldig-vanaf": "2026-04-01" }) });
    await createDesignation(database.db, { actorId: null, designation: designation(productId, channelB, { "geldig-vanaf": "2026-02-01", "geldig-tot": "2026-02-28" }) });
    await createDesignation(database.db, { actorId: null, designation: designation(inactiveId, channelA) });
    await setProductActive(database.db, { actorId: null, productId: inactiveId, active: false });

    const on = async (date: string) => (await designationRowsInForce(database.db, date)).filter((r) => r.productId === productId || r.productId === inactiveId);
    expect(await on("2025-12-31")).toEqual([]);
    expect((await on("2026-01-01")).map((r) => [r.validFrom, r.validTo])).toEqual([["2026-01-01", "2026-03-31"]]);
    expect((await on("2026-02-15")).map((r) => r.validFrom).sort()).toEqual(["2026-01-01", "2026-02-01"]);
    expect((await on("2026-03-31")).map((r) => r.validTo)).toEqual(["2026-03-31"]);
    expect((await on("2026-04-01")).map((r) => [r.validFrom, r.validTo])).toEqual([["2026-04-01", null]]);
    expect((await on("2099-01-01")).map((r) => r.validFrom)).toEqual(["2026-04-01"]);

    const register = groupRegister("2026-02-15", await on("2026-02-15"));
    expect(register.products).toHaveLength(1);
    expect(register.products[0]).toMatchObject({ slug: expect.stringMatching(/^register-/), messageTypes: [{ type: "aanvraag", official: true }] });
    expect(register.products[0]!.messageTypes[0]!.channels).toHaveLength(2);
    expect(register.products[0]!.messageTypes[0]!.channels[0]).toMatchObject({ conditions: { loginLevel: "basis", maxFileSizeMb: 10, allowedFileTypes: ["pdf", "jpg"] }, decision: { title: "Besluit elektronisch verkeer 2026", date: "2025-12-16" } });
    expect(filterRegister(register, { query: "HONDENBELASTING stop" })).toHaveLength(1);
    expect(filterRegister(register, { query: "paspoort" })).toHaveLength(0);
    expect(filterRegister(register, { messageType: "bezwaar" })).toHaveLength(0);
  });

  it("the demo catalogue fills in a database seeded with only the first eight products, and never undoes an admin's edit", async () => {
    const { db } = database;
    // The database as the foundation seeded it: eight products without details.
    const firstEight = demoCatalogue.slice(0, 8).map(({ slug, topic, sortOrder, nameNl, nameEn, summaryNl, summaryEn }) => ({ slug, topic, sortOrder, nameNl, nameEn, summaryNl, summaryEn }));
    expect(firstEight.map((p) => p.slug)).toContain("bezwaar-maken");
    await db.insert(products).values(firstEight);
    const who = await admin();
    const [klacht] = await db.select().from(products).where(eq(products.slug, "klacht-indienen"));
    await db.insert(productChanges).values({ productId: klacht!.id, staffUserId: who.id, kind: "updated", before: {}, after: {} });

    expect(await seedDemoCatalogue(db)).toEqual({ productsAdded: demoCatalogue.length - 8 });
    const [bezwaar] = await db.select().from(products).where(eq(products.slug, "bezwaar-maken"));
    expect(bezwaar).toMatchObject({ descriptionNl: expect.stringContaining("6 weken"), decisionTermAmount: 6, residentLevel: "basis" });
    expect(await db.select().from(productMessageTypes).where(eq(productMessageTypes.productId, bezwaar!.id))).toMatchObject([{ messageType: "bezwaar", official: true }]);
    const melding = (await db.select().from(products).where(eq(products.slug, "melding-openbare-ruimte")))[0]!;
    expect(await db.select().from(productMessageTypes).where(eq(productMessageTypes.productId, melding.id))).toMatchObject([{ messageType: "melding", official: false }]);
    // The product an admin changed keeps what the admin left.
    const [klachtAfter] = await db.select().from(products).where(eq(products.id, klacht!.id));
    expect(klachtAfter!.descriptionNl).toBeNull();

    const designations = await db.select().from(channelDesignations);
    expect(designations.length).toBeGreaterThan(20);
    expect(await seedDemoCatalogue(db)).toEqual({ productsAdded: 0 });
    expect(await db.select().from(channelDesignations)).toHaveLength(designations.length);
  });

  it("the Wmebv checklist reads each product's published form: free text and attachments, or no form in the portal", async () => {
    const { seedDemoForms } = await import("@/db/seed/forms");
    const { wmebvChecklist } = await import("@/lib/catalogue/queries");
    await seedDemoCatalogue(database.db);
    await seedDemoForms(database.db);
    const rows = await wmebvChecklist({ kind: "system", name: "test" });
    const bySlug = new Map(rows.map((r) => [r.product.slug, r]));
    expect(bySlug.get("bezwaar-maken")?.formCheck).toBe("yes");
    const [withoutForm] = await database.db.insert(schema.products).values({ slug: "zonder-formulier", nameNl: "Zonder formulier", nameEn: "Without form", summaryNl: "-", summaryEn: "-", topic: "overig" }).returning();
    const again = await wmebvChecklist({ kind: "system", name: "test" });
    expect(again.find((r) => r.product.id === withoutForm!.id)?.formCheck).toBe("none");
    expect(again.find((r) => r.product.id === withoutForm!.id)?.gaps.map((g) => g.kind)).not.toContain("form-without-free-text");
  });
});
