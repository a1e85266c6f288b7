import "server-only";
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import { productChanges, productMessageTypes, products, type MessageType, type Product, type ProductChange } from "@/db/schema/catalogue";
import { channelDesignations, channels } from "@/db/schema/channels";
import { staffUsers } from "@/db/schema/identity";
import { formDefinitions, formVersions } from "@/db/schema/forms";
import { can, type Actor } from "../auth/policy";
import { amsterdamDate } from "../channels/designations";
import { withDb } from "../db";
import { notFoundPage } from "../http/not-found";
import type { Locale } from "../i18n";
import { checklistGaps, formCheckOf, type ChecklistGap, type FormCheck } from "./checklist";
import { messageTypes } from "./message-types";
import { isUuid } from "@/lib/http/ids";

/**
 * What the catalogue screens read: the public home page and product pages, and the admin's
 * product list, edit page, history and Wmebv checklist (these check catalogue:manage themselves).
 */

export interface ProductSummary {
  slug: string;
  name: string;
  summary: string;
  topic: string;
}


/** A LIKE pattern that finds the text anywhere, with % and _ taken literally. */
function likeAnywhere(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function searchCondition(query: string): SQL | undefined {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return undefined;
  return and(
    ...words.map((w) => or(ilike(products.nameNl, likeAnywhere(w)), ilike(products.nameEn, likeAnywhere(w)), ilike(products.summaryNl, likeAnywhere(w)), ilike(products.summaryEn, likeAnywhere(w)), ilike(products.uplName, likeAnywhere(w)))),
  );
}

/**
 * Active products for the public home page ("Wat wilt u regelen?"), in the visitor's language,
 * by topic in order; with a search text only those that match every word (name, summary or UPL
 * name, either language), with a topic only that topic.
 */
export async function listActiveProducts(locale: Locale, filter: { query?: string; topic?: string } = {}): Promise<ProductSummary[]> {
  const rows = await withDb((db) =>
    db
      .select({ slug: products.slug, nameNl: products.nameNl, nameEn: products.nameEn, summaryNl: products.summaryNl, summaryEn: products.summaryEn, topic: products.topic })
      .from(products)
      .where(and(eq(products.active, true), filter.query ? searchCondition(filter.query) : undefined, filter.topic ? eq(products.topic, filter.topic) : undefined))
      .orderBy(asc(products.topic), asc(products.sortOrder), asc(products.nameNl)),
  );
  return rows.map((r) => ({
    slug: r.slug,
    topic: r.topic,
    name: locale === "en" ? r.nameEn : r.nameNl,
    summary: locale === "en" ? r.summaryEn : r.summaryNl,
  }));
}

export interface PublicProduct {
  product: Product;
  messageTypes: { messageType: MessageType; official: boolean; channels: { kind: string; nameNl: string; nameEn: string; address: string; conditionLevel: string | null; maxFileSizeMb: number | null; allowedFileTypes: string[]; decisionTitle: string; decisionDate: string; decisionUrl: string | null }[] }[];
  date: string;
}

/** An active product by its web address, with its message types and the channels in force today; "not found" otherwise. */
export async function getPublicProduct(slug: string): Promise<PublicProduct> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) notFoundPage();
  const date = amsterdamDate();
  return withDb(async (db) => {
    const [product] = await db.select().from(products).where(and(eq(products.slug, slug), eq(products.active, true)));
    if (!product) notFoundPage();
    const types = await db.select({ messageType: productMessageTypes.messageType, official: productMessageTypes.official }).from(productMessageTypes).where(eq(productMessageTypes.productId, product.id));
    const designations = await db
      .select({
        messageType: channelDesignations.messageType,
        kind: channels.kind,
        nameNl: channels.nameNl,
        nameEn: channels.nameEn,
        address: channels.address,
        conditionLevel: channelDesignations.conditionLevel,
        maxFileSizeMb: channelDesignations.maxFileSizeMb,
        allowedFileTypes: channelDesignations.allowedFileTypes,
        decisionTitle: channelDesignations.decisionTitle,
        decisionDate: channelDesignations.decisionDate,
        decisionUrl: channelDesignations.decisionUrl,
      })
      .from(channelDesignations)
      .innerJoin(channels, eq(channels.id, channelDesignations.channelId))
      .where(and(eq(channelDesignations.productId, product.id), lte(channelDesignations.validFrom, date), or(isNull(channelDesignations.validTo), gte(channelDesignations.validTo, date))))
      .orderBy(asc(channels.kind), asc(channels.nameNl));
    return {
      product,
      date,
      messageTypes: types
        .sort((a, b) => messageTypes.indexOf(a.messageType) - messageTypes.indexOf(b.messageType))
        .map((t) => ({ ...t, channels: designations.filter((d) => d.messageType === t.messageType) })),
    };
  });
}

function assertCatalogueAdmin(actor: Actor | null): void {
  if (!can(actor, "catalogue:manage")) notFoundPage();
}

export interface AdminProductRow {
  id: string;
  slug: string;
  nameNl: string;
  topic: string;
  active: boolean;
  updatedAt: Date;
  messageTypes: MessageType[];
}

