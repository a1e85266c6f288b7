import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@/db";
import { seedDemoData } from "@/db/seed";
import { startJobs, stopJobs } from "@/lib/jobs/runtime";
import { deliverNotificationJob } from "@/lib/notifications/jobs";
import { attachmentStore } from "@/lib/submissions/attachments/configured";
import { deleteExpiredDrafts, noticeExpiringDrafts } from "@/lib/submissions/draft-expiry";
import { loadDraft, type SubmittingParty } from "@/lib/submissions/drafts";
import { postDraftStep, removeFromDraft, startFromProduct, uploadToDraft } from "@/lib/submissions/flow";
import { testDatabases, useTestDatabase } from "../support/database";

const { parties, channelDesignations, channels, products, submissions, notifications, submissionDrafts, draftAttachments } = schema;

/** The start of a real PDF, then filler: enough for the type to be read from the bytes. */
function pdf(bytes = 2000): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(new ArrayBuffer(bytes)).fill(0x20);
  out.set(new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), 0);
  return out;
}
/** A Windows program, named as if it were a PDF. */
const exe = () => {
  const out = new Uint8Array(new ArrayBuffer(3000));
  out.set([0x4d, 0x5a, 0x90, 0x00, 0x03], 0);
  return out;
};

const BASE = "http://localhost:3430";

function multipart(path: string, parts: [string, string | File][], headers: Record<string, string> = {}): Request {
  const body = new FormData();
  for (const [name, value] of parts) body.append(name, value);
  return new Request(`${BASE}${path}`, { method: "POST", body, headers });
}

