import "server-only";
import { DatabaseUnavailableError } from "@/db";
import { can, type Actor } from "../auth/policy";
import { withDb } from "../db";
import { notFoundPage } from "../http/not-found";
import { listEquatedDays, loadEquatedDays, type EquatedDayRecord } from "./equated-days";
import type { CheckedTerm } from "./input";
import { computeTerm, type TermResult } from "./terms";

/**
 * What pages and the API read about terms. Equated days are public law (published in the
 * Staatscourant), so calculating a term needs no login; the admin list needs catalogue:manage.
 */

/** A term under the Atw, with the equated days from the database. */
export async function calculateTerm(term: CheckedTerm): Promise<TermResult> {
  const equated = await withDb((db) => loadEquatedDays(db));
  return computeTerm({ ...term, equatedDays: equated });
}

/** calculateTerm for callers that answer "unavailable" themselves (the JSON API) instead of showing the error page. */
export async function tryCalculateTerm(term: CheckedTerm): Promise<{ ok: true; result: TermResult } | { ok: false; reason: "database-unavailable" }> {
  try {
    return { ok: true, result: await calculateTerm(term) };
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) return { ok: false, reason: "database-unavailable" };
    throw error;
  }
}

/** Every equated day with who added it, for admins; anyone else gets "not found". */
export async function listEquatedDaysForAdmin(actor: Actor | null): Promise<EquatedDayRecord[]> {
  if (!can(actor, "catalogue:manage")) notFoundPage();
  return withDb((db) => listEquatedDays(db));
}
