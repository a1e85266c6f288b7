import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { staffUsers } from "@/db/schema";
import { cases } from "@/db/schema/submissions";
import type { Actor } from "../auth/policy";
import { submitDemoObjection } from "../cases/demo";
import { inTransaction, withDb } from "../db";
import type { Locale } from "../i18n";
import { renderPdf } from "../pdf/document";
import { attachmentStore } from "../submissions/attachments";
import { sendMessage, type SendMessageInput } from "./send";

/**
 * Demo only: fills the logged-in party's inbox with one example of each kind of official
 * message, sent through the real path (sendMessage: term, objection clause, attachment, case
 * event, notice). It submits the demo's example objection first (that gives the case and a
 * receipt), then the demo case handler (Bas Behandelaar, from the seed) sends, a minute apart:
 * a request for information with a term of two weeks, an information message, a besluit with a
 * PDF, and a correction of that besluit.
 */

type PartyActor = Extract<Actor, { kind: "party" }>;

export const DEMO_HANDLER_EMAIL = "behandelaar@voorbeeldstad.example";

export type DemoMessagesOutcome = { kind: "sent"; messageIds: string[] } | { kind: "failed"; reason: string };

async function* bytesOf(data: Uint8Array): AsyncIterable<Uint8Array> {
  yield data;
}

export async function sendDemoMessages(actor: PartyActor, locale: Locale, now = new Date()): Promise<DemoMessagesOutcome> {
  const handler = await withDb(async (db) => (await db.select().from(staffUsers).where(eq(staffUsers.email, DEMO_HANDLER_EMAIL)))[0]);
  if (!handler) return { kind: "failed", reason: "no-demo-handler" };
  const staff: Extract<Actor, { kind: "staff" }> = { kind: "staff", staffUserId: handler.id, roles: ["behandelaar"], sessionId: "demo", displayName: handler.displayName };

  const minute = 60_000;
  const submitted = await submitDemoObjection(actor, locale, new Date(now.getTime() - 5 * minute));
  if (submitted.kind !== "submitted") return { kind: "failed", reason: `objection-${submitted.kind}` };
  const caseId = await withDb(async (db) => (await db.select({ id: cases.id }).from(cases).where(eq(cases.submissionId, submitted.submissionId)))[0]?.id);
  if (!caseId) return { kind: "failed", reason: "no-case" };

  const pdf = await renderPdf({
    title: "Besluit op uw bezwaar (voorbeeld)",
    issuer: "Gemeente Voorbeeldstad",
    language: "nl",
    createdAt: now,
    blocks: [
      { kind: "heading", text: "Besluit op uw bezwaar (voorbeeld)" },
      { kind: "paragraph", text: "Dit is een voorbeeldbesluit uit de demo van MijnOmgeving." },
    ],
  });
  const blob = await attachmentStore().put(bytesOf(pdf), { maxBytes: 10_000_000, allowedTypes: ["pdf"] });

  const messages: Omit<SendMessageInput, "caseId">[] = [
    {
      kind: "information-request",
      subject: "Wij missen een kopie van uw kentekenbewijs",
      body: "Om uw bezwaar te behandelen hebben wij een kopie van uw kentekenbewijs nodig. Stuur die via Reageren.",
      term: { amount: 2, unit: "weeks" },
      replacesMessageId: null,
    },
    { kind: "information", subject: "Uw bezwaar is in behandeling", body: "Wij hebben uw bezwaar in behandeling genomen. U hoort binnen zes weken van ons.", term: null, replacesMessageId: null },
    {
      kind: "decision",
      subject: "Besluit op uw bezwaar",
      body: "Wij hebben besloten uw bezwaar gegrond te verklaren. U krijgt alsnog een parkeervergunning.",
      term: null,
      replacesMessageId: null,
      attachments: [{ blobKey: blob.key, fileName: "besluit op bezwaar.pdf", fileType: blob.type, sizeBytes: blob.size, sha256: blob.sha256 }],
    },
  ];
  const messageIds: string[] = [];
  for (const [index, message] of messages.entries()) {
    const outcome = await inTransaction((tx) => sendMessage(tx as Tx, staff, { ...message, caseId, locale, now: new Date(now.getTime() - (4 - index) * minute) }));
    if (outcome.kind !== "sent") return { kind: "failed", reason: `send-${outcome.kind}` };
    messageIds.push(outcome.messageId);
  }
  const correction = await inTransaction((tx) =>
    sendMessage(tx as Tx, staff, {
      caseId,
      kind: "decision",
      subject: "Correctie: besluit op uw bezwaar",
      body: "In ons besluit stond een verkeerde datum. Dit is het juiste besluit: wij verklaren uw bezwaar gegrond, de vergunning geldt vanaf 1 januari.",
      term: null,
      replacesMessageId: messageIds[2]!,
      locale,
      now,
    }),
  );
  if (correction.kind !== "sent") return { kind: "failed", reason: `send-${correction.kind}` };
  messageIds.push(correction.messageId);
  return { kind: "sent", messageIds };
}
