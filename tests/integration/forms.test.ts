import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "@/db";
import { demoForms } from "@/db/seed/forms";
import type { FormDefinition } from "@/lib/catalogue/forms/definition";
import { getPublishedForm, getVersionForRun } from "@/lib/catalogue/forms/queries";
import { currentVersion, publishVersion, saveDraft, seedForms } from "@/lib/catalogue/forms/service";
import { testDatabases, useTestDatabase } from "../support/database";

const { products, staffUsers, formVersions, formChanges } = schema;
let counter = 0;

const definition = (title: string) => structuredClone({ ...(demoForms["klacht-indienen"] as FormDefinition), title: { nl: title, en: title } });

describe.each(testDatabases())("form versions on %s", (kind) => {
  const database = useTestDatabase(kind);

  // Products are the catalogue's; a minimal row is enough here.
  async function product(slug = `formtest-${++counter}`) {
    const [row] = await database.db.insert(products).values({ slug, nameNl: `Product ${counter}`, nameEn: `Product ${counter}`, summaryNl: "x", summaryEn: "x", topic: "overig" }).returning();
    return row!;
  }
  async function admin() {
    const [row] = await database.db.insert(staffUsers).values({ email: `formadmin${++counter}@voorbeeldstad.example`, displayName: `Admin ${counter}`, roles: ["beheerder"] }).returning();
    return row!;
  }

  it("a draft is saved, changed in place, and published; a published version never changes, editing makes a new draft", async () => {
    const p = await product();
    const a = await admin();
    const first = await saveDraft(database.db, { productId: p.id, definition: definition("Eerste"), staffUserId: a.id });
    expect(first).toMatchObject({ status: "ok", version: 1, created: true });
    if (first.status !== "ok") return;
    // Saving again changes the same draft.
    expect(await saveDraft(database.db, { productId: p.id, definition: definition("Eerste, verbeterd"), staffUserId: a.id })).toMatchObject({ status: "ok", versionId: first.versionId, version: 1, created: false });
    expect(await currentVersion(database.db, p.id)).toBeNull();
    expect(await getVersionForRun(null, first.versionId)).toBeNull(); // a draft is not for the public

    expect(await publishVersion(database.db, { productId: p.id, versionId: first.versionId, staffUserId: a.id })).toEqual({ status: "ok", version: 1 });
    expect(await publishVersion(database.db, { productId: p.id, versionId: first.versionId, staffUserId: a.id })).toEqual({ status: "not-draft" });
    const current = await currentVersion(database.db, p.id);
    expect(current).toMatchObject({ id: first.versionId, version: 1, definition: { title: { nl: "Eerste, verbeterd" } } });
    expect((await getVersionForRun(null, first.versionId))?.status).toBe("published");

    // Editing the published form makes version 2 as a draft; version 1 stays as it was.
    const second = await saveDraft(database.db, { productId: p.id, definition: definition("Tweede"), staffUserId: a.id });
    expect(second).toMatchObject({ status: "ok", version: 2, created: true });
    expect((await currentVersion(database.db, p.id))?.version).toBe(1);
    // The same definition as the published one is not a change.
    const again = await saveDraft(database.db, { productId: p.id, definition: definition("Tweede"), staffUserId: a.id });
    expect(again).toMatchObject({ status: "ok", version: 2, created: false });
    if (second.status !== "ok") return;
    await publishVersion(database.db, { productId: p.id, versionId: second.versionId, staffUserId: a.id });
    expect((await currentVersion(database.db, p.id))?.version).toBe(2);
    const [v1] = await database.db.select().from(formVersions).where(eq(formVersions.id, first.versionId));
    expect(v1).toMatchObject({ status: "published", definition: { title: { nl: "Eerste, verbeterd" } }, publishedBy: a.id, createdBy: a.id });

    // Who did what, and when.
    const changes = await database.db.select({ kind: formChanges.kind, by: formChanges.staffUserId }).from(formChanges).where(eq(formChanges.formId, v1!.formId)).orderBy(formChanges.at);
    expect(changes.map((c) => c.kind)).toEqual(["draft-created", "draft-updated", "published", "draft-created", "draft-updated", "published"]);
    expect(new Set(changes.map((c) => c.by))).toEqual(new Set([a.id]));
  });

  it("the database itself refuses to change or delete a published version", async () => {
    const p = await product();
    const saved = await saveDraft(database.db, { productId: p.id, definition: definition("Vast"), staffUserId: null });
    if (saved.status !== "ok") throw new Error("not saved");
    await publishVersion(database.db, { productId: p.id, versionId: saved.versionId, staffUserId: null });
    await expect(database.db.update(formVersions).set({ definition: { changed: true } }).where(eq(formVersions.id, saved.versionId))).rejects.toThrow();
    await expect(database.db.execute(sql`update form_versions set status = 'draft', published_at = null where id = ${saved.versionId}`)).rejects.toThrow();
    await expect(database.db.delete(formVersions).where(eq(formVersions.id, saved.versionId))).rejects.toThrow();
    const [row] = await database.db.select().from(formVersions).where(eq(formVersions.id, saved.versionId));
    expect(row).toMatchObject({ status: "published", definition: { title: { nl: "Vast" } } });
  });

  it("only one draft per form, and an invalid definition is refused with its problems", async () => {
    const p = await product();
    const saved = await saveDraft(database.db, { productId: p.id, definition: definition("Concept"), staffUserId: null });
    if (saved.status !== "ok") throw new Error("not saved");
    const [row] = await database.db.select().from(formVersions).where(eq(formVersions.id, saved.versionId));
    await expect(database.db.insert(formVersions).values({ formId: row!.formId, version: 2, status: "draft", definition: {} })).rejects.toThrow();
    const broken = definition("Kapot");
    broken.steps.at(-1)!.fields = broken.steps.at(-1)!.fields.filter((f) => f.kind !== "file");
    expect(await saveDraft(database.db, { productId: p.id, definition: broken, staffUserId: null })).toMatchObject({ status: "invalid", problems: [{ path: "steps[2].fields", message: expect.stringMatching(/R8/) }] });
    expect(await saveDraft(database.db, { productId: "00000000-0000-4000-8000-000000000000", definition: definition("x"), staffUserId: null })).toEqual({ status: "unknown-product" });
  });

  it("the seed publishes version 1 for products that exist, skips missing ones, and is idempotent", async () => {
    const p = await product("bezwaar-maken");
    const forms = { "bezwaar-maken": demoForms["bezwaar-maken"], "bestaat-niet": demoForms["klacht-indienen"] };
    expect(await seedForms(database.db, forms)).toBe(1);
    expect(await seedForms(database.db, forms)).toBe(0);
    expect((await currentVersion(database.db, p.id))?.version).toBe(1);
    const publicForm = await getPublishedForm("bezwaar-maken", "nl");
    expect(publicForm.form).toMatchObject({ slug: "bezwaar-maken", version: 1, definition: { title: { nl: "Bezwaar maken tegen een besluit" } } });
  });
});
