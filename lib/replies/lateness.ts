import { amsterdamDate } from "../channels/designations";
import { daysBetween } from "../deadlines/calendar";
import { format, formatDate, messagesFor, type Locale } from "../i18n";

/**
 * Whether a reply came in after the term of the message it answers (issue 7: "accepted, but
 * marked late with the reason shown to the handler"). Pure.
 *
 * The ONE place that decides it: it reads the message's last day of the term. When the effective
 * term (R13 recalculated after a notice was sent again, R14 not held against the resident) is
 * available, pass that as `termEndsOn` here and every screen follows.
 */

export type Lateness = { late: false } | { late: true; receivedOn: string; termEndsOn: string; daysLate: number };

export function replyLateness(message: { termEndsOn: string | null }, receivedAt: Date): Lateness {
  if (!message.termEndsOn) return { late: false };
  const receivedOn = amsterdamDate(receivedAt);
  // The whole last day counts: a reply on that day is on time.
  if (receivedOn <= message.termEndsOn) return { late: false };
  return { late: true, receivedOn, termEndsOn: message.termEndsOn, daysLate: daysBetween(message.termEndsOn, receivedOn) };
}

/** Whether the term of a message has passed on this moment (for the resident, before sending). */
export function termHasPassed(message: { termEndsOn: string | null }, now: Date): boolean {
  return replyLateness(message, now).late;
}

const day = (iso: string, locale: Locale) => formatDate(new Date(`${iso}T12:00:00Z`), locale);

/** "Reactie ontvangen op 12 maart 2026, 3 dagen na het einde van de termijn (9 maart 2026)." Null when on time. */
export function latenessReason(lateness: Lateness, locale: Locale): string | null {
  if (!lateness.late) return null;
  const t = messagesFor(locale).replies.late;
  return format(lateness.daysLate === 1 ? t.reasonOneDay : t.reason, { received: day(lateness.receivedOn, locale), days: lateness.daysLate, termEnd: day(lateness.termEndsOn, locale) });
}
