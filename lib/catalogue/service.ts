import { and, asc, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { productChanges, productMessageTypes, products, type NewProduct } from "@/db/schema/catalogue";
import { channelDesignations } from "@/db/schema/channels";
import { amsterdamDate } from "../channels/designations";
import { messageTypesSnapshot, productChangeDiff, type Snapshot } from "./history";
import type { MessageType } from "./message-types";
import type { ProductValues } from "./schemas";

/**
 * Keeping the product catalogue: create, edit, deactivate and activate products, each change
 * written to product_changes (who, when, what before and after) in the same transaction.
 * Authorisation is the caller's job (lib/catalogue/actions.ts).
 */

type MessageTypeRow = { messageType: MessageType; official: boolean };

/** The fields of a product kept in its history, plus its message types. */
async function snapshot(db: DbOrTx, productId: string): Promise<Snapshot | null> {
  const [row] = await db.select().from(products).where(eq(products.id, productId));
  if (!row) return null;
  const types = await db.select({ messageType: productMessageTypes.messageType, official: productMessageTypes.official }).from(productMessageTypes).where(eq(productMessageTypes.productId, productId));
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = row;
  return { ...fields, messageTypes: messageTypesSnapshot(types) };
}

async function record(db: DbOrTx, change: { productId: string; staffUserId: string | null; kind: "created" | "updated" | "deactivated" | "activated"; before: Snapshot; after: Snapshot }) {
  await db.insert(productChanges).values(change);
}

/** Creates a product with its message types; "slug-taken" when the web address is in use. */
export async function createProduct(db: DbOrTx, input: { actorId: string | null; slug: string; values: ProductValues; types: MessageTypeRow[] }): Promise<{ id: string } | "slug-taken"> {
  const [created] = await db
    .insert(products)
    .values({ slug: input.slug, ...input.values } satisfies NewProduct)
    .onConflictDoNothing({ target: products.slug })
    .returning({ id: products.id });
  if (!created) return "slug-taken";
  if (input.types.length > 0) await db.insert(productMessageTypes).values(input.types.map((t) => ({ productId: created.id, ...t })));
  await record(db, { productId: created.id, staffUserId: input.actorId, kind: "created", before: {}, after: (await snapshot(db, created.id))! });
  return { id: created.id };
}

export type UpdateProblem = "not-found" | { kind: "type-in-use"; messageType: MessageType };

/**
 * Changes a product's fields and message types. A message type with a designation in force
 * today or later cannot be removed (end the designations first). Writes a history entry with
 * only what changed; nothing changed, nothing written.
 */
export async function updateProduct(db: DbOrTx, input: { actorId: string | null; productId: string; values: ProductValues; types: MessageTypeRow[]; today?: string }): Promise<UpdateProblem | { changed: boolean }> {
  const [locked] = await db.select({ id: products.id }).from(products).where(eq(products.id, input.productId)).for("update");
  if (!locked) return "not-found";
  const before = (await snapshot(db, input.productId))!;
  const current = await db.select().from(productMessageTypes).where(eq(productMessageTypes.productId, input.productId));
  const wanted = new Map(input.types.map((t) => [t.messageType, t.official]));
  const removed = current.filter((c) => !wanted.has(c.messageType)).map((c) => c.messageType);
  if (removed.length > 0) {
    const today = input.today ?? amsterdamDate();
    const [inUse] = await db
      .select({ messageType: channelDesignations.messageType })
      .from(channelDesignations)
      .where(and(eq(channelDesignations.productId, input.productId), inArray(channelDesignations.messageType, removed), or(isNull(channelDesignations.validTo), gte(channelDesignations.validTo, today))))
      .orderBy(asc(channelDesignations.messageType))
      .limit(1);
    if (inUse) return { kind: "type-in-use", messageType: inUse.messageType };
    await db.delete(productMessageTypes).where(and(eq(productMessageTypes.productId, input.productId), inArray(productMessageTypes.messageType, removed)));
  }
  for (const [messageType, official] of wanted) {
    await db
      .insert(productMessageTypes)
      .values({ productId: input.productId, messageType, official })
      .onConflictDoUpdate({ target: [productMessageTypes.productId, productMessageTypes.messageType], set: { official } });
  }
  await db.update(products).set(input.values).where(eq(products.id, input.productId));
  const after = (await snapshot(db, input.productId))!;
  const diff = productChangeDiff(before, after);
  if (Object.keys(diff.after).length === 0) return { changed: false };
  await db.update(products).set({ updatedAt: sql`now()` }).where(eq(products.id, input.productId));
  await record(db, { productId: input.productId, staffUserId: input.actorId, kind: "updated", ...diff });
  return { changed: true };
}

/** Deactivates or activates a product (products are never deleted); "not-found", or whether it changed. */
export async function setProductActive(db: DbOrTx, input: { actorId: string | null; productId: string; active: boolean }): Promise<"not-found" | { changed: boolean }> {
  const [row] = await db.select({ active: products.active }).from(products).where(eq(products.id, input.productId)).for("update");
  if (!row) return "not-found";
  if (row.active === input.active) return { changed: false };
  await db.update(products).set({ active: input.active, updatedAt: sql`now()` }).where(eq(products.id, input.productId));
  await record(db, { productId: input.productId, staffUserId: input.actorId, kind: input.active ? "activated" : "deactivated", before: { active: row.active }, after: { active: input.active } });
  return { changed: true };
}
