import { and, desc, eq, inArray, isNotNull, max } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { formChanges, formDefinitions, formVersions, products, type FormChangeKind } from "@/db/schema";
import { validateDefinition, type DefinitionProblem, type FormDefinition } from "./definition";

/**
 * Versioning of product forms. A published version never changes: saving a form whose latest
 * version is published makes a new draft, saving again changes that draft, and publishing
 * makes the draft the current version. Every change is recorded in form_changes with who and
 * when. Functions take a transaction; the actions and the seed own it.
 */

export type SaveOutcome =
  | { status: "ok"; versionId: string; version: number; created: boolean }
  | { status: "invalid"; problems: DefinitionProblem[] }
  | { status: "unknown-product" }
  | { status: "unchanged" };

export type PublishOutcome = { status: "ok"; version: number } | { status: "not-found" } | { status: "not-draft" } | { status: "invalid"; problems: DefinitionProblem[] };

async function recordChange(tx: DbOrTx, formId: string, versionId: string, kind: FormChangeKind, staffUserId: string | null) {
  await tx.insert(formChanges).values({ formId, versionId, kind, staffUserId });
}

/** The form of a product, made when missing. Null when the product does not exist. */
async function formFor(tx: DbOrTx, productId: string): Promise<string | null> {
  const [product] = await tx.select({ id: products.id }).from(products).where(eq(products.id, productId));
  if (!product) return null;
  await tx.insert(formDefinitions).values({ productId }).onConflictDoNothing({ target: formDefinitions.productId });
  const [form] = await tx.select({ id: formDefinitions.id }).from(formDefinitions).where(eq(formDefinitions.productId, productId));
  return form!.id;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Saves a definition as the product's draft: changes the existing draft, or makes a new draft
 * numbered after the last version. The definition is validated here too, whoever calls.
 */
export async function saveDraft(tx: DbOrTx, input: { productId: string; definition: unknown; staffUserId: string | null; source?: "editor" | "import" }): Promise<SaveOutcome> {
  const check = validateDefinition(input.definition);
  if (!check.ok) return { status: "invalid", problems: check.problems };
  const formId = await formFor(tx, input.productId);
  if (!formId) return { status: "unknown-product" };
  await tx.update(formDefinitions).set({ updatedAt: new Date() }).where(eq(formDefinitions.id, formId));

  const [draft] = await tx.select().from(formVersions).where(and(eq(formVersions.formId, formId), eq(formVersions.status, "draft")));
  if (draft) {
    const [changed] = await tx
      .update(formVersions)
      .set({ definition: check.definition, updatedBy: input.staffUserId, updatedAt: new Date() })
      .where(and(eq(formVersions.id, draft.id), eq(formVersions.status, "draft")))
      .returning({ id: formVersions.id });
    if (!changed) throw new Error("draft disappeared while saving");
    await recordChange(tx, formId, draft.id, input.source === "import" ? "imported" : "draft-updated", input.staffUserId);
    return { status: "ok", versionId: draft.id, version: draft.version, created: false };
  }

  const [latest] = await tx.select().from(formVersions).where(eq(formVersions.formId, formId)).orderBy(desc(formVersions.version)).limit(1);
  if (latest && input.source !== "import" && sameJson(latest.definition, check.definition)) return { status: "unchanged" };
  const [row] = await tx
    .insert(formVersions)
    .values({ formId, version: (latest?.version ?? 0) + 1, status: "draft", definition: check.definition, createdBy: input.staffUserId, updatedBy: input.staffUserId })
    .returning({ id: formVersions.id, version: formVersions.version });
  await recordChange(tx, formId, row!.id, input.source === "import" ? "imported" : "draft-created", input.staffUserId);
  return { status: "ok", versionId: row!.id, version: row!.version, created: true };
}

/** Publishes a draft of the product's form; from then on it is the current version and never changes. */
export async function publishVersion(tx: DbOrTx, input: { productId: string; versionId: string; staffUserId: string | null }): Promise<PublishOutcome> {
  const [row] = await tx
    .select({ version: formVersions, formId: formDefinitions.id })
    .from(formVersions)
    .innerJoin(formDefinitions, eq(formDefinitions.id, formVersions.formId))
    .where(and(eq(formVersions.id, input.versionId), eq(formDefinitions.productId, input.productId)));
  if (!row) return { status: "not-found" };
  if (row.version.status !== "draft") return { status: "not-draft" };
  // Checked again: the format may have become stricter since the draft was saved.
  const check = validateDefinition(row.version.definition);
  if (!check.ok) return { status: "invalid", problems: check.problems };
  const now = new Date();
  const [published] = await tx
    .update(formVersions)
    .set({ status: "published", publishedBy: input.staffUserId, publishedAt: now, updatedAt: now, updatedBy: input.staffUserId })
    .where(and(eq(formVersions.id, input.versionId), eq(formVersions.status, "draft")))
    .returning({ version: formVersions.version });
  if (!published) return { status: "not-draft" };
  await tx.update(formDefinitions).set({ updatedAt: now }).where(eq(formDefinitions.id, row.formId));
  await recordChange(tx, row.formId, input.versionId, "published", input.staffUserId);
  return { status: "ok", version: published.version };
}

/** The current (latest published) version of a product's form, or null. */
export async function currentVersion(tx: DbOrTx, productId: string): Promise<{ id: string; version: number; definition: FormDefinition } | null> {
  const [row] = await tx
    .select({ id: formVersions.id, version: formVersions.version, definition: formVersions.definition })
    .from(formVersions)
    .innerJoin(formDefinitions, eq(formDefinitions.id, formVersions.formId))
    .where(and(eq(formDefinitions.productId, productId), eq(formVersions.status, "published"), isNotNull(formVersions.publishedAt)))
    .orderBy(desc(formVersions.version))
    .limit(1);
  return row ? { id: row.id, version: row.version, definition: row.definition as FormDefinition } : null;
}

/**
 * Seeds forms by product slug: for each slug whose product exists and has no form version
 * yet, version 1 is made and published by the system. Missing products are skipped; running
 * it again changes nothing.
 */
export async function seedForms(tx: DbOrTx, forms: Record<string, unknown>): Promise<number> {
  const slugs = Object.keys(forms);
  if (slugs.length === 0) return 0;
  const found = await tx.select({ id: products.id, slug: products.slug }).from(products).where(inArray(products.slug, slugs));
  let added = 0;
  for (const product of found) {
    const formId = await formFor(tx, product.id);
    const [existing] = await tx.select({ n: max(formVersions.version) }).from(formVersions).where(eq(formVersions.formId, formId!));
    if (existing?.n) continue;
    const saved = await saveDraft(tx, { productId: product.id, definition: forms[product.slug], staffUserId: null });
    if (saved.status !== "ok") throw new Error(`demo form for ${product.slug} is invalid: ${saved.status === "invalid" ? saved.problems.map((p) => `${p.path}: ${p.message}`).join("; ") : saved.status}`);
    await publishVersion(tx, { productId: product.id, versionId: saved.versionId, staffUserId: null });
    added++;
  }
  return added;
}