/** One page of products for the admin, active and not, by name; optionally those matching a search text. */
export async function listProducts(actor: Actor | null, options: { query: string; page: number; pageSize: number }): Promise<{ rows: AdminProductRow[]; total: number }> {
  assertCatalogueAdmin(actor);
  const where = searchCondition(options.query);
  return withDb(async (db) => {
    const [total] = await db.select({ n: count() }).from(products).where(where);
    const rows = await db
      .select({ id: products.id, slug: products.slug, nameNl: products.nameNl, topic: products.topic, active: products.active, updatedAt: products.updatedAt })
      .from(products)
      .where(where)
      .orderBy(asc(products.nameNl), asc(products.slug))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize);
    const types =
      rows.length === 0
        ? []
        : await db
            .select({ productId: productMessageTypes.productId, messageType: productMessageTypes.messageType })
            .from(productMessageTypes)
            .where(
              inArray(
                productMessageTypes.productId,
                rows.map((r) => r.id),
              ),
            );
    return {
      total: total?.n ?? 0,
      rows: rows.map((r) => ({
        ...r,
        messageTypes: types
          .filter((t) => t.productId === r.id)
          .map((t) => t.messageType)
          .sort((a, b) => messageTypes.indexOf(a) - messageTypes.indexOf(b)),
      })),
    };
  });
}

/** A product with its message types, for the admin's edit page; "not found" otherwise. */
export async function getProduct(actor: Actor | null, id: string): Promise<{ product: Product; messageTypes: { messageType: MessageType; official: boolean }[] }> {
  assertCatalogueAdmin(actor);
  if (!isUuid(id)) notFoundPage();
  return withDb(async (db) => {
    const [product] = await db.select().from(products).where(eq(products.id, id));
    if (!product) notFoundPage();
    const types = await db.select({ messageType: productMessageTypes.messageType, official: productMessageTypes.official }).from(productMessageTypes).where(eq(productMessageTypes.productId, id));
    return { product, messageTypes: types };
  });
}

/** Every change to a product, newest first, with the name of who made it. */
export async function productHistory(actor: Actor | null, id: string): Promise<{ product: { id: string; nameNl: string }; changes: (ProductChange & { staffName: string | null })[] }> {
  assertCatalogueAdmin(actor);
  if (!isUuid(id)) notFoundPage();
  return withDb(async (db) => {
    const [product] = await db.select({ id: products.id, nameNl: products.nameNl }).from(products).where(eq(products.id, id));
    if (!product) notFoundPage();
    const rows = await db
      .select({ change: productChanges, staffName: staffUsers.displayName })
      .from(productChanges)
      .leftJoin(staffUsers, eq(staffUsers.id, productChanges.staffUserId))
      .where(eq(productChanges.productId, id))
      .orderBy(desc(productChanges.changedAt), desc(productChanges.id));
    return { product, changes: rows.map((r) => ({ ...r.change, staffName: r.staffName })) };
  });
}

export interface ChecklistRow {
  product: Product;
  messageTypes: { messageType: MessageType; official: boolean }[];
  designations: { messageType: MessageType; channelName: string; conditionLevel: string | null; decisionTitle: string }[];
  formCheck: FormCheck;
  gaps: ChecklistGap[];
}

/** The Wmebv checklist of every active product on a date (default today): its fields, designations in force and gaps. */
export async function wmebvChecklist(actor: Actor | null, date: string = amsterdamDate()): Promise<ChecklistRow[]> {
  assertCatalogueAdmin(actor);
  return withDb(async (db) => {
    const rows = await db.select().from(products).where(eq(products.active, true)).orderBy(asc(products.nameNl));
    const types = await db
      .select({ productId: productMessageTypes.productId, messageType: productMessageTypes.messageType, official: productMessageTypes.official })
      .from(productMessageTypes)
      .innerJoin(products, and(eq(products.id, productMessageTypes.productId), eq(products.active, true)));
    const designations = await db
      .select({ productId: channelDesignations.productId, messageType: channelDesignations.messageType, channelName: channels.nameNl, conditionLevel: channelDesignations.conditionLevel, decisionTitle: channelDesignations.decisionTitle })
      .from(channelDesignations)
      .innerJoin(channels, eq(channels.id, channelDesignations.channelId))
      .where(and(lte(channelDesignations.validFrom, date), or(isNull(channelDesignations.validTo), gte(channelDesignations.validTo, date))));
    // The current form of each product: its published version with the highest number.
    const published = await db
      .selectDistinctOn([formDefinitions.productId], { productId: formDefinitions.productId, definition: formVersions.definition })
      .from(formVersions)
      .innerJoin(formDefinitions, eq(formDefinitions.id, formVersions.formId))
      .where(eq(formVersions.status, "published"))
      .orderBy(asc(formDefinitions.productId), desc(formVersions.version));
    const formsBy = new Map<string, unknown>(published.map((row) => [row.productId, row.definition]));
    const typesBy = Map.groupBy(types, (t) => t.productId);
    const designationsBy = Map.groupBy(designations, (d) => d.productId);
    return rows.map((product) => {
      const productTypes = (typesBy.get(product.id) ?? []).sort((a, b) => messageTypes.indexOf(a.messageType) - messageTypes.indexOf(b.messageType));
      const inForce = designationsBy.get(product.id) ?? [];
      const formCheck = formCheckOf(formsBy.get(product.id) ?? null);
      return {
        product,
        messageTypes: productTypes,
        designations: inForce,
        formCheck,
        gaps: checklistGaps({ ...product, messageTypes: productTypes, designationsInForce: inForce, formHasFreeTextAndAttachments: formCheck }),
      };
    });
  });
}
