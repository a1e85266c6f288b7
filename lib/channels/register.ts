import { and, asc, eq, gte, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { productMessageTypes, products, type MessageType } from "@/db/schema/catalogue";
import { channelDesignations, channels, type ChannelKind } from "@/db/schema/channels";
import { messageTypes } from "../catalogue/message-types";

/**
 * The public register of designated channels (R2): per product and message type, the channels
 * in force on a date, with their conditions and the decision. One query builds the whole
 * register of a date; pages and the JSON API filter and page it in memory (400 products and
 * 1,200 designations are a few hundred kilobytes). Pure grouping plus one query, no cache here
 * (see lib/channels/queries.ts).
 */

export interface RegisterChannel {
  designationId: string;
  kind: ChannelKind;
  name: { nl: string; en: string };
  address: string;
  details: { nl: string | null; en: string | null };
  validFrom: string;
  validTo: string | null;
  conditions: { loginLevel: string | null; maxFileSizeMb: number | null; allowedFileTypes: string[] };
  decision: { title: string; date: string; url: string | null };
}

export interface RegisterMessageType {
  type: MessageType;
  official: boolean;
  channels: RegisterChannel[];
}

export interface RegisterProduct {
  slug: string;
  name: { nl: string; en: string };
  uplName: string | null;
  messageTypes: RegisterMessageType[];
}

export interface Register {
  date: string;
  products: RegisterProduct[];
  designationCount: number;
}

/** The rows of every designation in force on the date, of active products, for a type the product takes. */
export async function designationRowsInForce(db: DbOrTx, date: string) {
  return db
    .select({
      designationId: channelDesignations.id,
      productId: products.id,
      slug: products.slug,
      nameNl: products.nameNl,
      nameEn: products.nameEn,
      uplName: products.uplName,
      messageType: channelDesignations.messageType,
      official: productMessageTypes.official,
      channelKind: channels.kind,
      channelNameNl: channels.nameNl,
      channelNameEn: channels.nameEn,
      address: channels.address,
      detailsNl: channels.detailsNl,
      detailsEn: channels.detailsEn,
      validFrom: channelDesignations.validFrom,
      validTo: channelDesignations.validTo,
      conditionLevel: channelDesignations.conditionLevel,
      maxFileSizeMb: channelDesignations.maxFileSizeMb,
      allowedFileTypes: channelDesignations.allowedFileTypes,
      decisionTitle: channelDesignations.decisionTitle,
      decisionDate: channelDesignations.decisionDate,
      decisionUrl: channelDesignations.decisionUrl,
    })
    .from(channelDesignations)
    .innerJoin(products, and(eq(products.id, channelDesignations.productId), eq(products.active, true)))
    .innerJoin(productMessageTypes, and(eq(productMessageTypes.productId, channelDesignations.productId), eq(productMessageTypes.messageType, channelDesignations.messageType)))
    .innerJoin(channels, eq(channels.id, channelDesignations.channelId))
    .where(and(lte(channelDesignations.validFrom, date), or(isNull(channelDesignations.validTo), gte(channelDesignations.validTo, date))))
    .orderBy(asc(products.nameNl), asc(products.slug), asc(channels.kind), asc(channels.nameNl));
}

const kindOrder: Record<ChannelKind, number> = { "portal-form": 0, "inbox-reply": 1, email: 2, post: 3, counter: 4 };

/** Groups the rows by product (in name order) and message type (in the law's order). */
export function groupRegister(date: string, rows: Awaited<ReturnType<typeof designationRowsInForce>>): Register {
  const byProduct = new Map<string, RegisterProduct>();
  for (const r of rows) {
    let product = byProduct.get(r.productId);
    if (!product) {
      product = { slug: r.slug, name: { nl: r.nameNl, en: r.nameEn }, uplName: r.uplName, messageTypes: [] };
      byProduct.set(r.productId, product);
    }
    let type = product.messageTypes.find((t) => t.type === r.messageType);
    if (!type) {
      type = { type: r.messageType, official: r.official, channels: [] };
      product.messageTypes.push(type);
    }
    type.channels.push({
      designationId: r.designationId,
      kind: r.channelKind,
      name: { nl: r.channelNameNl, en: r.channelNameEn },
      address: r.address,
      details: { nl: r.detailsNl, en: r.detailsEn },
      validFrom: r.validFrom,
      validTo: r.validTo,
      conditions: { loginLevel: r.conditionLevel, maxFileSizeMb: r.maxFileSizeMb, allowedFileTypes: r.allowedFileTypes },
      decision: { title: r.decisionTitle, date: r.decisionDate, url: r.decisionUrl },
    });
  }
  const products = [...byProduct.values()];
  for (const p of products) {
    p.messageTypes.sort((a, b) => messageTypes.indexOf(a.type) - messageTypes.indexOf(b.type));
    for (const t of p.messageTypes) t.channels.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind]);
  }
  return { date, products, designationCount: rows.length };
}

/** Normalises text for search: lower case, accents off ("geïnteresseerd" finds "geinteresseerd"). */
export function searchText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
}

/**
 * The register filtered by a search text (product name in either language or UPL name; every
 * word must match) and a message type: products without a matching type drop out, and within a
 * product only the chosen type is kept.
 */
export function filterRegister(register: Register, filter: { query?: string; messageType?: MessageType | null }): RegisterProduct[] {
  const words = searchText(filter.query ?? "").split(/\s+/).filter(Boolean);
  const result: RegisterProduct[] = [];
  for (const p of register.products) {
    if (words.length > 0) {
      const haystack = searchText(`${p.name.nl} ${p.name.en} ${p.uplName ?? ""} ${p.slug}`);
      if (!words.every((w) => haystack.includes(w))) continue;
    }
    if (filter.messageType) {
      const types = p.messageTypes.filter((t) => t.type === filter.messageType);
      if (types.length === 0) continue;
      result.push({ ...p, messageTypes: types });
    } else result.push(p);
  }
  return result;
}
