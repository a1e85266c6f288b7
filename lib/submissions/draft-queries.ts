import "server-only";
import { and, asc, count, desc, eq, isNotNull } from "drizzle-orm";
import { products, submissionDrafts } from "@/db/schema";
import type { Actor } from "../auth/policy";
import { withDb } from "../db";
import { isUuid } from "../http/ids";
import type { FileTypeId } from "./attachments/content-type";
import { draftState, loadDraft, portalChannelFor, uploadLimitsFor, type LoadedDraft } from "./drafts";

/**
 * What the resident's draft pages read: the list of their drafts and one draft with its current
 * page. Scoped to the party of the session: another party's draft is not found.
 */

type Party = Extract<Actor, { kind: "party" }>;

export interface DraftListItem {
  id: string;
  productNameNl: string;
  productNameEn: string;
  updatedAt: Date;
  expiresAt: Date;
}

export async function listDrafts(party: Party): Promise<DraftListItem[]> {
  return withDb((db) =>
    db
      .select({ id: submissionDrafts.id, productNameNl: products.nameNl, productNameEn: products.nameEn, updatedAt: submissionDrafts.updatedAt, expiresAt: submissionDrafts.expiresAt })
      .from(submissionDrafts)
      .innerJoin(products, eq(products.id, submissionDrafts.productId))
      .where(and(eq(submissionDrafts.partyId, party.partyId), isNotNull(submissionDrafts.formVersionId)))
      .orderBy(desc(submissionDrafts.updatedAt), asc(submissionDrafts.id)),
  );
}

export async function countDrafts(party: Party): Promise<number> {
  const [row] = await withDb((db) => db.select({ n: count() }).from(submissionDrafts).where(and(eq(submissionDrafts.partyId, party.partyId), isNotNull(submissionDrafts.formVersionId))));
  return row?.n ?? 0;
}

export interface DraftView {
  loaded: LoadedDraft;
  state: ReturnType<typeof draftState>;
  /** Per file field: the limits that apply (field narrowed by the channel's conditions). */
  limits: Record<string, { maxBytes: number; maxCount: number; allowedTypes: FileTypeId[] }>;
}

/** A draft of the party with its current page and the upload limits of its file fields; null when not theirs or gone. */
export async function getDraftView(party: Party, draftId: string): Promise<DraftView | null> {
  if (!isUuid(draftId)) return null;
  return withDb(async (db) => {
    const loaded = await loadDraft(db, party.partyId, draftId);
    if (!loaded) return null;
    const channel = await portalChannelFor(db, loaded.product.id, loaded.draft.messageType);
    const limits: DraftView["limits"] = {};
    for (const step of loaded.definition.steps)
      for (const field of step.fields) {
        const l = field.kind === "file" ? uploadLimitsFor(loaded.definition, field.id, channel) : null;
        if (l) limits[field.id] = { maxBytes: l.maxBytes, maxCount: l.maxCount, allowedTypes: l.allowedTypes };
      }
    return { loaded, state: draftState(loaded), limits };
  });
}

/** A product's name for the "cannot start" page; null when there is no such active product. */
export async function productForStart(slug: string): Promise<{ slug: string; nameNl: string; nameEn: string; audience: "residents" | "businesses" | "both" } | null> {
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) return null;
  const [row] = await withDb((db) => db.select({ slug: products.slug, nameNl: products.nameNl, nameEn: products.nameEn, audience: products.audience }).from(products).where(and(eq(products.slug, slug), eq(products.active, true))));
  return row ?? null;
}
