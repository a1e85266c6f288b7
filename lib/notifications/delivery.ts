import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { channelConsents, notificationAttempts, notifications, partyContacts, type FailureReason } from "@/db/schema/notifications";
import { parties } from "@/db/schema/identity";
import { submissions } from "@/db/schema/submissions";
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
import { renderNotice, type ReceiptFacts, type RenderedMail } from "./templates";

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

interface ClaimRow {
  id: string;
  party_id: string;
  kind: Claimed["kind"];
  language: "nl" | "en";
  message_ref: string | null;
  submission_ref: string | null;
  term_ends_on: string | null;
  attempt_count: number | string;
  retry_from_ms: number | string;
  party_kind: "person" | "business";
  digital: boolean | null;
  email: string | null;
  verified: boolean;
}

/** The rows of a raw query: postgres.js answers with an array, PGlite with { rows }. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}

interface Claimed {
  id: string;
  partyId: string;
  partyKind: "person" | "business";
  kind: (typeof notifications.$inferSelect)["kind"];
  language: "nl" | "en";
  messageRef: string | null;
  submissionRef: string | null;
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

/** For a receipt about a submission: its reference and moment of receipt (never its product or content), else null. */
async function receiptFacts(tx: DbOrTx, claimed: Claimed): Promise<ReceiptFacts | null> {
  if (claimed.kind !== "receipt" || !claimed.submissionRef) return null;
  const [row] = await tx
    .select({ reference: submissions.reference, receivedAt: submissions.receivedAt })
    .from(submissions)
    .where(and(eq(submissions.id, claimed.submissionRef), eq(submissions.partyId, claimed.partyId)));
  return row ? { reference: row.reference, receivedAt: row.receivedAt, receivedBy: env().municipality.name } : null;
}

/** Claims, checks, sends and records one notification. Returns what happened; "skipped" when there was nothing to do. */
export async function deliverNotification(notificationId: string, options: { random?: () => number } = {}): Promise<DeliveryResult> {
  const e = env();
  // 1. Claim, and decide whether we may send at all, in one short transaction.
  const claim = await inTransaction(async (tx) => {
    // One statement claims the row and reads what the decision needs (party kind, consent, address).
    const rows = rowsOf<ClaimRow>(
      await tx.execute(sql`
        with claimed as (
          update ${notifications}
          set status = 'sending', attempt_count = attempt_count + 1, claimed_at = now()
          where id = ${notificationId}
            and (status in ('queued', 'retrying') or (status = 'sending' and claimed_at < now() - make_interval(secs => ${e.notifications.claimTimeoutSeconds})))
          returning id, party_id, kind, language, message_ref, submission_ref, term_ends_on, attempt_count, retry_from
        )
        select c.id, c.party_id, c.kind, c.language, c.message_ref, c.submission_ref, to_char(c.term_ends_on, 'YYYY-MM-DD') as term_ends_on,
          c.attempt_count, (extract(epoch from c.retry_from) * 1000)::float8 as retry_from_ms,
          p.kind as party_kind, cc.digital, pc.email, (pc.email_verified_at is not null) as verified
        from claimed c
        join ${parties} p on p.id = c.party_id
        left join ${channelConsents} cc on cc.party_id = c.party_id and cc.kind = c.kind
        left join ${partyContacts} pc on pc.party_id = c.party_id`),
    );
    const row = rows[0];
    if (!row) return null;
    const claimed: Claimed = {
      id: row.id,
      partyId: row.party_id,
      partyKind: row.party_kind,
      kind: row.kind,
      language: row.language,
      messageRef: row.message_ref,
      submissionRef: row.submission_ref,
      termEndsOn: row.term_ends_on,
      attempt: Number(row.attempt_count),
      retryFrom: new Date(Number(row.retry_from_ms)),
    };
    if (!row.digital) {
      await fail(tx, claimed, "no-consent", { outcome: "permanent-failure", recipient: null, detail: "Geen toestemming voor digitale berichten van dit soort." });
      return { claimed, recipient: null };
    }
    if (!row.email || !row.verified) {
      await fail(tx, claimed, "no-verified-address", { outcome: "permanent-failure", recipient: row.email ?? null, detail: "Geen bevestigd e-mailadres." });
      return { claimed, recipient: null };
    }
    await tx.execute(sql`
      with attempt as (
        insert into ${notificationAttempts} (notification_id, attempt, outcome, recipient) values (${row.id}, ${claimed.attempt}, 'sending', ${row.email})
      )
      update ${notifications} set recipient = ${row.email} where id = ${row.id}`);
    return { claimed, recipient: row.email, receipt: await receiptFacts(tx, claimed) };
  });
  if (!claim) return "skipped";
  if (!claim.recipient) return "failed";
  const { claimed, recipient } = claim;

  // 2. Render. A template that cannot render is our fault: it fails visibly, and a person takes over.
  let mail: RenderedMail;
  try {
    mail = renderNotice({ kind: claimed.kind, language: claimed.language, portalUrl: e.publicUrl, municipality: e.municipality, termEndsOn: claimed.termEndsOn, messageRef: claimed.messageRef, receipt: "receipt" in claim ? claim.receipt : null });
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
