import { recordProcessing } from "../audit/processing-log";
import { inTransaction } from "../db";
import { isValidBsn, normaliseBsn } from "../parties/bsn";
import { normaliseBranchNumber, normaliseKvkNumber } from "../parties/kvk";
import { findOrCreateBusiness, findOrCreatePerson } from "../parties/service";
import { parseAssuranceLevel, type AssuranceLevel } from "./levels";
import { startSession, type StartedSession } from "./session";

/**
 * Logging in residents (DigiD) and businesses (eHerkenning), through a broker or a simulator:
 * check what the identity provider said, find or create the party, start our own session and
 * record the identification in the processing log, all in one transaction.
 */

/** Why a login could not be finished; each has its own explanation on /inloggen/fout. */
export const loginFailureReasons = [
  "geannuleerd",
  "bsn-ontbreekt",
  "bsn-ongeldig",
  "kvk-ontbreekt",
  "kvk-ongeldig",
  "niveau-onbekend",
  "storing",
  "mislukt",
  "niet-beschikbaar",
] as const;
export type LoginFailureReason = (typeof loginFailureReasons)[number];

export function isLoginFailureReason(value: unknown): value is LoginFailureReason {
  return typeof value === "string" && (loginFailureReasons as readonly string[]).includes(value);
}

/** Where the resident goes after logging in when they did not come from a page. */
export const DEFAULT_RETURN_PATH = "/mijn";

// Paths that would loop back into logging in or out.
const NO_RETURN = /^\/(inloggen|uitgelogd|api\/)/;

/**
 * The `terug` path made safe: only a path on this site ("/mijn?x=1"), never another host
 * ("//evil.example", "https://...", "/\\evil"), never the login pages themselves.
 */
export function safeReturnPath(value: unknown, fallback = DEFAULT_RETURN_PATH): string {
  if (typeof value !== "string" || value.length > 1000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\") || /[\u0000-\u001f]/.test(value)) return fallback;
  try {
    const parsed = new URL(value, "http://portal.invalid");
    if (parsed.origin !== "http://portal.invalid") return fallback;
    const path = parsed.pathname + parsed.search + parsed.hash;
    return NO_RETURN.test(path) || path === "/inloggen" ? fallback : path;
  } catch {
    return fallback;
  }
}

export type ResidentIdentity =
  | { kind: "person"; bsn: string; level: AssuranceLevel; method: "digid" | "digid-simulator"; displayName?: string | null }
  | { kind: "business"; kvk: string; branch: string | null; level: AssuranceLevel; method: "eherkenning" | "eherkenning-simulator"; displayName?: string | null };

/** Checks the claims a DigiD broker sent; the BSN and level claims are named by configuration. */
export function identityFromDigidClaims(claims: Record<string, unknown>, names: { bsnClaim: string; levelClaim: string }): ResidentIdentity | LoginFailureReason {
  const rawBsn = claims[names.bsnClaim];
  if (typeof rawBsn !== "string" && typeof rawBsn !== "number") return "bsn-ontbreekt";
  const bsn = normaliseBsn(String(rawBsn));
  if (!bsn || !isValidBsn(bsn)) return "bsn-ongeldig";
  const level = parseAssuranceLevel(claims[names.levelClaim], "digid");
  if (!level) return "niveau-onbekend";
  return { kind: "person", bsn, level, method: "digid" };
}

/** Checks the claims an eHerkenning broker sent: KvK number, optional branch number, level. */
export function identityFromEherkenningClaims(
  claims: Record<string, unknown>,
  names: { kvkClaim: string; branchClaim: string; levelClaim: string },
): ResidentIdentity | LoginFailureReason {
  const rawKvk = claims[names.kvkClaim];
  if (typeof rawKvk !== "string" && typeof rawKvk !== "number") return "kvk-ontbreekt";
  const kvk = normaliseKvkNumber(String(rawKvk));
  if (!kvk) return "kvk-ongeldig";
  const rawBranch = claims[names.branchClaim];
  let branch: string | null = null;
  if (rawBranch !== undefined && rawBranch !== null && rawBranch !== "") {
    branch = normaliseBranchNumber(String(rawBranch));
    if (!branch) return "kvk-ongeldig";
  }
  const level = parseAssuranceLevel(claims[names.levelClaim], "eherkenning");
  if (!level) return "niveau-onbekend";
  return { kind: "business", kvk, branch, level, method: "eherkenning" };
}

/** Finds or creates the party, starts its session and logs the identification, in one transaction. */
export async function completeResidentLogin(identity: ResidentIdentity): Promise<StartedSession & { partyId: string }> {
  return inTransaction(async (tx) => {
    const party =
      identity.kind === "person"
        ? await findOrCreatePerson(tx, identity.bsn, identity.displayName)
        : await findOrCreateBusiness(tx, identity.kvk, identity.branch, identity.displayName);
    const started = await startSession(tx, { partyId: party.id, method: identity.method, assuranceLevel: identity.level });
    await recordProcessing(tx, {
      operation: identity.kind === "person" ? "login.digid" : "login.eherkenning",
      activity: "identificatie",
      purpose: identity.kind === "person" ? "Inloggen met DigiD" : "Inloggen met eHerkenning",
      subject: { partyId: party.id, kind: party.kind },
      actor: { kind: "system", name: "inloggen" },
    });
    return { ...started, partyId: party.id };
  });
}
