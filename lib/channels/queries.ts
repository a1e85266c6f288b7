import "server-only";
import { and, asc, count, desc, eq, ilike, or } from "drizzle-orm";
import { productMessageTypes, products } from "@/db/schema/catalogue";
import { channelDesignations, channels, type Channel, type ChannelDesignation } from "@/db/schema/channels";
import { staffUsers } from "@/db/schema/identity";
import { can, type Actor } from "../auth/policy";
import { withDb } from "../db";
import { notFoundPage } from "../http/not-found";
import { designationRowsInForce, groupRegister, type Register } from "./register";
import { isUuid } from "@/lib/http/ids";

/**
 * What the channel screens read. The public register is cached per date for a short while
 * (REGISTER_TTL_MS) and forgotten at once when an admin in this process changes the catalogue;
 * other processes (more web servers) see a change within that time. The admin queries check
 * channels:manage themselves.
 */

export const REGISTER_TTL_MS = 30_000;
const MAX_CACHED_DATES = 16;
interface CacheEntry {
  at: number;
  register: Promise<Register>;
  json?: { text: string };
}
// One cache per process, kept on globalThis: Next bundles route handlers and pages (where the
// actions that change the catalogue run) separately, and both must see the same cache.
const globalForRegister = globalThis as unknown as { __portalRegisterCache?: Map<string, CacheEntry> };
const cache = (globalForRegister.__portalRegisterCache ??= new Map<string, CacheEntry>());

/** Forgets every cached register (after a change to products, channels or designations). */
export function forgetRegister(): void {
  cache.clear();
}

function cached(date: string): CacheEntry {
  const now = Date.now();
  const hit = cache.get(date);
  if (hit && now - hit.at < REGISTER_TTL_MS) return hit;
  const entry: CacheEntry = { at: now, register: withDb(async (db) => groupRegister(date, await designationRowsInForce(db, date))) };
  // A failed query is not kept.
  entry.register.catch(() => {
    if (cache.get(date) === entry) cache.delete(date);
  });
  cache.delete(date);
  cache.set(date, entry);
  if (cache.size > MAX_CACHED_DATES) cache.delete(cache.keys().next().value!);
  return entry;
}

/** The register of designated channels in force on a date (YYYY-MM-DD). Public. */
export function registerOn(date: string): Promise<Register> {
  return cached(date).register;
}

/** The whole register of a date as JSON text, made once per cached register. Public. */
export async function registerJsonOn(date: string, toJson: (register: Register) => unknown): Promise<{ text: string }> {
  const entry = cached(date);
  const register = await entry.register;
  if (!entry.json) {
    const text = JSON.stringify(toJson(register));
    entry.json = { text };
  }
  return entry.json;
}

function assertChannelAdmin(actor: Actor | null): void {
  if (!can(actor, "channels:manage")) notFoundPage();
}


/** Every channel, active first, by kind and name. */
export async function listChannels(actor: Actor | null): Promise<Channel[]> {
  assertChannelAdmin(actor);
  return withDb((db) => db.select().from(channels).orderBy(desc(channels.active), asc(channels.kind), asc(channels.nameNl)));
}

/** One channel, or "not found". */
export async function getChannel(actor: Actor | null, id: string): Promise<Channel> {
  assertChannelAdmin(actor);
  if (!isUuid(id)) notFoundPage();
  const [row] = await withDb((db) => db.select().from(channels).where(eq(channels.id, id)));
  if (!row) notFoundPage();
  return row;
}

/** Products with how many designations they have, for choosing whose designations to keep; searchable, one page. */
export async function listProductsForDesignations(actor: Actor | null, options: { query: string; page: number; pageSize: number }) {
  assertChannelAdmin(actor);
  const pattern = `%${options.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = options.query ? or(ilike(products.nameNl, pattern), ilike(products.nameEn, pattern), ilike(products.slug, pattern)) : undefined;
  return withDb(async (db) => {
    const [total] = await db.select({ n: count() }).from(products).where(where);
    const rows = await db
      .select({ id: products.id, nameNl: products.nameNl, active: products.active, designations: count(channelDesignations.id) })
      .from(products)
      .leftJoin(channelDesignations, eq(channelDesignations.productId, products.id))
      .where(where)
      .groupBy(products.id)
      .orderBy(asc(products.nameNl))
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize);
    return { rows, total: total?.n ?? 0 };
  });
}

export interface ProductDesignations {
  product: { id: string; slug: string; nameNl: string; nameEn: string; active: boolean };
  messageTypes: { messageType: (typeof productMessageTypes.$inferSelect)["messageType"]; official: boolean }[];
  channels: Channel[];
  designations: (ChannelDesignation & { channelNameNl: string; createdByName: string | null })[];
}

/** A product with its message types and every designation it ever had (newest start first), for the admin. */
export async function getProductDesignations(actor: Actor | null, productId: string): Promise<ProductDesignations> {
  assertChannelAdmin(actor);
  if (!isUuid(productId)) notFoundPage();
  return withDb(async (db) => {
    const [product] = await db.select({ id: products.id, slug: products.slug, nameNl: products.nameNl, nameEn: products.nameEn, active: products.active }).from(products).where(eq(products.id, productId));
    if (!product) notFoundPage();
    const types = await db.select({ messageType: productMessageTypes.messageType, official: productMessageTypes.official }).from(productMessageTypes).where(eq(productMessageTypes.productId, productId));
    const allChannels = await db.select().from(channels).where(eq(channels.active, true)).orderBy(asc(channels.kind), asc(channels.nameNl));
    const designations = await db
      .select({ designation: channelDesignations, channelNameNl: channels.nameNl, createdByName: staffUsers.displayName })
      .from(channelDesignations)
      .innerJoin(channels, eq(channels.id, channelDesignations.channelId))
      .leftJoin(staffUsers, eq(staffUsers.id, channelDesignations.createdBy))
      .where(and(eq(channelDesignations.productId, productId)))
      .orderBy(asc(channelDesignations.messageType), desc(channelDesignations.validFrom));
    return {
      product,
      messageTypes: types,
      channels: allChannels,
      designations: designations.map((d) => ({ ...d.designation, channelNameNl: d.channelNameNl, createdByName: d.createdByName })),
    };
  });
}