function urlencoded(path: string, fields: Record<string, string>): Request {
  return new Request(`${BASE}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { "content-type": "application/x-www-form-urlencoded" } });
}

async function exists(key: string): Promise<boolean> {
  try {
    for await (const _ of attachmentStore().open(key)) return true;
    return true;
  } catch {
    return false;
  }
}

describe.each(testDatabases())("the resident's way through a submission on %s", (kind) => {
  const database = useTestDatabase(kind);
  let seeded = false;
  let bsn = 0;
  beforeAll(() => startJobs({ handle: database.handle, role: "web", jobs: [deliverNotificationJob] }), 60_000);
  afterAll(() => stopJobs(), 60_000);

  async function party(): Promise<SubmittingParty> {
    if (!seeded) {
      await seedDemoData(database.db);
      seeded = true;
    }
    const [row] = await database.db.insert(parties).values({ kind: "business", kvkNumber: String(72000000 + ++bsn) }).returning({ id: parties.id });
    return { kind: "party", partyId: row!.id, partyKind: "business", sessionId: "test", level: "eh3" };
  }

  async function started(p: SubmittingParty, slug = "klacht-indienen"): Promise<string> {
    const outcome = await startFromProduct(p, slug);
    expect(outcome.kind).toBe("redirect");
    const match = outcome.kind === "redirect" ? /^\/mijn\/aanvragen\/([0-9a-f-]{36})$/.exec(outcome.location) : null;
    expect(match).not.toBeNull();
    return match![1]!;
  }

  /** Walks a complaint to its last step (attachments) through the route logic, as a browser without JavaScript would post. */
  async function toAttachmentsStep(p: SubmittingParty, draftId: string) {
    const post = (fields: Record<string, string>) => postDraftStep(urlencoded(`/mijn/aanvragen/${draftId}`, fields), p, draftId, { locale: "nl" });
    expect(await post({ pagina: "0", actie: "next", naam: "Jan de Vries", email: "jan@example.org", telefoon: "" })).toEqual({ kind: "redirect", location: `/mijn/aanvragen/${draftId}` });
    expect(await post({ pagina: "1", actie: "next", datum: "02-11-2026", afdeling: "balie", wat: "Ik moest twee uur wachten aan de balie.", verwachting: "", contact: "email" })).toEqual({
      kind: "redirect",
      location: `/mijn/aanvragen/${draftId}`,
    });
    const loaded = await loadDraft(database.db, p.partyId, draftId);
    expect(loaded?.draft.page).toBe("2");
  }

  it("a step with errors comes back with every error and every value kept", async () => {
    const p = await party();
    const draftId = await started(p);
    const outcome = await postDraftStep(urlencoded(`/mijn/aanvragen/${draftId}`, { pagina: "0", actie: "next", naam: "J", email: "geen-adres", telefoon: "0612" }), p, draftId, { locale: "nl" });
    expect(outcome).toEqual({ kind: "redirect", location: `/mijn/aanvragen/${draftId}#foutmeldingen` });
    const loaded = await loadDraft(database.db, p.partyId, draftId);
    expect(loaded!.draft.page).toBe("0");
    expect(loaded!.draft.answers).toMatchObject({ naam: "J", email: "geen-adres", telefoon: "0612" });
    expect(loaded!.draft.errors.map((e) => e.field)).toEqual(expect.arrayContaining(["f-naam", "f-email"]));
  });

  it("without JavaScript: a refused file gets its reason at once, the accepted file is kept, and so is every value posted with them", async () => {
    const p = await party();
    const draftId = await started(p);
    await toAttachmentsStep(p, draftId);
    const outcome = await postDraftStep(
      multipart(`/mijn/aanvragen/${draftId}`, [
        ["pagina", "2"],
        ["toelichting", "Zie de foto en de brief."],
        ["bijlagen", new File([pdf()], "brief.pdf", { type: "application/pdf" })],
        ["bijlagen", new File([exe()], "factuur.pdf", { type: "application/pdf" })],
        ["actie", "next"],
      ]),
      p,
      draftId,
      { locale: "nl" },
    );
    expect(outcome).toEqual({ kind: "redirect", location: `/mijn/aanvragen/${draftId}#foutmeldingen` });
    const loaded = (await loadDraft(database.db, p.partyId, draftId))!;
    expect(loaded.draft.page).toBe("2"); // stays on the page with the refused file
    expect(loaded.draft.answers).toMatchObject({ toelichting: "Zie de foto en de brief.", naam: "Jan de Vries", wat: "Ik moest twee uur wachten aan de balie." });
    expect(loaded.attachments.map((a) => [a.fileName, a.fileType, a.sizeBytes])).toEqual([["brief.pdf", "pdf", 2000]]);
    expect(await exists(loaded.attachments[0]!.blobKey)).toBe(true);
    expect(loaded.draft.errors).toEqual([{ field: "f-bijlagen", message: expect.stringContaining("factuur.pdf") }]);
    expect(loaded.draft.errors[0]!.message).toMatch(/Wij kunnen niet zien wat voor bestand factuur\.pdf is\..*PDF/);

    // Going on now: the page is checked and the check page follows; then submitting lands on the receipt, twice on the same one.
    expect(await postDraftStep(urlencoded(`/mijn/aanvragen/${draftId}`, { pagina: "2", actie: "next", toelichting: "Zie de brief." }), p, draftId, { locale: "nl" })).toEqual({ kind: "redirect", location: `/mijn/aanvragen/${draftId}` });
    const first = await postDraftStep(urlencoded(`/mijn/aanvragen/${draftId}`, { pagina: "check", actie: "submit" }), p, draftId, { locale: "nl" });
    const second = await postDraftStep(urlencoded(`/mijn/aanvragen/${draftId}`, { pagina: "check", actie: "submit" }), p, draftId, { locale: "nl" });
    expect(first.kind).toBe("redirect");
    expect(second).toEqual(first);
    const [stored] = await database.db.select().from(submissions).where(eq(submissions.partyId, p.partyId));
    expect(first).toEqual({ kind: "redirect", location: `/mijn/inzendingen/${stored!.id}` });
    expect(stored!.payload).toMatchObject({ toelichting: "Zie de brief." });
  });

  it("the limits come from the channel's conditions: a file over the register's size is refused with that limit", async () => {
    const p = await party();
    const draftId = await started(p);
    await toAttachmentsStep(p, draftId);
    const [product] = await database.db.select({ id: products.id }).from(products).where(eq(products.slug, "klacht-indienen"));
    const [portal] = await database.db.select({ id: channels.id }).from(channels).where(eq(channels.kind, "portal-form"));
    const where = and(eq(channelDesignations.productId, product!.id), eq(channelDesignations.channelId, portal!.id));
    const [before] = await database.db.select({ max: channelDesignations.maxFileSizeMb }).from(channelDesignations).where(where);
    await database.db.update(channelDesignations).set({ maxFileSizeMb: 1 }).where(where);
    try {
      const big = new File([pdf(1024 * 1024 + 10)], "scan.pdf", { type: "application/pdf" });
      const json = await uploadToDraft(multipart(`/mijn/aanvragen/${draftId}/bijlagen`, [["veld", "bijlagen"], ["bestand", big]], { accept: "application/json" }), p, draftId, { locale: "nl" });
      expect(json).toEqual({ kind: "refused", status: 413, fieldId: "bijlagen", message: "scan.pdf is te groot. Een bestand mag hier hoogstens 1 MB zijn. Maak het bestand kleiner of stuur het in delen." });
      const small = await uploadToDraft(multipart(`/mijn/aanvragen/${draftId}/bijlagen`, [["veld", "bijlagen"], ["bestand", new File([pdf(5000)], "brief.pdf")]]), p, draftId, { locale: "nl" });
      expect(small).toMatchObject({ kind: "added", attachment: { name: "brief.pdf", size: 5000, type: "pdf", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      // An empty file and a type the field does not take get their own reasons.
      const empty = await uploadToDraft(multipart(`/mijn/aanvragen/${draftId}/bijlagen`, [["veld", "bijlagen"], ["bestand", new File([new Uint8Array(0)], "leeg.pdf")]]), p, draftId, { locale: "nl" });
      expect(empty).toMatchObject({ kind: "refused", message: expect.stringContaining("leeg.pdf is leeg") });
      const text = await uploadToDraft(multipart(`/mijn/aanvragen/${draftId}/bijlagen`, [["veld", "bijlagen"], ["bestand", new File(["gewoon tekst\n"], "notitie.txt")]]), p, draftId, { locale: "nl" });
      expect(text).toMatchObject({ kind: "refused", status: 415, message: expect.stringMatching(/notitie\.txt is een Tekstbestand\..*Dit kan wel: PDF, PNG-afbeelding, JPG-foto\./) });

      // Removing takes the row and, after the commit, the bytes.
      const loaded = (await loadDraft(database.db, p.partyId, draftId))!;
      const key = loaded.attachments[0]!.blobKey;
      expect(await removeFromDraft(p, draftId, loaded.attachments[0]!.id)).toEqual({ kind: "removed", name: "brief.pdf" });
      expect((await loadDraft(database.db, p.partyId, draftId))!.attachments).toEqual([]);
      expect(await exists(key)).toBe(false);
    } finally {
      await database.db.update(channelDesignations).set({ maxFileSizeMb: before!.max }).where(where);
    }
  });

  it("another party's draft is not found for a post, an upload or a removal", async () => {
    const owner = await party();
    const other = await party();
    const draftId = await started(owner);
    expect(await postDraftStep(urlencoded(`/mijn/aanvragen/${draftId}`, { pagina: "0", actie: "save", naam: "X" }), other, draftId, { locale: "nl" })).toEqual({ kind: "not-found" });
    expect(await uploadToDraft(multipart(`/mijn/aanvragen/${draftId}/bijlagen`, [["veld", "bijlagen"], ["bestand", new File([pdf()], "a.pdf")]]), other, draftId, { locale: "nl" })).toEqual({ kind: "not-found" });
    expect((await loadDraft(database.db, owner.partyId, draftId))!.draft.answers).not.toMatchObject({ naam: "X" });
  });

  it("save and continue later keeps what was typed without checking it", async () => {
    const p = await party();
    const draftId = await started(p);
    expect(await postDraftStep(urlencoded(`/mijn/aanvragen/${draftId}`, { pagina: "0", actie: "save", naam: "J", email: "" }), p, draftId, { locale: "nl" })).toEqual({ kind: "redirect", location: "/mijn/aanvragen?opgeslagen=1" });
    const loaded = (await loadDraft(database.db, p.partyId, draftId))!;
    expect(loaded.draft).toMatchObject({ page: "0", errors: [], answers: { naam: "J", email: "" } });
  });

  it("submissions.expire-drafts: a notice once for drafts about to expire, then the draft and its files are deleted", async () => {
    const p = await party();
    const draftId = await started(p);
    const blob = await attachmentStore().put(
      (async function* () {
        yield pdf();
      })(),
      { maxBytes: 1_000_000 },
    );
    await database.db.insert(draftAttachments).values({ draftId, fieldId: "bijlagen", blobKey: blob.key, fileName: "a.pdf", fileType: "pdf", sizeBytes: blob.size, sha256: blob.sha256 });
    const now = new Date("2027-03-01T10:00:00Z");
    // Expires in 3 days (within the 7-day notice period): one notice, with the last day as the term.
    await database.db.update(submissionDrafts).set({ expiresAt: new Date("2027-03-04T10:00:00Z") }).where(eq(submissionDrafts.id, draftId));
    expect(await noticeExpiringDrafts(database.db, now, 7)).toBeGreaterThanOrEqual(1);
    expect(await noticeExpiringDrafts(database.db, now, 7)).toBe(0);
    const notices = await database.db.select().from(notifications).where(and(eq(notifications.partyId, p.partyId), eq(notifications.kind, "draft-expiring")));
    expect(notices).toEqual([expect.objectContaining({ termEndsOn: "2027-03-04" })]);
    expect((await loadDraft(database.db, p.partyId, draftId))!.draft.expiryNoticeSentAt).toEqual(now);

    // Not yet expired: kept. Past the expiry: gone, with its file's bytes.
    expect(await deleteExpiredDrafts(database.db, now)).toBeGreaterThanOrEqual(0);
    expect(await loadDraft(database.db, p.partyId, draftId)).not.toBeNull();
    expect(await deleteExpiredDrafts(database.db, new Date("2027-03-04T10:00:01Z"))).toBeGreaterThanOrEqual(1);
    expect(await loadDraft(database.db, p.partyId, draftId)).toBeNull();
    const [left] = await database.db.select({ n: count() }).from(draftAttachments).where(eq(draftAttachments.draftId, draftId));
    expect(left!.n).toBe(0);
    expect(await exists(blob.key)).toBe(false);
  });
});
