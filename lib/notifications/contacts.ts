import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { channelConsents, contactChanges, emailVerifications, notificationAttempts, notifications, noticeKinds, partyContacts, type NoticeKind } from "@/db/schema/notifications";
import { env } from "../env";
import { termsIfSentAt } from "../inbox/effective-term";
import type { Locale } from "../i18n";
import { enqueue, enqueueMany } from "../jobs/runtime";
import { sendMailJob } from "../mail/jobs";
import { deliverNotificationJob } from "./jobs";
import { renderVerificationMail } from "./templates";

/**
 * Contact details and channel consent (R10, R11): the e-mail address (used only once verified
 * by a link sent to it), an optional mobile number, and per message type whether the party
 * receives it digitally. Every change is appended to contact_changes with its time and actor.
 * Functions take a transaction; callers (actions) check who may change what.
 */

export type ChangeActor = { kind: "party"; partyId: string } | { kind: "staff"; staffUserId: string } | { kind: "system"; name: string };

function actorColumns(actor: ChangeActor) {
  return { actorKind: actor.kind, actorId: actor.kind === "party" ? actor.partyId : actor.kind === "staff" ? actor.staffUserId : actor.name };
}

/** SHA-256 of a verification token, as stored. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface ContactSettings {
  email: string | null;
  emailVerifiedAt: Date | null;
  /** The newest unused link for the current address, when it is not verified yet. */
  pendingVerification: { expiresAt: Date } | null;
  mobile: string | null;
  /** Per message type: true digital, false not digital, null never chosen (not digital). */
  consents: Record<NoticeKind, boolean | null>;
}

/** A party's current contact details and consent. */
export async function contactSettings(db: DbOrTx, partyId: string): Promise<ContactSettings> {
  const [contact] = await db.select().from(partyContacts).where(eq(partyContacts.partyId, partyId));
  const rows = await db.select().from(channelConsents).where(eq(channelConsents.partyId, partyId));
  const consents = Object.fromEntries(noticeKinds.map((k) => [k, rows.find((r) => r.kind === k)?.digital ?? null])) as Record<NoticeKind, boolean | null>;
  let pendingVerification: ContactSettings["pendingVerification"] = null;
  if (contact?.email && !contact.emailVerifiedAt) {
    const [link] = await db
      .select({ expiresAt: emailVerifications.expiresAt })
      .from(emailVerifications)
      .where(and(eq(emailVerifications.partyId, partyId), eq(emailVerifications.email, contact.email), isNull(emailVerifications.usedAt)))
      .orderBy(desc(emailVerifications.createdAt))
      .limit(1);
    pendingVerification = link ?? null;
  }
  return { email: contact?.email ?? null, emailVerifiedAt: contact?.emailVerifiedAt ?? null, pendingVerification, mobile: contact?.mobile ?? null, consents };
}

/** Every change to a party's contact details and consent, newest first. */
export async function contactHistory(db: DbOrTx, partyId: string, limit = 100) {
  return db.select().from(contactChanges).where(eq(contactChanges.partyId, partyId)).orderBy(desc(contactChanges.at), desc(contactChanges.id)).limit(limit);
}

async function ensureContactRow(tx: DbOrTx, partyId: string) {
  await tx.insert(partyContacts).values({ partyId }).onConflictDoNothing();
}

/** Sends a new verification link to the party's current, unverified address. Older links stop working. */
export async function sendVerificationLink(tx: DbOrTx, partyId: string, language: Locale): Promise<"sent" | "nothing-to-verify"> {
  const [contact] = await tx.select().from(partyContacts).where(eq(partyContacts.partyId, partyId));
  if (!contact?.email || contact.emailVerifiedAt) return "nothing-to-verify";
  const e = env();
  // One link works at a time: a new one retires the older ones.
  await tx.update(emailVerifications).set({ usedAt: sql`now()` }).where(and(eq(emailVerifications.partyId, partyId), isNull(emailVerifications.usedAt)));
  const token = randomBytes(32).toString("base64url");
  const [link] = await tx
    .insert(emailVerifications)
    .values({ partyId, email: contact.email, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + e.notifications.verificationHours * 3600_000) })
    .returning({ id: emailVerifications.id });
  const mail = renderVerificationMail({ language, portalUrl: e.publicUrl, token, hours: e.notifications.verificationHours, municipality: e.municipality });
  await enqueue(tx, sendMailJob, { to: contact.email, subject: mail.subject, text: mail.text, html: mail.html, idempotencyKey: `email-verificatie-${link!.id}` });
  return "sent";
}

/**
 * Sets (or, with null, removes) the e-mail address. A new address is unverified until the link
 * sent to it is opened; notices wait for that. The same address again changes nothing.
 */
export async function changeEmail(tx: DbOrTx, actor: ChangeActor, partyId: string, email: string | null, language: Locale): Promise<"unchanged" | "verification-sent" | "removed"> {
  await ensureContactRow(tx, partyId);
  const [current] = await tx.select().from(partyContacts).where(eq(partyContacts.partyId, partyId)).for("update");
  if ((current?.email ?? null) === email) return "unchanged";
  await tx.update(partyContacts).set({ email, emailVerifiedAt: null, updatedAt: sql`now()` }).where(eq(partyContacts.partyId, partyId));
  await tx.insert(contactChanges).values({ partyId, change: email ? "email-set" : "email-removed", value: email, ...actorColumns(actor) });
  if (!email) {
    await tx.update(emailVerifications).set({ usedAt: sql`now()` }).where(and(eq(emailVerifications.partyId, partyId), isNull(emailVerifications.usedAt)));
    return "removed";
  }
  await sendVerificationLink(tx, partyId, language);
  return "verification-sent";
}

