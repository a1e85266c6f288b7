import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { channelConsents, notificationAttempts, notifications, partyContacts, type FailureReason } from "@/db/schema/notifications";
import { parties } from "@/db/schema/identity";
import { submissions } from "@/db/schema/submissions";
import { processingLogInsert, type ProcessingEntry } from "../audit/processing-log";
import { inTransaction, withDb } from "../db";
import { env } from "../env";
import { recalculateTerms } from "../inbox/effective-term";
import { enqueue } from "../jobs/runtime";
import { logger } from "../log";
import { mailTransport } from "../mail";
import { describeMailFailure, type MailFailure } from "../mail/transport";
import { nextRetryAt } from "./backoff";
import { openFallbackTask } from "./fallback-open";
import { deliverNotificationJob } from "./jobs";
import { notificationMailKey } from "./notify";
import { renderNoticeCached, type ReceiptFacts, type RenderedMail } from "./templates";

/**
 * Delivering notifications: claim them, check consent and the verified address, render, send
 * through the mail transport, and record the outcome. Every step leaves a row in
 * notification_attempts (the proof, R16). A worker delivers the batch of jobs pg-boss hands it
 * together, so the database work is per batch, not per mail:
 *
 * 1. One transaction claims the whole batch (one statement that also reads party kind, consent
 *    and address), fails those that may not be sent, and records "sending" for the rest (one
 *    statement).
 * 2. Each mail is rendered and sent on its own, at the same time (the SMTP pool).
 * 3. Each outcome is recorded as soon as its send returns, by group commit: what finished while
 *    the previous record transaction ran is written together in the next one (processing log,
 *    attempt and status in one statement each). The time between "sent" and "recorded" stays
 *    that of one short transaction, so a crash re-sends at most the mails in that window.
 *
 * Exactly one worker sends: the claim is a conditional UPDATE (queued/retrying -> sending) that
 * only one transaction can win; claimers lock rows in id order, so overlapping batches wait for
 * each other instead of deadlocking. A worker that dies while sending leaves the claim; after
 * NOTIFICATION_CLAIM_TIMEOUT_SECONDS (10 minutes) another run may take it and send again, with
 * the same Message-ID (the only case where a notice goes out twice).
 */

const SYSTEM = { kind: "system", name: "notification-worker" } as const;

export type DeliveryResult = "skipped" | "delivered" | "retrying" | "failed";

/** What delivering one notification of a batch came to: a result, or the error that failed its job (a template that cannot render, a database error). */
export type DeliveryOutcome = { result: DeliveryResult } | { error: unknown };

export interface DeliveryOptions {
  /** The jitter of the retry back-off (tests). */
  random?: () => number;
}

interface ClaimRow {
  id: string;
  party_id: string;
  kind: Claimed["kind"];
  language: "nl" | "en";
  message_ref: string | null;
  term_ends_on: string | null;
  attempt_count: number | string;
  retry_from_ms: number | string;
  party_kind: "person" | "business";
  digital: boolean | null;
  email: string | null;
  verified: boolean;
  receipt_reference: string | null;
  receipt_received_ms: number | string | null;
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
  termEndsOn: string | null;
  attempt: number;
  retryFrom: Date;
  /** For a receipt about a submission: its reference and moment of receipt (never its product or content). */
  receipt: ReceiptFacts | null;
}

/** A mail that went out or failed, waiting to be recorded. */
interface SendOutcome {
  claimed: Claimed;
  recipient: string;
  sent: { response: string } | null;
  failure: MailFailure | null;
  random?: () => number;
}

async function fail(tx: DbOrTx, claimed: Claimed, reason: FailureReason, attempt: { outcome: "permanent-failure" | "temporary-failure"; recipient: string | null; responseCode?: number | null; detail: string }): Promise<void> {
  await tx.insert(notificationAttempts).values({ notificationId: claimed.id, attempt: claimed.attempt, outcome: attempt.outcome, recipient: attempt.recipient, responseCode: attempt.responseCode ?? null, detail: attempt.detail });
  await tx
    .update(notifications)
    .set({ status: "failed", failedAt: sql`now()`, failureReason: reason, claimedAt: null, nextAttemptAt: null, recipient: attempt.recipient })
    .where(and(eq(notifications.id, claimed.id), eq(notifications.status, "sending"), eq(notifications.attemptCount, claimed.attempt)));
  await openFallbackTask(tx, { partyId: claimed.partyId, notificationId: claimed.id, reason });
}

