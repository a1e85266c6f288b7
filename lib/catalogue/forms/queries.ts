import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { formChanges, formDefinitions, formVersions, parties, products, staffUsers, type FormChangeKind, type FormVersionStatus } from "@/db/schema";
import { can, type Actor } from "../../auth/policy";
import { withDb } from "../../db";
import { notFoundPage } from "../../http/not-found";
import type { Locale } from "../../i18n";
import type { FormDefinition } from "./definition";
import { currentVersion } from "./service";
import { isUuid } from "@/lib/http/ids";

/**
 * Reading forms: the public preview of a product's current form, and the editor's view for
 * admins (catalogue:manage, checked here as well as in the page).
 */

function requireCatalogueManager(actor: Actor | null): void {
  if (!can(actor, "catalogue:manage")) notFoundPage();
}

export interface PublicForm {
  productName: string;
  slug: string;
  versionId: string;
  version: number;
  definition: FormDefinition;
}

/** The current published form of an active product, for anyone; null when the product has none yet; not found when there is no such product. */
export async function getPublishedForm(slug: string, locale: Locale): Promise<{ productName: string; form: PublicForm | null }> {
  return withDb(async (db) => {
    const [product] = await db.select().from(products).where(and(eq(products.slug, slug), eq(products.active, true)));
    if (!product) notFoundPage();
    const productName = locale === "en" ? product.nameEn : product.nameNl;
    const current = await currentVersion(db, product.id);
    return { productName, form: current ? { productName, slug, versionId: current.id, version: current.version, definition: current.definition } : null };
  });
}

/** A version for a form run: published ones for anyone, drafts only for catalogue managers. Null otherwise. */
export async function getVersionForRun(actor: Actor | null, versionId: string): Promise<{ id: string; status: FormVersionStatus; definition: FormDefinition } | null> {
  if (!isUuid(versionId)) return null;
  const [row] = await withDb((db) => db.select({ id: formVersions.id, status: formVersions.status, definition: formVersions.definition }).from(formVersions).where(eq(formVersions.id, versionId)));
  if (!row) return null;
  if (row.status !== "published" && !can(actor, "catalogue:manage")) return null;
  return { ...row, definition: row.definition as FormDefinition };
}

/** Who did it: a staff member's name, or null for the system. */
export interface VersionRow {
  id: string;
  version: number;
  status: FormVersionStatus;
  current: boolean;
  createdAt: Date;
  createdBy: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  definition: FormDefinition;
}

export interface FormEditorView {
  product: { id: string; slug: string; name: string; active: boolean };
  versions: VersionRow[];
  draft: { id: string; version: number; definition: FormDefinition } | null;
  current: { id: string; version: number; definition: FormDefinition } | null;
  changes: { kind: FormChangeKind; version: number; at: Date; by: string | null }[];
}

/** Everything the editor shows for one product's form. Not found without catalogue:manage or for an unknown product. */
export async function getFormEditor(actor: Actor, productId: string, locale: Locale): Promise<FormEditorView> {
  requireCatalogueManager(actor);
  if (!isUuid(productId)) notFoundPage();
  return withDb(async (db) => {
    const [product] = await db.select().from(products).where(eq(products.id, productId));
    if (!product) notFoundPage();
    const creator = alias(staffUsers, "creator");
    const publisher = alias(staffUsers, "publisher");
    const rows = await db
      .select({ v: formVersions, createdBy: creator.displayName, publishedBy: publisher.displayName })
      .from(formVersions)
      .innerJoin(formDefinitions, eq(formDefinitions.id, formVersions.formId))
      .leftJoin(creator, eq(creator.id, formVersions.createdBy))
      .leftJoin(publisher, eq(publisher.id, formVersions.publishedBy))
      .where(eq(formDefinitions.productId, productId))
      .orderBy(desc(formVersions.version));
    const currentRow = rows.find((r) => r.v.status === "published");
    const draftRow = rows.find((r) => r.v.status === "draft");
    const changes = await db
      .select({ kind: formChanges.kind, version: formVersions.version, at: formChanges.at, by: staffUsers.displayName })
      .from(formChanges)
      .innerJoin(formVersions, eq(formVersions.id, formChanges.versionId))
      .innerJoin(formDefinitions, eq(formDefinitions.id, formChanges.formId))
      .leftJoin(staffUsers, eq(staffUsers.id, formChanges.staffUserId))
      .where(eq(formDefinitions.productId, productId))
      .orderBy(desc(formChanges.at))
      .limit(50);
    return {
      product: { id: product.id, slug: product.slug, name: locale === "en" ? product.nameEn : product.nameNl, active: product.active },
      versions: rows.map((r) => ({
        id: r.v.id,
        version: r.v.version,
        status: r.v.status,
        current: r.v.id === currentRow?.v.id,
        createdAt: r.v.createdAt,
        createdBy: r.createdBy,
        publishedAt: r.v.publishedAt,
        publishedBy: r.publishedBy,
        definition: r.v.definition as FormDefinition,
      })),
      draft: draftRow ? { id: draftRow.v.id, version: draftRow.v.version, definition: draftRow.v.definition as FormDefinition } : null,
      current: currentRow ? { id: currentRow.v.id, version: currentRow.v.version, definition: currentRow.v.definition as FormDefinition } : null,
      changes,
    };
  });
}

