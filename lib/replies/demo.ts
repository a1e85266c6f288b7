import "server-only";
import { and, eq } from "drizzle-orm";
import { staffUsers } from "@/db/schema/identity";
import { cases } from "@/db/schema/submissions";
import type { Tx } from "@/db";
import type { Actor } from "../auth/policy";
import { inTransaction } from "../db";
import { changeCaseStatus } from "../cases/service";
import { sendMessage, type SendOutcome } from "../inbox/send";

/**
 * Demo only: the municipality's demo case handler (Bas Behandelaar, from the demo seed) sends the
 * logged-in party an example request for information (term: 5 days) or an example besluit about
 * one of the party's own cases, through the real sending path, so the demo can show replying and
 * objecting without a second browser.
 */

type PartyActor = Extract<Actor, { kind: "party" }>;

export const DEMO_HANDLER_EMAIL = "behandelaar@voorbeeldstad.example";

export async function sendDemoMessage(actor: PartyActor, caseId: string, kind: "information-request" | "decision", now = new Date()): Promise<SendOutcome | { kind: "no-handler" }> {
  return inTransaction(async (tx) => {
    const [own] = await tx.select({ id: cases.id, status: cases.status, updatedAt: cases.updatedAt }).from(cases).where(and(eq(cases.id, caseId), eq(cases.partyId, actor.partyId)));
    if (!own) return { kind: "not-found" } as const;
    const [handler] = await tx.select().from(staffUsers).where(and(eq(staffUsers.email, DEMO_HANDLER_EMAIL), eq(staffUsers.active, true)));
    if (!handler) return { kind: "no-handler" } as const;
    const staff = { kind: "staff" as const, staffUserId: handler.id, roles: ["behandelaar" as const], sessionId: "demo", displayName: handler.displayName };
    // A besluit is taken on a case in handling (lib/cases/transitions.ts): the demo handler takes it first, as a handler would.
    if (kind === "decision" && own.status === "received") {
      await changeCaseStatus(tx as Tx, staff, { caseId, expectedUpdatedAt: own.updatedAt, status: "in-progress", note: "", visibleToParty: false });
    }
    return sendMessage(tx as Tx, staff, {
      caseId,
      kind,
      subject: kind === "decision" ? "Besluit op uw bezwaar (voorbeeld)" : "Wij missen een document (voorbeeld)",
      body:
        kind === "decision"
          ? "Dit is een voorbeeldbesluit uit de demo van MijnOmgeving. Wij hebben besloten uw bezwaar ongegrond te verklaren."
          : "Dit is een voorbeeldvraag uit de demo van MijnOmgeving. Stuur ons een kopie van het besluit waartegen u bezwaar maakt.",
      term: kind === "information-request" ? { amount: 5, unit: "days" } : null,
      replacesMessageId: null,
      now,
    });
  });
}