/**
 * Step 1 for a batch: claims every notification that is ours to send, fails those without
 * consent or a verified address, and records "sending" for the rest. Returns what to send.
 */
async function claimBatch(ids: readonly string[]): Promise<{ toSend: { claimed: Claimed; recipient: string }[]; failed: Set<string> }> {
  const claimTimeoutSeconds = env().notifications.claimTimeoutSeconds;
  return inTransaction(async (tx) => {
    // One statement locks (in id order), reads what the decision needs (party kind, consent,
    // address), claims, and records "sending" with the recipient for those that may be sent.
    const rows = rowsOf<ClaimRow>(
      await tx.execute(sql`
        with target as (
          select n.id, p.kind as party_kind, cc.digital, pc.email, (pc.email_verified_at is not null) as verified
          from ${notifications} n
          join ${parties} p on p.id = n.party_id
          left join ${channelConsents} cc on cc.party_id = n.party_id and cc.kind = n.kind
          left join ${partyContacts} pc on pc.party_id = n.party_id
          where n.id = any(${`{${ids.join(",")}}`}::uuid[])
            and (n.status in ('queued', 'retrying') or (n.status = 'sending' and n.claimed_at < now() - make_interval(secs => ${claimTimeoutSeconds})))
          order by n.id
          for update of n
        ), claimed as (
          update ${notifications} n
          set status = 'sending', attempt_count = n.attempt_count + 1, claimed_at = now(),
            recipient = case when t.digital and t.verified and t.email is not null then t.email else n.recipient end
          from target t
          where n.id = t.id
          returning n.id, n.party_id, n.kind, n.language, n.message_ref, n.submission_ref, n.term_ends_on, n.attempt_count, n.retry_from,
            t.party_kind, t.digital, t.email, t.verified
        ), sending as (
          insert into ${notificationAttempts} (notification_id, attempt, outcome, recipient)
          select id, attempt_count, 'sending', email from claimed where digital and verified and email is not null
        )
        select c.id, c.party_id, c.kind, c.language, c.message_ref, to_char(c.term_ends_on, 'YYYY-MM-DD') as term_ends_on,
          c.attempt_count, (extract(epoch from c.retry_from) * 1000)::float8 as retry_from_ms, c.party_kind, c.digital, c.email, c.verified,
          s.reference as receipt_reference, (extract(epoch from s.received_at) * 1000)::float8 as receipt_received_ms
        from claimed c
        left join ${submissions} s on c.kind = 'receipt' and s.party_id = c.party_id
          and s.id = (case when c.submission_ref ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then c.submission_ref::uuid end)`),
    );
    const toSend: { claimed: Claimed; recipient: string }[] = [];
    const failed = new Set<string>();
    for (const row of rows) {
      const claimed: Claimed = {
        id: row.id,
        partyId: row.party_id,
        partyKind: row.party_kind,
        kind: row.kind,
        language: row.language,
        messageRef: row.message_ref,
        termEndsOn: row.term_ends_on,
        attempt: Number(row.attempt_count),
        retryFrom: new Date(Number(row.retry_from_ms)),
        receipt: row.receipt_reference ? { reference: row.receipt_reference, receivedAt: new Date(Number(row.receipt_received_ms)), receivedBy: env().municipality.name } : null,
      };
      if (!row.digital) {
        await fail(tx, claimed, "no-consent", { outcome: "permanent-failure", recipient: null, detail: "Geen toestemming voor digitale berichten van dit soort." });
        failed.add(claimed.id);
      } else if (!row.email || !row.verified) {
        await fail(tx, claimed, "no-verified-address", { outcome: "permanent-failure", recipient: row.email ?? null, detail: "Geen bevestigd e-mailadres." });
        failed.add(claimed.id);
      } else {
        toSend.push({ claimed, recipient: row.email });
      }
    }
    return { toSend, failed };
  });
}

function processingEntry(outcome: SendOutcome): ProcessingEntry {
  return {
    operation: "notification.send",
    activity: "berichtenverkeer",
    purpose: "Notificatie sturen dat er een bericht klaarstaat",
    subject: { partyId: outcome.claimed.partyId, kind: outcome.claimed.partyKind },
    actor: SYSTEM,
    status: outcome.sent ? "ok" : "error",
  };
}