export type VerifyResult = { status: "verified"; partyId: string; resent: number } | { status: "expired" | "used" | "unknown" };

/**
 * Verifies an address with the token from the link (R11). A link works once, until it expires,
 * and only for the address it was sent to. Verifying sends again every notice that could not be
 * delivered for want of a working address; the new time of sending is what counts (R13).
 */
export async function verifyEmail(tx: DbOrTx, token: string, now = new Date()): Promise<VerifyResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: "unknown" };
  const [link] = await tx.select().from(emailVerifications).where(eq(emailVerifications.tokenHash, hashToken(token))).for("update");
  if (!link) return { status: "unknown" };
  if (link.usedAt) return { status: "used" };
  if (link.expiresAt.getTime() <= now.getTime()) return { status: "expired" };
  const [contact] = await tx.select().from(partyContacts).where(eq(partyContacts.partyId, link.partyId)).for("update");
  if (contact?.email !== link.email) {
    // The address was changed after this link was sent: it no longer verifies anything.
    await tx.update(emailVerifications).set({ usedAt: sql`now()` }).where(eq(emailVerifications.id, link.id));
    return { status: "used" };
  }
  await tx.update(emailVerifications).set({ usedAt: sql`now()` }).where(eq(emailVerifications.id, link.id));
  await tx.update(partyContacts).set({ emailVerifiedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(partyContacts.partyId, link.partyId));
  await tx.insert(contactChanges).values({ partyId: link.partyId, change: "email-verified", value: link.email, actorKind: "party", actorId: link.partyId });
  const resent = await resendUndelivered(tx, link.partyId);
  return { status: "verified", partyId: link.partyId, resent };
}

/** Failures a working address fixes. (Not "no-consent": that was the party's choice.) */
const ADDRESS_FAILURES = ["no-verified-address", "rejected", "retries-exhausted", "bounced"] as const;

/** Queues again the party's notices that failed for want of a working address; returns how many. */
export async function resendUndelivered(tx: DbOrTx, partyId: string): Promise<number> {
  const again = await tx
    .update(notifications)
    .set({ status: "queued", retryFrom: sql`now()`, nextAttemptAt: null, failedAt: null, failureReason: null, claimedAt: null })
    .where(and(eq(notifications.partyId, partyId), eq(notifications.status, "failed"), inArray(notifications.failureReason, [...ADDRESS_FAILURES])))
    .returning({ id: notifications.id, attemptCount: notifications.attemptCount, kind: notifications.kind, messageRef: notifications.messageRef });
  if (again.length === 0) return 0;
  // R12 with R13: the notice sent again names the end of the term counted from now, the new time of sending.
  const withTerm = again.filter((n) => n.messageRef && (n.kind === "decision" || n.kind === "information-request"));
  const ends = await termsIfSentAt(
    tx,
    withTerm.map((n) => n.messageRef!),
    new Date(),
  );
  for (const n of withTerm) {
    const endsOn = ends.get(n.messageRef!);
    if (endsOn) await tx.update(notifications).set({ termEndsOn: endsOn }).where(eq(notifications.id, n.id));
  }
  await tx.insert(notificationAttempts).values(again.map((n) => ({ notificationId: n.id, attempt: n.attemptCount, outcome: "queued" as const, detail: "Opnieuw verstuurd na een nieuw of bevestigd e-mailadres." })));
  await enqueueMany(
    tx,
    deliverNotificationJob,
    again.map((n) => ({ notificationId: n.id })),
  );
  return again.length;
}

/** Sets (or, with null, removes) the mobile number (already normalised). */
export async function changeMobile(tx: DbOrTx, actor: ChangeActor, partyId: string, mobile: string | null): Promise<"unchanged" | "changed"> {
  await ensureContactRow(tx, partyId);
  const [current] = await tx.select({ mobile: partyContacts.mobile }).from(partyContacts).where(eq(partyContacts.partyId, partyId)).for("update");
  if ((current?.mobile ?? null) === mobile) return "unchanged";
  await tx.update(partyContacts).set({ mobile, updatedAt: sql`now()` }).where(eq(partyContacts.partyId, partyId));
  await tx.insert(contactChanges).values({ partyId, change: mobile ? "mobile-set" : "mobile-removed", value: mobile, ...actorColumns(actor) });
  return "changed";
}

/** Sets the consent per message type; only real changes are stored and kept in the history. Returns the kinds that changed. */
export async function changeConsents(tx: DbOrTx, actor: ChangeActor, partyId: string, choice: Record<NoticeKind, boolean>): Promise<NoticeKind[]> {
  const rows = await tx.select().from(channelConsents).where(eq(channelConsents.partyId, partyId)).for("update");
  const changed: NoticeKind[] = [];
  for (const kind of noticeKinds) {
    const digital = choice[kind];
    const current = rows.find((r) => r.kind === kind);
    if (current && current.digital === digital) continue;
    // Never chosen counts as "not digital": ticking nothing for a new party is no change.
    if (!current && !digital) continue;
    await tx
      .insert(channelConsents)
      .values({ partyId, kind, digital })
      .onConflictDoUpdate({ target: [channelConsents.partyId, channelConsents.kind], set: { digital, updatedAt: sql`now()` } });
    await tx.insert(contactChanges).values({ partyId, change: "consent", kind, value: digital ? "digital" : "not-digital", ...actorColumns(actor) });
    changed.push(kind);
  }
  return changed;
}
