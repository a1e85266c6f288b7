import "server-only";
import type { Tx } from "@/db";
import type { Actor } from "../auth/policy";
import { amsterdamDate } from "../channels/designations";
import { inTransaction } from "../db";
import type { Locale } from "../i18n";
import { renderPdf } from "../pdf/document";
import { attachmentStore } from "../submissions/attachments";
import { addDraftAttachment, draftState, loadDraft, saveDraftState, startDraft } from "../submissions/drafts";
import { submitDraft, type SubmitOutcome } from "../submissions/submit";

/**
 * Demo only: an example objection (bezwaar) with one PDF attachment, submitted for the logged-in
 * party through the real path (draft, stored attachment, submitDraft in one transaction), so the
 * demo shows a receipt, a copy, an inbox message and a case without filling in the form.
 */

type PartyActor = Extract<Actor, { kind: "party" }>;

export const DEMO_PRODUCT = "bezwaar-maken";

/** The answers of the example objection; the decision was dated ten days before `now`. */
export function demoObjectionAnswers(now: Date): Record<string, unknown> {
  const decided = amsterdamDate(new Date(now.getTime() - 10 * 86_400_000));
  return {
    naam: "Demo Inwoner",
    adres: { postcode: "1234AB", houseNumber: "1", addition: "" },
    email: "demo@voorbeeldstad.example",
    telefoon: "0612345678",
    namens: "zelf",
    besluit: "Besluit over mijn parkeervergunning voor bewoners",
    kenmerk: "PV-2026-0042",
    besluitdatum: decided,
    gronden: "Ik ben het niet eens met het besluit.\nMijn auto staat op mijn naam en ik woon in de wijk.",
    horen: "nee",
    toelichting: "",
  };
}

async function* bytesOf(data: Uint8Array): AsyncIterable<Uint8Array> {
  yield data;
}

/** Submits the example objection for the party. Returns what submitDraft returned. */
export async function submitDemoObjection(actor: PartyActor, locale: Locale, now = new Date()): Promise<SubmitOutcome | { kind: "not-started"; reason: string }> {
  const started = await inTransaction((tx) => startDraft(tx, actor, DEMO_PRODUCT, { now }));
  if (started.kind !== "started") return { kind: "not-started", reason: started.kind };
  const pdf = await renderPdf({
    title: "Besluit parkeervergunning (voorbeeld)",
    issuer: "Gemeente Voorbeeldstad",
    language: "nl",
    createdAt: now,
    blocks: [
      { kind: "heading", text: "Besluit parkeervergunning (voorbeeld)" },
      { kind: "paragraph", text: "Dit is een voorbeeldbijlage uit de demo van MijnOmgeving." },
    ],
  });
  const blob = await attachmentStore().put(bytesOf(pdf), { maxBytes: 10_000_000, allowedTypes: ["pdf"] });
  return inTransaction(async (tx) => {
    const loaded = await loadDraft(tx, actor.partyId, started.draftId);
    if (!loaded) return { kind: "not-found" } as const;
    await saveDraftState(tx, loaded, { ...draftState(loaded), page: "check", values: demoObjectionAnswers(now) as never }, now);
    await addDraftAttachment(tx, started.draftId, { fieldId: "bijlagen", blobKey: blob.key, fileName: "besluit parkeervergunning.pdf", fileType: blob.type, sizeBytes: blob.size, sha256: blob.sha256 }, now);
    return submitDraft(tx as Tx, actor, started.draftId, { locale, now });
  });
}