/** The "delivered" rows of a group of outcomes: attempt, recipient and the server's answer. */
function deliveredRows(outcomes: readonly SendOutcome[]) {
  return outcomes.flatMap(({ claimed, recipient, sent }) => {
    if (!sent) return [];
    const code = Number(sent.response.match(/^(\d{3})/)?.[1]);
    return [{ id: claimed.id, attempt: claimed.attempt, recipient, code: Number.isFinite(code) ? code : null, detail: sent.response.slice(0, 500) }];
  });
}

/**
 * Step 3: records outcomes; the conditional UPDATEs make sure we still own each claim. When
 * every mail of the group went out (the usual case) that is ONE statement: the processing log
 * entries, the "delivered" attempts and the status, atomic as any single statement. Otherwise
 * one transaction handles failures and retries one by one.
 */
async function recordOutcomes(outcomes: readonly SendOutcome[]): Promise<DeliveryResult[]> {
  const results = await recordOutcomesOnly(outcomes);
  await recalculateResentTerms(outcomes);
  return results;
}

/**
 * R13: a notice about a message with a term delivered after it was sent again (a later attempt)
 * moves the term. Rare, so the usual group (all first attempts) costs nothing here. Done after the
 * delivery is recorded; should it fail or the process die, the reminder job catches up
 * (lib/inbox/effective-term.ts recalculateRecentTerms).
 */
async function recalculateResentTerms(outcomes: readonly SendOutcome[]): Promise<void> {
  const refs = outcomes.flatMap(({ claimed, sent }) => (sent && claimed.attempt > 1 && claimed.messageRef && (claimed.kind === "decision" || claimed.kind === "information-request") ? [claimed.messageRef] : []));
  if (refs.length === 0) return;
  await withDb((db) => recalculateTerms(db, refs)).catch((error: unknown) => logger().warn({ err: error, count: refs.length }, "recalculating terms after re-sent notices failed; the reminder job catches up"));
}

async function recordOutcomesOnly(outcomes: readonly SendOutcome[]): Promise<DeliveryResult[]> {
  const log = await processingLogInsert(outcomes.map(processingEntry));
  const delivered = deliveredRows(outcomes);
  const recordDelivered = (db: DbOrTx) =>
    db.execute(sql`
      with log as (${log}),
      delivered as (
        select * from json_to_recordset(${JSON.stringify(delivered)}::json) as x(id uuid, attempt integer, recipient text, code integer, detail text)
      ), attempt as (
        insert into ${notificationAttempts} (notification_id, attempt, outcome, recipient, response_code, detail)
        select id, attempt, 'delivered', recipient, code, detail from delivered
      )
      update ${notifications} n
      set status = 'delivered', delivered_at = now(), claimed_at = null, next_attempt_at = null
      from delivered d
      where n.id = d.id and n.status = 'sending' and n.attempt_count = d.attempt`);
  if (delivered.length === outcomes.length) {
    await withDb((db) => recordDelivered(db));
    return outcomes.map(() => "delivered");
  }
  const e = env();
  return inTransaction(async (tx) => {
    await recordDelivered(tx);
    const results: DeliveryResult[] = [];
    for (const { claimed, recipient, sent, failure, random } of outcomes) {
      if (sent) {
        results.push("delivered");
        continue;
      }
      const f = failure!;
      if (f.kind === "permanent") {
        await fail(tx, claimed, "rejected", { outcome: "permanent-failure", recipient, responseCode: f.responseCode, detail: f.detail });
        results.push("failed");
        continue;
      }
      const next = nextRetryAt({ retryFrom: claimed.retryFrom, now: new Date(), failedAttempts: claimed.attempt, retryHours: e.notifications.retryHours, baseSeconds: e.notifications.retryBaseSeconds, random });
      if (!next) {
        await fail(tx, claimed, "retries-exhausted", { outcome: "temporary-failure", recipient, responseCode: f.responseCode, detail: f.detail });
        results.push("failed");
        continue;
      }
      await tx.insert(notificationAttempts).values({ notificationId: claimed.id, attempt: claimed.attempt, outcome: "temporary-failure", recipient, responseCode: f.responseCode, detail: f.detail });
      const [still] = await tx
        .update(notifications)
        .set({ status: "retrying", nextAttemptAt: next, claimedAt: null })
        .where(and(eq(notifications.id, claimed.id), eq(notifications.status, "sending"), eq(notifications.attemptCount, claimed.attempt)))
        .returning({ id: notifications.id });
      if (still) await enqueue(tx, deliverNotificationJob, { notificationId: claimed.id }, { startAfter: next });
      results.push("retrying");
    }
    return results;
  });
}

