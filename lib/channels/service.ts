import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { productMessageTypes, products } from "@/db/schema/catalogue";
import { channelDesignations, channels, type ChannelDesignation } from "@/db/schema/channels";
import { designationProblem, endProblem, type EndProblem } from "./designations";
import type { ChannelInput, DesignationInput } from "./schemas";

/**
 * Keeping channels and their designations (aanwijzingen). A designation is made once and then
 * only ended: its history stays. Authorisation is the caller's job (lib/channels/actions.ts).
 */

function channelValues(input: ChannelInput) {
  return { code: input.code, kind: input.soort, nameNl: input["naam-nl"], nameEn: input["naam-en"], address: input.adres, detailsNl: input["toelichting-nl"], detailsEn: input["toelichting-en"] };
}

/** Adds a channel; "code-taken" when its code is in use. */
export async function createChannel(db: DbOrTx, input: ChannelInput): Promise<{ id: string } | "code-taken"> {
  const [row] = await db.insert(channels).values(channelValues(input)).onConflictDoNothing({ target: channels.code }).returning({ id: channels.id });
  return row ?? "code-taken";
}

/** Changes a channel's details; "not-found" or "code-taken". */
export async function updateChannel(db: DbOrTx, id: string, input: ChannelInput): Promise<null | "not-found" | "code-taken"> {
  const [clash] = await db.select({ id: channels.id }).from(channels).where(and(eq(channels.code, input.code), sql`${channels.id} <> ${id}`));
  if (clash) return "code-taken";
  const updated = await db
    .update(channels)
    .set({ ...channelValues(input), updatedAt: sql`now()` })
    .where(eq(channels.id, id))
    .returning({ id: channels.id });
  return updated.length === 0 ? "not-found" : null;
}

export type DesignationRefusal =
  | { kind: "product-not-found" }
  | { kind: "type-not-taken" }
  | { kind: "channel-not-found" }
  | { kind: "ends-before-start" }
  | { kind: "overlap"; with: ChannelDesignation };

/**
 * Designates a channel for a product's message type. Refused when the product does not take
 * that type, when it ends before it starts, or when it overlaps a designation of the same
 * product, type and channel. The product row is locked, so two admins cannot make overlapping
 * designations at the same moment.
 */
export async function createDesignation(db: DbOrTx, input: { actorId: string | null; designation: DesignationInput }): Promise<{ id: string } | DesignationRefusal> {
  const d = input.designation;
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.id, d.product)).for("update");
  if (!product) return { kind: "product-not-found" };
  const [type] = await db
    .select({ id: productMessageTypes.id })
    .from(productMessageTypes)
    .where(and(eq(productMessageTypes.productId, d.product), eq(productMessageTypes.messageType, d.berichttype)));
  if (!type) return { kind: "type-not-taken" };
  const [channel] = await db.select({ id: channels.id }).from(channels).where(eq(channels.id, d.kanaal));
  if (!channel) return { kind: "channel-not-found" };
  const candidate = { productId: d.product, messageType: d.berichttype, channelId: d.kanaal, validFrom: d["geldig-vanaf"], validTo: d["geldig-tot"] };
  const existing = await db
    .select()
    .from(channelDesignations)
    .where(and(eq(channelDesignations.productId, d.product), eq(channelDesignations.messageType, d.berichttype), eq(channelDesignations.channelId, d.kanaal)));
  const problem = designationProblem(candidate, existing);
  if (problem) return problem;
  const [created] = await db
    .insert(channelDesignations)
    .values({
      ...candidate,
      decisionTitle: d["besluit-titel"],
      decisionDate: d["besluit-datum"],
      decisionUrl: d["besluit-link"],
      conditionLevel: d.niveau === "geen" ? null : d.niveau,
      maxFileSizeMb: d["max-mb"],
      allowedFileTypes: d.bestandstypen,
      createdBy: input.actorId,
    })
    .returning({ id: channelDesignations.id });
  return { id: created!.id };
}

/** Ends a designation: `lastDay` becomes its last day in force. The row itself stays, as history. */
export async function endDesignation(db: DbOrTx, input: { actorId: string | null; id: string; productId: string; lastDay: string }): Promise<null | "not-found" | EndProblem> {
  const [row] = await db
    .select()
    .from(channelDesignations)
    .where(and(eq(channelDesignations.id, input.id), eq(channelDesignations.productId, input.productId)))
    .for("update");
  if (!row) return "not-found";
  const problem = endProblem(row, input.lastDay);
  if (problem) return problem;
  await db.update(channelDesignations).set({ validTo: input.lastDay, endedAt: sql`now()`, endedBy: input.actorId }).where(eq(channelDesignations.id, input.id));
  return null;
}
