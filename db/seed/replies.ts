import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { channelDesignations, channels, productMessageTypes, products } from "../schema";
import { DEMO_DECISION } from "./catalogue";

/**
 * Demo: replies in the inbox (issue 7). The register must designate the `inbox-reply` channel
 * for a product's "aanvulling" before the portal takes a reply to a message about it; the demo
 * catalogue does so for some products, this adds it for the products the demo's cases are about
 * (the example objection, the parking permit). Idempotent: a product gets the message type only
 * when it lacks it, and the designation only when it has none for that type and channel.
 */
export const DEMO_REPLY_PRODUCTS = ["bezwaar-maken", "parkeervergunning-bewoners", "omgevingsvergunning-kap", "bijzondere-bijstand"] as const;

export async function seedDemoReplies(db: DbOrTx): Promise<void> {
  const [channel] = await db.select({ id: channels.id }).from(channels).where(and(eq(channels.code, "berichtenbox-antwoord"), eq(channels.kind, "inbox-reply")));
  if (!channel) return;
  const rows = await db.select({ id: products.id }).from(products).where(inArray(products.slug, [...DEMO_REPLY_PRODUCTS]));
  for (const product of rows) {
    await db.insert(productMessageTypes).values({ productId: product.id, messageType: "aanvulling", official: true }).onConflictDoNothing();
    const [existing] = await db
      .select({ id: channelDesignations.id })
      .from(channelDesignations)
      .where(and(eq(channelDesignations.productId, product.id), eq(channelDesignations.messageType, "aanvulling"), eq(channelDesignations.channelId, channel.id)))
      .limit(1);
    if (existing) continue;
    await db.insert(channelDesignations).values({
      productId: product.id,
      messageType: "aanvulling",
      channelId: channel.id,
      validFrom: DEMO_DECISION.validFrom,
      validTo: null,
      decisionTitle: DEMO_DECISION.title,
      decisionDate: DEMO_DECISION.date,
      decisionUrl: DEMO_DECISION.url,
      conditionLevel: null,
      maxFileSizeMb: 25,
      allowedFileTypes: ["pdf", "jpg", "jpeg", "png"],
    });
  }
}
