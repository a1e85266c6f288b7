import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { channelConsents, notificationAttempts, notifications, partyContacts, type FailureReason } from "@/db/schema/notifications";
import { parties } from "@/db/schema/identity";
import { recordProcessing } from "../audit/processing-log";
import { inTransaction } from "../db";
import { env } from "../env";
import { enqueue } from "../jobs/runtime";
import { mailTransport } from "../mail";
import { describeMailFailure } from "../mail/transport";
import { nextRetryAt } from "./backoff";
import { openFallbackTask } from "./fallback-open";
import { deliverNotificationJob } from "./jobs";
import { notificationMailKey } from "./notify";
import { renderNotice, type RenderedMail } from "./templates";

/**
 * Delivering one notification: claim it, check consent and the verified address, render, send
 * through the mail transport, and record the outcome. Every step leaves a row in
 * notification_attempts (the proof, R16).
 *
 * Exactly one worker sends: the claim is a conditional UPDATE (queued/retrying -> sending) that
 * only one transaction can win. A worker that dies while sending leaves the claim; after
 * NOTIFICATION_CLAIM_TIMEOUT_SECONDS (10 minutes) another run may take it and send again, with the same Message-ID (the
 * only case where a notice goes out twice).
 */


const SYSTEM = { kind: "system", name: "notification-worker" } as const;

export type DeliveryResult = "skipped" | "delivered" | "retrying" | "failed";

interface Claimed {
  id: string;
  partyId: string;
  partyKind: "person" | "business";
  kind: (typeof notifications.$inferSelect)["kind"];
  language: "nl" | "en";
  messageRef: string | null;
  termEndsOn: string | null;
  attempt: number;
  retryFrom: Date;
}

async function fail(tx: DbOrTx, claimed: Claimed, reason: FailureReason, attempt: { outcome: "permanent-failure" | "temporary-failure"; recipient: string | null; responseCode?: number | null; detail: string }): Promise<void> {
  await tx.insert(notificationAttempts).values({ notificationId: claimed.id, attempt: claimed.attempt, outcome: attempt.outcome, recipient: attempt.recipient, responseCode: attempt.responseCode ?? null, detail: attempt.detail });
  await tx
    .update(notifications)
    .set({ status: "failed", failedAt: sql`now()`, failureReason: reason, claimedAt: null, nextAttemptAt: null, recipient: attempt.recipient })
    .where(and(eq(notifications.id, claimed.id), eq(notifications.status, "sending"), eq(notifications.attemptCount, claimed.attempt)));
  await openFallbackTask(tx, { partyId: claimed.partyId, notificationId: claimed.id, reason });
}

