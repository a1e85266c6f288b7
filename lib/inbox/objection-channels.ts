import { and, asc, eq, gte, inArray, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { productMessageTypes, products } from "@/db/schema/catalogue";
import { channelDesignations, channels } from "@/db/schema/channels";
import type { ObjectionChannel } from "./objection-clause";

/**
 * Where a resident can object to a besluit about a product, from the channel register (R2, R18):
 * the active channels designated for the message type "bezwaar" of the product itself, in force
 * on the date; when the product has none, those of the general objection product (in the demo
 * catalogue "bezwaar-maken": one product for objections against any decision). An empty list
 * means no channel is designated, and a besluit cannot be sent.
 */

/** The slug of the catalogue's general objection product, used when a product designates no bezwaar channel of its own. */
export const GENERAL_OBJECTION_PRODUCT = "bezwaar-maken";

export async function objectionChannels(db: DbOrTx, productId: string, date: string): Promise<ObjectionChannel[]> {
  const [general] = await db.select({ id: products.id }).from(products).where(and(eq(products.slug, GENERAL_OBJECTION_PRODUCT), eq(products.active, true)));
  const productIds = general && general.id !== productId ? [productId, general.id] : [productId];
  const rows = await db
    .select({
      productId: channelDesignations.productId,
      kind: channels.kind,
      nameNl: channels.nameNl,
      nameEn: channels.nameEn,
      address: channels.address,
      detailsNl: channels.detailsNl,
      detailsEn: channels.detailsEn,
    })
    .from(channelDesignations)
    .innerJoin(products, and(eq(products.id, channelDesignations.productId), eq(products.active, true)))
    .innerJoin(productMessageTypes, and(eq(productMessageTypes.productId, channelDesignations.productId), eq(productMessageTypes.messageType, channelDesignations.messageType)))
    .innerJoin(channels, and(eq(channels.id, channelDesignations.channelId), eq(channels.active, true)))
    .where(
      and(
        inArray(channelDesignations.productId, productIds),
        eq(channelDesignations.messageType, "bezwaar"),
        lte(channelDesignations.validFrom, date),
        or(isNull(channelDesignations.validTo), gte(channelDesignations.validTo, date)),
      ),
    )
    .orderBy(asc(channels.kind), asc(channels.nameNl));
  const own = rows.filter((r) => r.productId === productId);
  const chosen = own.length > 0 ? own : rows;
  // One line per channel, even when it is designated twice.
  const seen = new Set<string>();
  return chosen
    .filter((r) => {
      const key = `${r.kind}|${r.address}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((r) => ({ kind: r.kind, name: { nl: r.nameNl, en: r.nameEn }, address: r.address, details: { nl: r.detailsNl, en: r.detailsEn } }));
}
