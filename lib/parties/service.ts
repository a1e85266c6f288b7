import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { parties } from "@/db/schema/identity";
import { partyDataKey } from "../secrets";
import { isValidBsn, normaliseBsn } from "./bsn";
import { bsnLookupHash, encryptBsn } from "./bsn-protection";
import { normaliseBranchNumber, normaliseKvkNumber } from "./kvk";

/**
 * Finding and creating parties at login. A person is found by the keyed hash of their BSN, a
 * business by KvK number (and branch number). The first login creates the party.
 */

export interface PartyRef {
  id: string;
  kind: "person" | "business";
}

/** The party of a person with this BSN, created on first login. Throws on an invalid BSN. */
export async function findOrCreatePerson(db: DbOrTx, bsnInput: string, displayName?: string | null): Promise<PartyRef> {
  const bsn = normaliseBsn(bsnInput);
  if (!bsn || !isValidBsn(bsn)) throw new Error("Not a valid BSN.");
  const key = partyDataKey();
  const hash = bsnLookupHash(bsn, key);
  const [created] = await db
    .insert(parties)
    .values({ kind: "person", bsnHash: hash, bsnSealed: encryptBsn(bsn, key), displayName: displayName ?? null, lastLoginAt: sql`now()` })
    .onConflictDoNothing()
    .returning({ id: parties.id });
  if (created) return { id: created.id, kind: "person" };
  const [existing] = await db
    .update(parties)
    .set({ lastLoginAt: sql`now()`, ...(displayName ? { displayName } : {}) })
    .where(eq(parties.bsnHash, hash))
    .returning({ id: parties.id });
  return { id: existing!.id, kind: "person" };
}

/** The party of a business (or one branch of it), created on first login. Throws on an invalid number. */
export async function findOrCreateBusiness(db: DbOrTx, kvkInput: string, branchInput?: string | null, displayName?: string | null): Promise<PartyRef> {
  const kvk = normaliseKvkNumber(kvkInput);
  if (!kvk) throw new Error("Not a valid KvK number.");
  const branch = branchInput ? normaliseBranchNumber(branchInput) : null;
  if (branchInput && !branch) throw new Error("Not a valid branch number.");
  const [created] = await db
    .insert(parties)
    .values({ kind: "business", kvkNumber: kvk, branchNumber: branch, displayName: displayName ?? null, lastLoginAt: sql`now()` })
    .onConflictDoNothing()
    .returning({ id: parties.id });
  if (created) return { id: created.id, kind: "business" };
  const [existing] = await db
    .update(parties)
    .set({ lastLoginAt: sql`now()`, ...(displayName ? { displayName } : {}) })
    .where(and(eq(parties.kvkNumber, kvk), branch ? eq(parties.branchNumber, branch) : isNull(parties.branchNumber)))
    .returning({ id: parties.id });
  return { id: existing!.id, kind: "business" };
}