/** Claims, checks, sends and records one notification. Returns what happened; "skipped" when there was nothing to do. */
export async function deliverNotification(notificationId: string, options: { random?: () => number } = {}): Promise<DeliveryResult> {
  const e = env();
  // 1. Claim, and decide whether we may send at all, in one short transaction.
  const claim = await inTransaction(async (tx) => {
    const [row] = await tx
      .update(notifications)
      .set({ status: "sending", attemptCount: sql`${notifications.attemptCount} + 1`, claimedAt: sql`now()` })
      .where(
        and(
          eq(notifications.id, notificationId),
          sql`(${notifications.status} in ('queued', 'retrying') or (${notifications.status} = 'sending' and ${notifications.claimedAt} < now() - make_interval(secs => ${e.notifications.claimTimeoutSeconds})))`,
        ),
      )
      .returning();
    if (!row) return null;
    const [party] = await tx.select({ kind: parties.kind }).from(parties).where(eq(parties.id, row.partyId));
    const claimed: Claimed = {
      id: row.id,
      partyId: row.partyId,
      partyKind: party!.kind,
      kind: row.kind,
      language: row.language,
      messageRef: row.messageRef,
      termEndsOn: row.termEndsOn,
      attempt: row.attemptCount,
      retryFrom: row.retryFrom,
    };
    const [consent] = await tx.select({ digital: channelConsents.digital }).from(channelConsents).where(and(eq(channelConsents.partyId, row.partyId), eq(channelConsents.kind, row.kind)));
    const [contact] = await tx.select().from(partyContacts).where(eq(partyContacts.partyId, row.partyId));
    if (!consent?.digital) {
      await fail(tx, claimed, "no-consent", { outcome: "permanent-failure", recipient: null, detail: "Geen toestemming voor digitale berichten van dit soort." });
      return { claimed, recipient: null };
    }
    if (!contact?.email || !contact.emailVerifiedAt) {
      await fail(tx, claimed, "no-verified-address", { outcome: "permanent-failure", recipient: contact?.email ?? null, detail: "Geen bevestigd e-mailadres." });
      return { claimed, recipient: null };
    }
    await tx.insert(notificationAttempts).values({ notificationId: row.id, attempt: row.attemptCount, outcome: "sending", recipient: contact.email });
    await tx.update(notifications).set({ recipient: contact.email }).where(eq(notifications.id, row.id));
    return { claimed, recipient: contact.email };
  });
  if (!claim) return "skipped";
  if (!claim.recipient) return "failed";
  const { claimed, recipient } = claim;

  // 2. Render. A template that cannot render is our fault: it fails visibly, and a person takes over.
  let mail: RenderedMail;
  try {
    mail = renderNotice({ kind: claimed.kind, language: claimed.language, portalUrl: e.publicUrl, municipality: e.municipality, termEndsOn: claimed.termEndsOn, messageRef: claimed.messageRef });
  } catch (error) {
    await inTransaction((tx) => fail(tx, claimed, "template-error", { outcome: "permanent-failure", recipient, detail: `Sjabloon kon niet worden gemaakt: ${(error as Error).message}`.slice(0, 500) }));
    throw error;
  }

  // 3. Send, outside any transaction. The same key gives the same Message-ID on every attempt.
  let sent: { response: string } | null = null;
  let failure: ReturnType<typeof describeMailFailure> | null = null;
  try {
    sent = await mailTransport().send({ from: e.mailFrom, to: recipient, subject: mail.subject, text: mail.text, html: mail.html, idempotencyKey: notificationMailKey(claimed.id) });
  } catch (error) {
    failure = describeMailFailure(error);
  }

  // 4. Record the outcome; the conditional UPDATE makes sure we still own the claim.
  return inTransaction(async (tx) => {
    await recordProcessing(tx, {
      operation: "notification.send",
      activity: "berichtenverkeer",
      purpose: "Notificatie sturen dat er een bericht klaarstaat",
      subject: { partyId: claimed.partyId, kind: claimed.partyKind },
      actor: SYSTEM,
      status: sent ? "ok" : "error",
    });
    if (sent) {
      const code = Number(sent.response.match(/^(\d{3})/)?.[1]);
      await tx.insert(notificationAttempts).values({ notificationId: claimed.id, attempt: claimed.attempt, outcome: "delivered", recipient, responseCode: Number.isFinite(code) ? code : null, detail: sent.response.slice(0, 500) });
      await tx
        .update(notifications)
        .set({ status: "delivered", deliveredAt: sql`now()`, claimedAt: null, nextAttemptAt: null })
        .where(and(eq(notifications.id, claimed.id), eq(notifications.status, "sending"), eq(notifications.attemptCount, claimed.attempt)));
      return "delivered";
    }
    const f = failure!;
    if (f.kind === "permanent") {
      await fail(tx, claimed, "rejected", { outcome: "permanent-failure", recipient, responseCode: f.responseCode, detail: f.detail });
      return "failed";
    }
    const next = nextRetryAt({ retryFrom: claimed.retryFrom, now: new Date(), failedAttempts: claimed.attempt, retryHours: e.notifications.retryHours, baseSeconds: e.notifications.retryBaseSeconds, random: options.random });
    if (!next) {
      await fail(tx, claimed, "retries-exhausted", { outcome: "temporary-failure", recipient, responseCode: f.responseCode, detail: f.detail });
      return "failed";
    }
    await tx.insert(notificationAttempts).values({ notificationId: claimed.id, attempt: claimed.attempt, outcome: "temporary-failure", recipient, responseCode: f.responseCode, detail: f.detail });
    const [still] = await tx
      .update(notifications)
      .set({ status: "retrying", nextAttemptAt: next, claimedAt: null })
      .where(and(eq(notifications.id, claimed.id), eq(notifications.status, "sending"), eq(notifications.attemptCount, claimed.attempt)))
      .returning({ id: notifications.id });
    if (still) await enqueue(tx, deliverNotificationJob, { notificationId: claimed.id }, { startAfter: next });
    return "retrying";
  });
}