/** One version of a product's form for export or the staff preview; not found when it is not this product's. */
export async function getFormVersion(actor: Actor | null, productId: string, versionId: string): Promise<{ id: string; version: number; status: FormVersionStatus; definition: FormDefinition; slug: string }> {
  requireCatalogueManager(actor);
  if (!isUuid(productId) || !isUuid(versionId)) notFoundPage();
  const [row] = await withDb((db) =>
    db
      .select({ id: formVersions.id, version: formVersions.version, status: formVersions.status, definition: formVersions.definition, slug: products.slug })
      .from(formVersions)
      .innerJoin(formDefinitions, eq(formDefinitions.id, formVersions.formId))
      .innerJoin(products, eq(products.id, formDefinitions.productId))
      .where(and(eq(formVersions.id, versionId), eq(formDefinitions.productId, productId))),
  );
  if (!row) notFoundPage();
  return { ...row, definition: row.definition as FormDefinition };
}

export interface FormListRow {
  productId: string;
  name: string;
  currentVersion: number | null;
  hasDraft: boolean;
}

/** All products with the state of their form, for the admins' list of forms. */
export async function listForms(actor: Actor, locale: Locale): Promise<FormListRow[]> {
  requireCatalogueManager(actor);
  return withDb(async (db) => {
    const rows = await db
      .select({ id: products.id, nameNl: products.nameNl, nameEn: products.nameEn, version: formVersions.version, status: formVersions.status })
      .from(products)
      .leftJoin(formDefinitions, eq(formDefinitions.productId, products.id))
      .leftJoin(formVersions, eq(formVersions.formId, formDefinitions.id))
      .orderBy(asc(products.nameNl));
    const byProduct = new Map<string, FormListRow>();
    for (const r of rows) {
      const row = byProduct.get(r.id) ?? { productId: r.id, name: locale === "en" ? r.nameEn : r.nameNl, currentVersion: null, hasDraft: false };
      if (r.status === "published" && (row.currentVersion ?? 0) < (r.version ?? 0)) row.currentVersion = r.version;
      if (r.status === "draft") row.hasDraft = true;
      byProduct.set(r.id, row);
    }
    return [...byProduct.values()];
  });
}

/** Name and e-mail address to fill in from the session, where a form asks for them. */
export async function sessionPrefill(actor: Actor | null): Promise<{ name?: string; email?: string }> {
  if (!actor || actor.kind === "system") return {};
  if (actor.kind === "staff") {
    const [row] = await withDb((db) => db.select({ name: staffUsers.displayName, email: staffUsers.email }).from(staffUsers).where(eq(staffUsers.id, actor.staffUserId)));
    return row ? { name: row.name, email: row.email } : {};
  }
  const [row] = await withDb((db) => db.select({ name: parties.displayName }).from(parties).where(eq(parties.id, actor.partyId)));
  return row?.name ? { name: row.name } : {};
}
