import type { FailureReason, NotificationStatus } from "@/db/schema/notifications";
import { compareDates, type IsoDate } from "../deadlines/calendar";

/**
 * The delivery status of an inbox message (R13, R14), derived from the notices about it (the
 * notice of its own kind; reminders do not count). Pure: the rows come from the database.
 *
 * - delivered: a notice was accepted by the receiving server (the time of sending that counts);
 * - pending: a notice is queued, being sent or retried after a temporary failure;
 * - failed: the notice could not be delivered (no verified address, rejected, bounced, retries
 *   used up, a template error) while the party had chosen digital delivery;
 * - not-digital: the party did not choose digital delivery for this kind: it goes by post, by
 *   their own choice;
 * - none: no notice was made (a message from before notices existed).
 */

export type DeliveryState = "delivered" | "pending" | "failed" | "not-digital" | "none";

export interface NoticeRow {
  id: string;
  status: NotificationStatus;
  failureReason: FailureReason | null;
  createdAt: Date;
  deliveredAt: Date | null;
  attemptCount: number;
}

export interface DeliveryStatus {
  state: DeliveryState;
  /** When the notice that counts was delivered. */
  deliveredAt: Date | null;
  /** Why the latest notice failed (state "failed" or "not-digital"). */
  failureReason: FailureReason | null;
  /** Delivered, but only after it was sent again (R13: the term is counted from then). */
  resent: boolean;
}

/** The status of a message from its notices (any order). */
export function deliveryStatus(notices: readonly NoticeRow[]): DeliveryStatus {
  if (notices.length === 0) return { state: "none", deliveredAt: null, failureReason: null, resent: false };
  const delivered = notices.filter((n) => n.status === "delivered" && n.deliveredAt).sort((a, b) => a.deliveredAt!.getTime() - b.deliveredAt!.getTime());
  const first = delivered[0];
  if (first) return { state: "delivered", deliveredAt: first.deliveredAt, failureReason: null, resent: first.attemptCount > 1 };
  const latest = [...notices].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
  if (latest.status === "failed") {
    const reason = latest.failureReason;
    return { state: reason === "no-consent" ? "not-digital" : "failed", deliveredAt: null, failureReason: reason, resent: false };
  }
  return { state: "pending", deliveredAt: null, failureReason: null, resent: false };
}

/**
 * R14: a term that passed while no notice had reached the party, who had not opted out of
 * digital delivery, is not held against them. Today and the end are days in Europe/Amsterdam.
 */
export function notHeldAgainst(status: DeliveryStatus, termEndsOn: IsoDate | null, today: IsoDate): boolean {
  if (!termEndsOn || compareDates(today, termEndsOn) <= 0) return false;
  return status.state === "failed" || status.state === "pending" || status.state === "none";
}

/** R13: the notice could not be delivered (not by the party's choice): the message and the case say so, also before the term ends. */
export function undelivered(status: DeliveryStatus): boolean {
  return status.state === "failed";
}