/**
 * Group commit of outcomes, for this process: an outcome waits for the record transaction that
 * runs now (if any) to finish and is then written together with everything else that finished
 * meanwhile. When a group fails to commit, each of its outcomes is tried on its own, so one bad
 * row fails only its own job.
 */
const recorder = (() => {
  let pending: { outcome: SendOutcome; resolve: (r: DeliveryResult) => void; reject: (e: unknown) => void }[] = [];
  let running = false;
  async function drain() {
    running = true;
    try {
      while (pending.length > 0) {
        const group = pending;
        pending = [];
        try {
          const results = await recordOutcomes(group.map((g) => g.outcome));
          group.forEach((g, i) => g.resolve(results[i]!));
        } catch (error) {
          if (group.length === 1) {
            group[0]!.reject(error);
            continue;
          }
          logger().warn({ err: error, size: group.length }, "recording a group of deliveries failed; recording each on its own");
          for (const g of group) {
            await recordOutcomes([g.outcome]).then(([r]) => g.resolve(r!), g.reject);
          }
        }
      }
    } finally {
      running = false;
    }
  }
  return {
    record(outcome: SendOutcome): Promise<DeliveryResult> {
      return new Promise((resolve, reject) => {
        pending.push({ outcome, resolve, reject });
        if (!running) void drain();
      });
    },
  };
})();

/** Steps 2 and 3 for one claimed notification: render, send, record. */
async function sendAndRecord(claimed: Claimed, recipient: string, options: DeliveryOptions): Promise<DeliveryResult> {
  const e = env();
  // Render. A template that cannot render is our fault: it fails visibly, and a person takes over.
  let mail: RenderedMail;
  try {
    mail = renderNoticeCached({ kind: claimed.kind, language: claimed.language, portalUrl: e.publicUrl, municipality: e.municipality, termEndsOn: claimed.termEndsOn, messageRef: claimed.messageRef, receipt: claimed.receipt });
  } catch (error) {
    await inTransaction((tx) => fail(tx, claimed, "template-error", { outcome: "permanent-failure", recipient, detail: `Sjabloon kon niet worden gemaakt: ${(error as Error).message}`.slice(0, 500) }));
    throw error;
  }
  // Send, outside any transaction. The same key gives the same Message-ID on every attempt.
  let sent: { response: string } | null = null;
  let failure: MailFailure | null = null;
  try {
    sent = await mailTransport().send({ from: e.mailFrom, to: recipient, subject: mail.subject, text: mail.text, html: mail.html, idempotencyKey: notificationMailKey(claimed.id) });
  } catch (error) {
    failure = describeMailFailure(error);
  }
  return recorder.record({ claimed, recipient, sent, failure, random: options.random });
}

/**
 * Claims, checks, sends and records a batch of notifications (the delivery jobs a worker took
 * together). Returns one outcome per id, in order: "skipped" when there was nothing to do (sent
 * already, claimed by another worker, or the same id earlier in the batch), or the error that
 * should fail that id's job.
 */
export async function deliverNotifications(ids: readonly string[], options: DeliveryOptions = {}): Promise<DeliveryOutcome[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const { toSend, failed } = await claimBatch(unique);
  const byId = new Map<string, DeliveryOutcome>();
  for (const id of failed) byId.set(id, { result: "failed" });
  const settled = await Promise.allSettled(toSend.map(({ claimed, recipient }) => sendAndRecord(claimed, recipient, options)));
  settled.forEach((s, i) => byId.set(toSend[i]!.claimed.id, s.status === "fulfilled" ? { result: s.value } : { error: s.reason }));
  const seen = new Set<string>();
  return ids.map((id) => {
    const first = !seen.has(id);
    seen.add(id);
    return (first && byId.get(id)) || { result: "skipped" };
  });
}

/** Claims, checks, sends and records one notification. Returns what happened; "skipped" when there was nothing to do. */
export async function deliverNotification(notificationId: string, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const [outcome] = await deliverNotifications([notificationId], options);
  if (outcome && "error" in outcome) throw outcome.error;
  return outcome!.result;
}
